package dev.grok4.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.grok4.internal.metrics.DefaultMetrics;
import dev.grok4.internal.metrics.GuardedMetricsListener;
import dev.grok4.model.ResponseSource;
import dev.grok4.spi.CacheEvent;
import dev.grok4.spi.MetricsListener;
import dev.grok4.spi.RequestEndEvent;
import dev.grok4.spi.RequestStartEvent;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GuardedMetricsListenerTest {
    private static final Logger JUL = Logger.getLogger(GuardedMetricsListener.class.getName());

    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @BeforeEach
    void captureLog() {
        JUL.addHandler(capture);
    }

    @AfterEach
    void releaseLog() {
        JUL.removeHandler(capture);
    }

    /** Throws from every method it overrides. */
    static final class Throwing implements MetricsListener {
        @Override
        public void onRequestStart(RequestStartEvent event) {
            throw new IllegalStateException("listener bug with secret xai-key");
        }

        @Override
        public void onRequestEnd(RequestEndEvent event) {
            throw new IllegalStateException("listener bug");
        }

        @Override
        public void onCacheHit(CacheEvent event) {
            throw new UnsupportedOperationException("not here");
        }
    }

    @Test
    void aThrowingListenerDoesNotStopDispatchAndWarnsOnce() {
        DefaultMetrics metrics = new DefaultMetrics();
        GuardedMetricsListener guarded = GuardedMetricsListener.of(List.of(new Throwing(),
                metrics));

        assertThatCode(() -> {
            guarded.onRequestStart(new RequestStartEvent("grok-4", false));
            guarded.onRequestEnd(new RequestEndEvent("grok-4", "grok-4", Duration.ofMillis(5),
                    null, false, ResponseSource.NETWORK));
            guarded.onCacheHit(new CacheEvent("grok-4"));
        }).doesNotThrowAnyException();

        assertThat(metrics.snapshot().succeeded()).isEqualTo(1);
        assertThat(metrics.snapshot().cacheHits()).isEqualTo(1);
        assertThat(guarded.failures()).isEqualTo(3);
        List<LogRecord> warnings = records.stream()
                .filter(r -> r.getLevel() == Level.WARNING).toList();
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0).getMessage()).contains(Throwing.class.getName(),
                "IllegalStateException").doesNotContain("xai-key");
    }

    @Test
    void eachFailingListenerWarnsOnceOnItsOwn() {
        GuardedMetricsListener guarded = GuardedMetricsListener.of(List.of(new Throwing(),
                new Throwing()));

        guarded.onRequestStart(new RequestStartEvent("grok-4", true));
        guarded.onRequestStart(new RequestStartEvent("grok-4", true));

        assertThat(records).filteredOn(r -> r.getLevel() == Level.WARNING).hasSize(2);
        assertThat(guarded.failures()).isEqualTo(4);
    }

    @Test
    void defaultMethodsDoNothing() {
        MetricsListener empty = new MetricsListener() {};

        assertThatCode(() -> GuardedMetricsListener.of(empty)
                .onCacheMiss(new CacheEvent("grok-4"))).doesNotThrowAnyException();
    }
}

package dev.grok4.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.grok4.internal.cache.GuardedChatCache;
import dev.grok4.internal.cache.RedisChatCache;
import dev.grok4.internal.metrics.DefaultMetrics;
import dev.grok4.model.ChatResponse;
import dev.grok4.spi.CacheFailureEvent;
import dev.grok4.spi.ChatCache;
import dev.grok4.spi.MetricsListener;
import dev.grok4.testing.RedisServer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GuardedChatCacheTest {
    private static final Logger JUL = Logger.getLogger(GuardedChatCache.class.getName());

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

    @Test
    void redisDownIsAMissWithOneWarningPerKindAndCountedFailures() throws Exception {
        int deadPort = RedisServer.freePort();
        String url = "redis://:hunter2-password@127.0.0.1:" + deadPort;
        DefaultMetrics metrics = new DefaultMetrics();
        List<CacheFailureEvent> events = new CopyOnWriteArrayList<>();
        MetricsListener listener = new MetricsListener() {
            @Override
            public void onCacheFailure(CacheFailureEvent event) {
                events.add(event);
                metrics.onCacheFailure(event);
            }
        };

        try (GuardedChatCache cache = new GuardedChatCache(
                RedisChatCache.create(url, Duration.ofHours(1), "grok4:"), listener)) {
            assertThat(cache.get("ns:key")).isEmpty();
            assertThat(cache.get("ns:key")).isEmpty();
            cache.put("ns:key", Responses.text("never stored"));
        }

        assertThat(cache(events)).containsExactly("get", "get", "put");
        assertThat(events).allSatisfy(e -> assertThat(e.errorType())
                .isEqualTo("RedisConnectionException"));
        assertThat(metrics.snapshot().cacheFailures()).isEqualTo(3);
        List<LogRecord> warnings = warnings();
        assertThat(warnings).hasSize(2);
        assertThat(warnings.get(0).getMessage()).contains("get failed", "RedisConnectionException")
                .doesNotContain("hunter2").doesNotContain("ns:key");
        assertThat(warnings.get(1).getMessage()).contains("put failed");
    }

    @Test
    void logsEachKindAtMostOnceAMinuteAndCountsEveryFailure() {
        Instant[] now = {Instant.parse("2026-01-01T00:00:00Z")};
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        GuardedChatCache cache = new GuardedChatCache(new Broken(), new MetricsListener() {},
                clock);

        for (int i = 0; i < 5; i++) {
            assertThat(cache.get("k")).isEmpty();
        }
        now[0] = now[0].plusSeconds(59);
        cache.get("k");
        assertThat(warnings()).hasSize(1);

        now[0] = now[0].plusSeconds(1);
        cache.get("k");
        assertThat(warnings()).hasSize(2);
        assertThat(cache.failures()).isEqualTo(7);
    }

    @Test
    void passesThroughWhenTheCacheWorks() {
        ChatCache working = new dev.grok4.internal.cache.MemoryChatCache(Duration.ofMinutes(1),
                10, com.github.benmanes.caffeine.cache.Ticker.systemTicker());
        GuardedChatCache cache = new GuardedChatCache(working, new MetricsListener() {});

        cache.put("k", Responses.text("fine"));

        assertThat(cache.get("k")).map(ChatResponse::content).contains("fine");
        assertThat(cache.failures()).isZero();
        assertThat(warnings()).isEmpty();
    }

    private List<LogRecord> warnings() {
        return records.stream().filter(r -> r.getLevel() == Level.WARNING).toList();
    }

    private static List<String> cache(List<CacheFailureEvent> events) {
        return events.stream().map(CacheFailureEvent::operation).toList();
    }

    private static final class Broken implements ChatCache {
        @Override
        public Optional<ChatResponse> get(String key) {
            throw new IllegalStateException("store is broken for " + key);
        }

        @Override
        public void put(String key, ChatResponse response) {
            throw new IllegalStateException("store is broken");
        }
    }
}

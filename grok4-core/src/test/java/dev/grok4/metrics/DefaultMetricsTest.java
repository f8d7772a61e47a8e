package dev.grok4.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.grok4.ErrorKind;
import dev.grok4.MetricsSnapshot;
import dev.grok4.internal.metrics.DefaultMetrics;
import dev.grok4.model.ResponseSource;
import dev.grok4.spi.CacheEvent;
import dev.grok4.spi.CostEvent;
import dev.grok4.spi.FallbackEvent;
import dev.grok4.spi.RequestEndEvent;
import dev.grok4.spi.RetryEvent;
import dev.grok4.spi.TokenUsageEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DefaultMetricsTest {
    private final DefaultMetrics metrics = new DefaultMetrics();

    private static RequestEndEvent ok(long millis) {
        return new RequestEndEvent("grok-4", "grok-4-0709", Duration.ofMillis(millis), null,
                false, ResponseSource.NETWORK);
    }

    private static RequestEndEvent failed(ErrorKind kind) {
        return new RequestEndEvent("grok-4", null, Duration.ofMillis(10), kind, true,
                ResponseSource.NETWORK);
    }

    @Test
    void percentilesOfOneToOneHundredMilliseconds() {
        for (int ms = 1; ms <= 100; ms++) {
            metrics.onRequestEnd(ok(ms));
        }

        MetricsSnapshot s = metrics.snapshot();

        assertThat(s.p50LatencyMs()).isCloseTo(50, within(0.05));
        assertThat(s.p95LatencyMs()).isCloseTo(95, within(0.1));
        assertThat(s.p99LatencyMs()).isCloseTo(99, within(0.1));
        assertThat(s.averageLatencyMs()).isCloseTo(50.5, within(0.05));
        assertThat(s.totalRequests()).isEqualTo(100);
    }

    @Test
    void isAllZeroBeforeAnyCall() {
        MetricsSnapshot s = metrics.snapshot();

        assertThat(s.totalRequests()).isZero();
        assertThat(s.errorRate()).isZero();
        assertThat(s.cacheHitRate()).isZero();
        assertThat(s.p99LatencyMs()).isZero();
        assertThat(s.averageLatencyMs()).isZero();
    }

    @Test
    void countsOutcomesCacheRetriesTokensAndCost() {
        metrics.onRequestEnd(ok(100));
        metrics.onRequestEnd(ok(200));
        metrics.onRequestEnd(ok(300));
        metrics.onRequestEnd(failed(ErrorKind.RATE_LIMITED));
        metrics.onCacheHit(new CacheEvent("grok-4"));
        metrics.onCacheMiss(new CacheEvent("grok-4"));
        metrics.onCacheMiss(new CacheEvent("grok-4"));
        metrics.onCacheMiss(new CacheEvent("grok-4"));
        metrics.onRetry(new RetryEvent("grok-4", 1, ErrorKind.SERVER, Duration.ofSeconds(1)));
        metrics.onRetry(new RetryEvent("grok-4", 2, ErrorKind.SERVER, Duration.ofSeconds(2)));
        metrics.onFallback(new FallbackEvent("grok-4", "grok-3", ErrorKind.SERVER));
        metrics.onTokens(new TokenUsageEvent("grok-4", "grok-4-0709", 12, 342));
        metrics.onTokens(new TokenUsageEvent("grok-4", null, 15, 78));
        metrics.onCost(new CostEvent("grok-4", 0.25, 38.75, false));
        metrics.onCost(new CostEvent("grok-4", 0.5, 77.5, true));

        MetricsSnapshot s = metrics.snapshot();

        assertThat(s.totalRequests()).isEqualTo(4);
        assertThat(s.succeeded()).isEqualTo(3);
        assertThat(s.failed()).isEqualTo(1);
        assertThat(s.errorRate()).isEqualTo(0.25);
        assertThat(s.cacheHits()).isEqualTo(1);
        assertThat(s.cacheMisses()).isEqualTo(3);
        assertThat(s.cacheHitRate()).isEqualTo(0.25);
        assertThat(s.retries()).isEqualTo(2);
        assertThat(s.fallbacks()).isEqualTo(1);
        assertThat(s.inputTokens()).isEqualTo(27);
        assertThat(s.outputTokens()).isEqualTo(420);
        assertThat(s.costUsd()).isEqualTo(0.75);
        assertThat(s.costJpy()).isEqualTo(116.25);
    }

    @Test
    void countsExactlyUnderConcurrentUpdates() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 1; i <= 1000; i++) {
                        metrics.onRequestEnd(ok(i % 50 + 1));
                        metrics.onTokens(new TokenUsageEvent("grok-4", null, 1, 2));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        MetricsSnapshot s = metrics.snapshot();

        assertThat(s.succeeded()).isEqualTo(8000);
        assertThat(s.inputTokens()).isEqualTo(8000);
        assertThat(s.outputTokens()).isEqualTo(16000);
        assertThat(s.p50LatencyMs()).isCloseTo(25, within(1.0));
    }
}

package dev.grok4.internal.metrics;

import dev.grok4.MetricsSnapshot;
import dev.grok4.spi.CacheEvent;
import dev.grok4.spi.CacheFailureEvent;
import dev.grok4.spi.CostEvent;
import dev.grok4.spi.FallbackEvent;
import dev.grok4.spi.MetricsListener;
import dev.grok4.spi.RequestEndEvent;
import dev.grok4.spi.RetryEvent;
import dev.grok4.spi.TokenUsageEvent;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.SynchronizedHistogram;

/**
 * The client's built-in metrics: counters and a latency histogram kept in memory, read through
 * {@link #snapshot()}.
 *
 * <p>Latencies go into an HdrHistogram in microseconds with three significant digits, so a
 * percentile is within 0.1% of the recorded value. The histogram grows as needed and is never
 * reset. Thread-safe: counters are adders, the histogram is synchronized.
 */
public final class DefaultMetrics implements MetricsListener {
    private static final int SIGNIFICANT_DIGITS = 3;
    private static final double MICROS_PER_MILLI = 1000.0;

    private final LongAdder succeeded = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder cacheHits = new LongAdder();
    private final LongAdder cacheMisses = new LongAdder();
    private final LongAdder cacheFailures = new LongAdder();
    private final LongAdder retries = new LongAdder();
    private final LongAdder fallbacks = new LongAdder();
    private final LongAdder inputTokens = new LongAdder();
    private final LongAdder outputTokens = new LongAdder();
    private final DoubleAdder costUsd = new DoubleAdder();
    private final DoubleAdder costJpy = new DoubleAdder();
    private final Histogram latencyMicros = new SynchronizedHistogram(SIGNIFICANT_DIGITS);

    @Override
    public void onRequestEnd(RequestEndEvent event) {
        (event.success() ? succeeded : failed).increment();
        long micros = Math.max(0, event.duration().toNanos() / 1000);
        latencyMicros.recordValue(micros);
    }

    @Override
    public void onRetry(RetryEvent event) {
        retries.increment();
    }

    @Override
    public void onFallback(FallbackEvent event) {
        fallbacks.increment();
    }

    @Override
    public void onCacheHit(CacheEvent event) {
        cacheHits.increment();
    }

    @Override
    public void onCacheMiss(CacheEvent event) {
        cacheMisses.increment();
    }

    @Override
    public void onCacheFailure(CacheFailureEvent event) {
        cacheFailures.increment();
    }

    @Override
    public void onTokens(TokenUsageEvent event) {
        inputTokens.add(event.inputTokens());
        outputTokens.add(event.outputTokens());
    }

    @Override
    public void onCost(CostEvent event) {
        costUsd.add(event.usd());
        costJpy.add(event.jpy());
    }

    /** Returns the current values. Counts read at slightly different instants under load. */
    public MetricsSnapshot snapshot() {
        Histogram latency = latencyMicros.copy();
        return MetricsSnapshot.builder()
                .requests(succeeded.sum(), failed.sum())
                .cache(cacheHits.sum(), cacheMisses.sum(), cacheFailures.sum())
                .retries(retries.sum(), fallbacks.sum())
                .latencyMs(mean(latency), percentile(latency, 50), percentile(latency, 95),
                        percentile(latency, 99))
                .tokens(inputTokens.sum(), outputTokens.sum())
                .cost(costUsd.sum(), costJpy.sum())
                .build();
    }

    private static double mean(Histogram h) {
        return h.getTotalCount() == 0 ? 0 : h.getMean() / MICROS_PER_MILLI;
    }

    private static double percentile(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(percentile) / MICROS_PER_MILLI;
    }
}

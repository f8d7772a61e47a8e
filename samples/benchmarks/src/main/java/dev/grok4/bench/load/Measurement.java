package dev.grok4.bench.load;

import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;

/**
 * What one cell run measured: the latency of every call that completed inside the window (in
 * nanoseconds), the counts, and what the process spent meanwhile.
 */
record Measurement(String client, Mode mode, int concurrency, Histogram latencies, long calls,
        long errors, long events, ResourceMeter.Snapshot spent, @Nullable String firstError) {
}

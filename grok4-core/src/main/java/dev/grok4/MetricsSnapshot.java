package dev.grok4;

/**
 * The client's counters and latency percentiles at one moment, as kept by its built-in metrics.
 *
 * <p>Counts cover every call since the client was created. Latencies are in milliseconds with
 * three significant digits and cover every ended call, cache hits included; they are 0 before
 * the first call ends. Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class MetricsSnapshot {
    private final long totalRequests;
    private final long succeeded;
    private final long failed;
    private final long cacheHits;
    private final long cacheMisses;
    private final long cacheFailures;
    private final long retries;
    private final long fallbacks;
    private final double averageLatencyMs;
    private final double p50LatencyMs;
    private final double p95LatencyMs;
    private final double p99LatencyMs;
    private final long inputTokens;
    private final long outputTokens;
    private final double costUsd;
    private final double costJpy;

    private MetricsSnapshot(Builder b) {
        this.totalRequests = b.succeeded + b.failed;
        this.succeeded = b.succeeded;
        this.failed = b.failed;
        this.cacheHits = b.cacheHits;
        this.cacheMisses = b.cacheMisses;
        this.cacheFailures = b.cacheFailures;
        this.retries = b.retries;
        this.fallbacks = b.fallbacks;
        this.averageLatencyMs = b.averageLatencyMs;
        this.p50LatencyMs = b.p50LatencyMs;
        this.p95LatencyMs = b.p95LatencyMs;
        this.p99LatencyMs = b.p99LatencyMs;
        this.inputTokens = b.inputTokens;
        this.outputTokens = b.outputTokens;
        this.costUsd = b.costUsd;
        this.costJpy = b.costJpy;
    }

    /** Returns a builder with every value at zero; used by metrics implementations. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns the number of ended calls, succeeded plus failed. */
    public long totalRequests() {
        return totalRequests;
    }

    /** Returns the number of calls that returned a response, cache hits included. */
    public long succeeded() {
        return succeeded;
    }

    /** Returns the number of calls that threw. */
    public long failed() {
        return failed;
    }

    /** Returns how many cacheable calls the cache answered. */
    public long cacheHits() {
        return cacheHits;
    }

    /** Returns how many cacheable calls the cache could not answer. */
    public long cacheMisses() {
        return cacheMisses;
    }

    /** Returns how many cache operations failed and were treated as misses. */
    public long cacheFailures() {
        return cacheFailures;
    }

    /** Returns hits divided by hits plus misses, or 0 when the cache was never asked. */
    public double cacheHitRate() {
        long lookups = cacheHits + cacheMisses;
        return lookups == 0 ? 0 : (double) cacheHits / lookups;
    }

    /** Returns failed divided by total requests, or 0 before the first call ends. */
    public double errorRate() {
        return totalRequests == 0 ? 0 : (double) failed / totalRequests;
    }

    /** Returns the number of retried attempts. */
    public long retries() {
        return retries;
    }

    /** Returns the number of moves to a fallback model. */
    public long fallbacks() {
        return fallbacks;
    }

    /** Returns the mean call latency in milliseconds. */
    public double averageLatencyMs() {
        return averageLatencyMs;
    }

    /** Returns the median call latency in milliseconds. */
    public double p50LatencyMs() {
        return p50LatencyMs;
    }

    /** Returns the 95th-percentile call latency in milliseconds. */
    public double p95LatencyMs() {
        return p95LatencyMs;
    }

    /** Returns the 99th-percentile call latency in milliseconds. */
    public double p99LatencyMs() {
        return p99LatencyMs;
    }

    /** Returns the prompt tokens the server reported, summed. */
    public long inputTokens() {
        return inputTokens;
    }

    /** Returns the generated tokens (reasoning included) the server reported, summed. */
    public long outputTokens() {
        return outputTokens;
    }

    /** Returns the running cost in US dollars of the calls whose cost was known. */
    public double costUsd() {
        return costUsd;
    }

    /** Returns the running cost in yen of the calls whose cost was known. */
    public double costJpy() {
        return costJpy;
    }

    @Override
    public String toString() {
        return "MetricsSnapshot[requests=" + totalRequests + ", failed=" + failed + ", cacheHits="
                + cacheHits + ", cacheMisses=" + cacheMisses + ", retries=" + retries
                + ", fallbacks=" + fallbacks + ", p50Ms=" + p50LatencyMs + ", p99Ms="
                + p99LatencyMs + ", inputTokens=" + inputTokens + ", outputTokens="
                + outputTokens + ", costUsd=" + costUsd + "]";
    }

    /**
     * Builds a {@link MetricsSnapshot}. Not thread-safe.
     *
     * @since 0.1
     */
    public static final class Builder {
        private long succeeded;
        private long failed;
        private long cacheHits;
        private long cacheMisses;
        private long cacheFailures;
        private long retries;
        private long fallbacks;
        private double averageLatencyMs;
        private double p50LatencyMs;
        private double p95LatencyMs;
        private double p99LatencyMs;
        private long inputTokens;
        private long outputTokens;
        private double costUsd;
        private double costJpy;

        private Builder() {}

        /** Sets the succeeded and failed call counts. */
        public Builder requests(long succeeded, long failed) {
            this.succeeded = succeeded;
            this.failed = failed;
            return this;
        }

        /** Sets the cache hit, miss and failure counts. */
        public Builder cache(long hits, long misses, long failures) {
            this.cacheHits = hits;
            this.cacheMisses = misses;
            this.cacheFailures = failures;
            return this;
        }

        /** Sets the retry and fallback counts. */
        public Builder retries(long retries, long fallbacks) {
            this.retries = retries;
            this.fallbacks = fallbacks;
            return this;
        }

        /** Sets the mean and percentile latencies, in milliseconds. */
        public Builder latencyMs(double average, double p50, double p95, double p99) {
            this.averageLatencyMs = average;
            this.p50LatencyMs = p50;
            this.p95LatencyMs = p95;
            this.p99LatencyMs = p99;
            return this;
        }

        /** Sets the token totals. */
        public Builder tokens(long input, long output) {
            this.inputTokens = input;
            this.outputTokens = output;
            return this;
        }

        /** Sets the running cost totals. */
        public Builder cost(double usd, double jpy) {
            this.costUsd = usd;
            this.costJpy = jpy;
            return this;
        }

        /** Returns the snapshot. */
        public MetricsSnapshot build() {
            return new MetricsSnapshot(this);
        }
    }
}

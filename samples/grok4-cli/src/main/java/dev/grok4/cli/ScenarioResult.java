package dev.grok4.cli;

import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;

/** What one scenario measured. Latencies are recorded in microseconds. */
record ScenarioResult(Scenario scenario, int requests, int succeeded, Histogram latencies,
        double seconds, @Nullable Double limitRps) {

    double avgMs() {
        return latencies.getTotalCount() == 0 ? 0 : latencies.getMean() / 1000.0;
    }

    double p95Ms() {
        return latencies.getValueAtPercentile(95) / 1000.0;
    }

    double errorRate() {
        return requests == 0 ? 0 : (requests - succeeded) / (double) requests;
    }

    double throughputRps() {
        return seconds <= 0 ? 0 : succeeded / seconds;
    }
}

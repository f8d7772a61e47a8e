package dev.grok4.bench.load;

import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * One row of the report: a client, mode and concurrency, over every round run of it. Field names
 * become snake_case keys in the JSON output ({@code throughput_rps}, {@code p50_us}, ...).
 *
 * @param client the client's report name
 * @param mode {@code chat} or {@code stream}
 * @param concurrency the worker threads
 * @param throughputRps calls completed per second of measured time
 * @param p50Us the median latency, in microseconds
 * @param p99Us the 99th percentile latency, in microseconds
 * @param cpuUsPerCall the harness process's CPU time per call, in microseconds
 * @param allocBytesPerCall bytes allocated per call as counted in eden: every thread, to within
 *     two G1 regions per window
 * @param threadAllocBytesPerCall bytes allocated per call by threads alive at a 10 ms sample;
 *     below {@code allocBytesPerCall} by what short-lived threads allocated
 * @param threadsPerCall threads started per call
 * @param eventsPerCall content events per call (chat: 1)
 * @param calls calls completed in the measured windows
 * @param errors calls that failed in the measured windows
 * @param rounds how many runs were merged into this row
 */
public record CellResult(String client, String mode, int concurrency, double throughputRps,
        double p50Us, double p99Us, double cpuUsPerCall, double allocBytesPerCall,
        double threadAllocBytesPerCall, double threadsPerCall, double eventsPerCall, long calls,
        long errors, int rounds) {

    /**
     * Merges runs of one cell: throughput over the summed windows, percentiles of the merged
     * latencies, and resource use divided by the summed calls.
     *
     * @throws IllegalArgumentException if the list is empty
     */
    static CellResult merge(List<Measurement> runs) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("No runs to merge");
        }
        Histogram latencies = new Histogram(3);
        long calls = 0;
        long errors = 0;
        long events = 0;
        ResourceMeter.Snapshot spent = new ResourceMeter.Snapshot(0, 0, 0, 0, 0);
        for (Measurement run : runs) {
            latencies.add(run.latencies());
            calls += run.calls();
            errors += run.errors();
            events += run.events();
            spent = sum(spent, run.spent());
        }
        Measurement first = runs.get(0);
        return new CellResult(first.client(), first.mode().wireName(), first.concurrency(),
                perSecond(calls, spent.nanos()), micros(latencies, 50), micros(latencies, 99),
                per(spent.cpuNanos() / 1000.0, calls), per(spent.heapBytes(), calls),
                per(spent.threadBytes(), calls), per(spent.threadsStarted(), calls),
                per(events, calls), calls, errors, runs.size());
    }

    private static ResourceMeter.Snapshot sum(ResourceMeter.Snapshot a, ResourceMeter.Snapshot b) {
        return new ResourceMeter.Snapshot(a.nanos() + b.nanos(), a.cpuNanos() + b.cpuNanos(),
                a.heapBytes() + b.heapBytes(), a.threadBytes() + b.threadBytes(),
                a.threadsStarted() + b.threadsStarted());
    }

    private static double perSecond(long calls, long nanos) {
        return nanos <= 0 ? 0 : calls * 1e9 / nanos;
    }

    private static double micros(Histogram latencies, double percentile) {
        if (latencies.getTotalCount() == 0) {
            return 0;
        }
        return latencies.getValueAtPercentile(percentile) / 1000.0;
    }

    private static double per(double amount, long calls) {
        return calls == 0 ? 0 : amount / calls;
    }
}

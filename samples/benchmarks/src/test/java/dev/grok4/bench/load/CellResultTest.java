package dev.grok4.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class CellResultTest {
    @Test
    void mergesRoundsIntoOneRowWithRatesPerCall() {
        Measurement first = run(List.of(100_000L, 200_000L, 300_000L), 2_000_000_000L,
                new ResourceMeter.Snapshot(1_000_000_000L, 600_000_000L, 30_000, 36_000, 3));
        Measurement second = run(List.of(400_000L), 2_000_000_000L,
                new ResourceMeter.Snapshot(1_000_000_000L, 200_000_000L, 10_000, 12_000, 1));

        CellResult row = CellResult.merge(List.of(first, second));

        assertThat(row.client()).isEqualTo("jdk");
        assertThat(row.mode()).isEqualTo("stream");
        assertThat(row.concurrency()).isEqualTo(4);
        assertThat(row.calls()).isEqualTo(4);
        assertThat(row.rounds()).isEqualTo(2);
        assertThat(row.throughputRps()).isCloseTo(2.0, within(1e-9));
        assertThat(row.cpuUsPerCall()).isCloseTo(200_000.0, within(1e-6));
        assertThat(row.allocBytesPerCall()).isCloseTo(10_000.0, within(1e-9));
        assertThat(row.threadAllocBytesPerCall()).isCloseTo(12_000.0, within(1e-9));
        assertThat(row.threadsPerCall()).isCloseTo(1.0, within(1e-9));
        assertThat(row.eventsPerCall()).isCloseTo(200.0, within(1e-9));
    }

    @Test
    void percentilesComeFromTheMergedLatenciesInMicroseconds() {
        Histogram many = new Histogram(3);
        for (long micros = 1; micros <= 100; micros++) {
            many.recordValue(micros * 1_000);
        }
        Measurement run = new Measurement("grok4", Mode.CHAT, 1, many, 100, 0, 100,
                new ResourceMeter.Snapshot(1_000_000_000L, 0, 0, 0, 0), null);

        CellResult row = CellResult.merge(List.of(run));

        assertThat(row.p50Us()).isCloseTo(50.0, within(0.1));
        assertThat(row.p99Us()).isCloseTo(99.0, within(0.1));
        assertThat(row.throughputRps()).isCloseTo(100.0, within(1e-9));
    }

    @Test
    void aCellWithoutCallsReportsZeroesNotNaN() {
        Measurement run = new Measurement("grok4", Mode.CHAT, 1, new Histogram(3), 0, 7, 0,
                new ResourceMeter.Snapshot(1_000_000_000L, 5, 5, 5, 0), "boom");

        CellResult row = CellResult.merge(List.of(run));

        assertThat(row.throughputRps()).isZero();
        assertThat(row.p50Us()).isZero();
        assertThat(row.cpuUsPerCall()).isZero();
        assertThat(row.errors()).isEqualTo(7);
    }

    @Test
    void refusesToMergeNothing() {
        assertThatThrownBy(() -> CellResult.merge(List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("No runs");
    }

    private static Measurement run(List<Long> latencies, long nanos,
            ResourceMeter.Snapshot spent) {
        Histogram histogram = new Histogram(3);
        latencies.forEach(histogram::recordValue);
        return new Measurement("jdk", Mode.STREAM, 4, histogram, latencies.size(), 1,
                200L * latencies.size(), spent, null);
    }
}

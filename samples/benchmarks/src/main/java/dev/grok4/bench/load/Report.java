package dev.grok4.bench.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Formats results as the one JSON object of {@code --json}, or as a table for people. */
final class Report {
    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
    private static final String ROW = "%-12s %-6s %4s %9s %6s %9s %9s %9s %10s %9s %6s%n";

    private Report() {
    }

    /** Returns {@code {"results":[...]}} on one line. */
    static String json(List<CellResult> results) {
        try {
            return JSON.writeValueAsString(Map.of("results", results));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the results as JSON", e);
        }
    }

    /** Returns a fixed-width table, with each row's throughput as a ratio of the floor's. */
    static String table(List<CellResult> results) {
        Map<String, Double> floor = new HashMap<>();
        for (CellResult row : results) {
            if (row.client().equals("jdk")) {
                floor.put(row.mode() + "/" + row.concurrency(), row.throughputRps());
            }
        }
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, ROW, "client", "mode", "conc", "req/s", "x jdk",
                "p50 us", "p99 us", "cpu us", "KB/call", "thr/call", "errors"));
        for (CellResult row : results) {
            out.append(row(row, floor.get(row.mode() + "/" + row.concurrency())));
        }
        return out.toString();
    }

    private static String row(CellResult row, Double floor) {
        String ratio = floor == null || floor == 0 ? "-"
                : String.format(Locale.ROOT, "%.2f", row.throughputRps() / floor);
        return String.format(Locale.ROOT, ROW, row.client(), row.mode(), row.concurrency(),
                fixed(row.throughputRps(), 0), ratio, fixed(row.p50Us(), 0),
                fixed(row.p99Us(), 0), fixed(row.cpuUsPerCall(), 0),
                fixed(row.allocBytesPerCall() / 1024, 1), fixed(row.threadsPerCall(), 3),
                row.errors());
    }

    private static String fixed(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}

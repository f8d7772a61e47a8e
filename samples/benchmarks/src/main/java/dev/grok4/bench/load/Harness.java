package dev.grok4.bench.load;

import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Runs every (mode, concurrency) cell for every client against one simulator. Within a cell the
 * clients take turns; the order rotates from cell to cell and reverses in odd rounds, so that no
 * client always runs first or right after a given other.
 */
final class Harness {
    private static final int WARM_THREADS = 4;
    private static final Duration WARM_TAIL = Duration.ofMillis(100);

    private final Options options;
    private final PrintStream log;
    private final LoadRunner runner = new LoadRunner();

    Harness(Options options, PrintStream log) {
        this.options = options;
        this.log = log;
    }

    /** Runs the cells and returns one merged row per client, mode and concurrency. */
    List<CellResult> run(URI baseUrl) throws InterruptedException {
        Set<String> usable = probe(baseUrl);
        warmAll(baseUrl, usable);
        Map<String, List<Measurement>> runs = new LinkedHashMap<>();
        int cell = 0;
        for (int round = 0; round < options.rounds(); round++) {
            for (Mode mode : options.modes()) {
                for (int concurrency : options.concurrencies()) {
                    for (String client : order(cell++, round)) {
                        if (usable.contains(key(client, mode))) {
                            Measurement m = runCell(baseUrl, client, mode, concurrency, round);
                            runs.computeIfAbsent(key(client, mode) + "/" + concurrency,
                                    k -> new ArrayList<>()).add(m);
                        }
                    }
                }
            }
        }
        return merged(runs);
    }

    /** Makes one call of each mode per client, and keeps the pairs that work. */
    private Set<String> probe(URI baseUrl) {
        Set<String> usable = new LinkedHashSet<>();
        for (String client : options.clients()) {
            try (ClientDriver driver = Clients.create(client, baseUrl, 1)) {
                for (Mode mode : options.modes()) {
                    if (probe(driver, mode)) {
                        usable.add(key(client, mode));
                    }
                }
            } catch (RuntimeException | LinkageError e) {
                log.println("skipping " + client + ": " + LoadRunner.describe(e));
            }
        }
        return usable;
    }

    private boolean probe(ClientDriver driver, Mode mode) {
        try {
            int got = mode == Mode.CHAT ? driver.chat() : driver.stream();
            String unit = mode == Mode.CHAT ? "content chars" : "content events";
            log.printf(Locale.ROOT, "probe %s %s: %d %s%n", driver.name(), mode.wireName(), got,
                    unit);
            if (mode == Mode.STREAM && got != Workload.STREAM_EVENTS) {
                log.println("  warning: expected " + Workload.STREAM_EVENTS + " events");
            }
            return true;
        } catch (Exception | LinkageError e) {
            log.println("skipping " + driver.name() + " " + mode.wireName() + ": "
                    + LoadRunner.describe(e));
            return false;
        }
    }

    /**
     * Runs every usable pair for one warm-up, unmeasured, before any cell: without it the
     * clients whose code the JIT has not compiled yet lose their first cells to warm-up, which a
     * one-second per-cell warm-up on a busy machine does not cover.
     */
    private void warmAll(URI baseUrl, Set<String> usable) throws InterruptedException {
        for (String client : options.clients()) {
            for (Mode mode : options.modes()) {
                if (usable.contains(key(client, mode))) {
                    try (ClientDriver driver = Clients.create(client, baseUrl, WARM_THREADS)) {
                        runner.run(driver, mode, WARM_THREADS, options.warmup(), WARM_TAIL);
                    }
                }
            }
        }
        log.println("warm-up pass done");
    }

    private Measurement runCell(URI baseUrl, String client, Mode mode, int concurrency,
            int round) throws InterruptedException {
        Measurement m;
        try (ClientDriver driver = Clients.create(client, baseUrl, concurrency)) {
            m = runner.run(driver, mode, concurrency, options.warmup(), options.measure());
        }
        CellResult row = CellResult.merge(List.of(m));
        log.printf(Locale.ROOT, "round %d %-6s c=%-3d %-12s %8.0f req/s p50 %6.0f us"
                + " p99 %7.0f us cpu %6.0f us %7.1f KB/call errors %d%n", round + 1,
                mode.wireName(), concurrency, client, row.throughputRps(), row.p50Us(),
                row.p99Us(), row.cpuUsPerCall(), row.allocBytesPerCall() / 1024, m.errors());
        if (m.firstError() != null) {
            log.println("  first error: " + m.firstError());
        }
        System.gc();
        return m;
    }

    private List<String> order(int cell, int round) {
        List<String> order = new ArrayList<>(options.clients());
        Collections.rotate(order, -(cell % order.size()));
        if (round % 2 == 1) {
            Collections.reverse(order);
        }
        return order;
    }

    private List<CellResult> merged(Map<String, List<Measurement>> runs) {
        List<CellResult> results = new ArrayList<>();
        for (Mode mode : options.modes()) {
            for (int concurrency : options.concurrencies()) {
                for (String client : options.clients()) {
                    List<Measurement> cell = runs.get(key(client, mode) + "/" + concurrency);
                    if (cell != null) {
                        results.add(CellResult.merge(cell));
                    }
                }
            }
        }
        return results;
    }

    private static String key(String client, Mode mode) {
        return client + "/" + mode.wireName();
    }
}

package dev.grok4.bench.load;

import java.io.PrintStream;
import java.net.URI;
import java.util.List;

/**
 * Starts the simulator in its own JVM, runs the cells and prints the results: one JSON object on
 * standard output with {@code --json}, otherwise a table. Progress goes to standard error.
 *
 * @since 0.1
 */
public final class LoadHarness {
    private LoadHarness() {
    }

    /**
     * Runs the harness with these arguments.
     *
     * @param args the command line; see {@code docs/benchmarks.md}
     * @return the process exit code: 0 on success, 2 for bad arguments, 1 on failure
     */
    public static int run(String... args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(Options.USAGE);
            return 2;
        }
        PrintStream out = System.out;
        // Libraries that print to stdout must not spoil the one JSON object.
        System.setOut(System.err);
        try {
            String report = runAll(options);
            out.println(report);
            out.flush();
            return 0;
        } catch (Exception e) {
            System.err.println("benchmark failed: " + LoadRunner.describe(e));
            return 1;
        } finally {
            System.setOut(out);
        }
    }

    private static String runAll(Options options) throws Exception {
        long started = System.nanoTime();
        List<CellResult> results;
        try (SimulatorProcess simulator = SimulatorProcess.start(Workload.STREAM_CHUNK_SIZE)) {
            URI baseUrl = simulator.baseUrl();
            System.err.println("simulator pid " + simulator.pid() + " at " + baseUrl);
            results = new Harness(options, System.err).run(baseUrl);
        }
        System.err.printf("done in %.0f s%n", (System.nanoTime() - started) / 1e9);
        return options.json() ? Report.json(results) : Report.table(results);
    }
}

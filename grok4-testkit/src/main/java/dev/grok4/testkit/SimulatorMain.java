package dev.grok4.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the simulator as a standalone process, for benchmarks and manual tests.
 *
 * <pre>
 * java -cp ... dev.grok4.testkit.SimulatorMain [--port N] [--latency-ms MEAN] [--spread-ms S]
 *     [--stream-chunk-size N] [--stream-interval-ms MS] [--ignore-stdin]
 * </pre>
 *
 * <p>It prints {@code grok4-simulator listening on http://127.0.0.1:PORT/v1} and serves until
 * it is killed or its standard input reaches end of file. With {@code --ignore-stdin} it only
 * stops when killed, which suits launches with standard input closed.
 *
 * @since 0.1
 */
public final class SimulatorMain {
    private SimulatorMain() {
    }

    /**
     * Starts the simulator and blocks until it should stop.
     *
     * @param args the command-line options described on the class
     */
    public static void main(String[] args) {
        Options options;
        Grok4Simulator.Builder builder;
        try {
            options = Options.parse(args);
            builder = options.builder();
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        Grok4Simulator simulator = builder.start();
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::close, "grok4-simulator-stop"));
        PrintStream out = System.out;
        out.println("grok4-simulator listening on " + simulator.baseUrl());
        out.flush();
        if (options.ignoreStdin()) {
            awaitForever();
        } else {
            drain(System.in);
        }
        simulator.close();
    }

    private static void drain(InputStream in) {
        byte[] buffer = new byte[512];
        try {
            while (in.read(buffer) >= 0) {
                // Input is ignored; only its end matters.
            }
        } catch (IOException e) {
            System.err.println("standard input failed, stopping: " + e.getMessage());
        }
    }

    private static void awaitForever() {
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The parsed command line. */
    record Options(int port, long latencyMs, long spreadMs, int chunkSize, long intervalMs,
            boolean ignoreStdin) {

        static final String USAGE = "usage: SimulatorMain [--port N] [--latency-ms MEAN]"
                + " [--spread-ms S] [--stream-chunk-size N] [--stream-interval-ms MS]"
                + " [--ignore-stdin]";

        static Options parse(String[] args) {
            int port = 0;
            long latency = 0;
            long spread = 0;
            int chunk = 4;
            long interval = 0;
            boolean ignoreStdin = false;
            for (int i = 0; i < args.length; i++) {
                String flag = args[i];
                if (flag.equals("--ignore-stdin")) {
                    ignoreStdin = true;
                    continue;
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("missing value after " + flag);
                }
                long value = number(flag, args[++i]);
                switch (flag) {
                    case "--port": port = (int) value; break;
                    case "--latency-ms": latency = value; break;
                    case "--spread-ms": spread = value; break;
                    case "--stream-chunk-size": chunk = (int) value; break;
                    case "--stream-interval-ms": interval = value; break;
                    default: throw new IllegalArgumentException("unknown option " + flag);
                }
            }
            return new Options(port, latency, spread, chunk, interval, ignoreStdin);
        }

        Grok4Simulator.Builder builder() {
            return Grok4Simulator.builder()
                    .port(port)
                    .latency(LatencyProfile.of(Duration.ofMillis(latencyMs),
                            Duration.ofMillis(spreadMs)))
                    .streamChunkSize(chunkSize)
                    .streamInterval(Duration.ofMillis(intervalMs));
        }

        private static long number(String flag, String text) {
            try {
                long value = Long.parseLong(text);
                if (value < 0 || value > Integer.MAX_VALUE) {
                    throw new IllegalArgumentException(flag + " must not be negative, got " + text);
                }
                return value;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(flag + " needs a whole number, got " + text);
            }
        }
    }
}

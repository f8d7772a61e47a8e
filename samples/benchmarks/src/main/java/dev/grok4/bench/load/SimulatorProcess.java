package dev.grok4.bench.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The simulator in a JVM of its own, so that its CPU and allocation are not charged to the
 * clients. It is started from this process's class path and killed by {@link #close()}.
 */
final class SimulatorProcess implements AutoCloseable {
    private static final String READY = "listening on ";

    private final Process process;
    private final URI baseUrl;
    private final Thread killOnExit;

    private SimulatorProcess(Process process, URI baseUrl) {
        this.process = process;
        this.baseUrl = baseUrl;
        // A harness stopped by a signal must not leave the simulator running.
        this.killOnExit = new Thread(process::destroyForcibly, "simulator-kill");
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /**
     * Starts the simulator and waits for its "listening on" line.
     *
     * @throws IOException if it cannot start or exits before it listens
     */
    static SimulatorProcess start(int streamChunkSize) throws IOException {
        Process process = new ProcessBuilder(command(streamChunkSize))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .redirectInput(ProcessBuilder.Redirect.PIPE)
                .start();
        try {
            URI baseUrl = awaitReady(process);
            return new SimulatorProcess(process, baseUrl);
        } catch (IOException | RuntimeException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    private static List<String> command(int streamChunkSize) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return List.of(java, "-Xms128m", "-Xmx512m", "-Xss512k", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"),
                "dev.grok4.testkit.SimulatorMain", "--port", "0", "--ignore-stdin",
                "--stream-chunk-size", Integer.toString(streamChunkSize));
    }

    private static URI awaitReady(Process process) throws IOException {
        BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            int at = line.indexOf(READY);
            if (at >= 0) {
                drainInBackground(out);
                return URI.create(line.substring(at + READY.length()).trim());
            }
        }
        throw new IOException("The simulator exited before listening (exit code "
                + waitExit(process) + ")");
    }

    /** Keeps reading the simulator's output so that it never blocks on a full pipe. */
    private static void drainInBackground(BufferedReader out) {
        Thread drain = new Thread(() -> {
            try {
                while (out.readLine() != null) {
                    // Discarded: only the first line matters.
                }
            } catch (IOException e) {
                // The process has gone; nothing more to read.
            }
        }, "simulator-stdout");
        drain.setDaemon(true);
        drain.start();
    }

    private static int waitExit(Process process) {
        try {
            return process.waitFor(5, TimeUnit.SECONDS) ? process.exitValue() : -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Returns the simulator's base URL, {@code http://127.0.0.1:PORT/v1}. */
    URI baseUrl() {
        return baseUrl;
    }

    /** Returns the simulator's process id, for profiling it separately. */
    long pid() {
        return process.pid();
    }

    /** Kills the simulator and waits for it to exit. */
    @Override
    public void close() {
        Runtime.getRuntime().removeShutdownHook(killOnExit);
        process.destroy();
        if (waitExit(process) == -1) {
            process.destroyForcibly();
        }
    }
}

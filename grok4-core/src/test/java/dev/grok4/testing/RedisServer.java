package dev.grok4.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real {@code redis-server} on a free loopback port, with persistence off, for one test class.
 * Skips the test when the binary is missing, unless {@code CI=true}, where that is a failure.
 */
public final class RedisServer implements AutoCloseable {
    private static final Path BINARY = Path.of("/usr/bin/redis-server");
    private static final Duration STARTUP = Duration.ofSeconds(15);

    private final Process process;
    private final int port;

    private RedisServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts a server, or skips the test when the binary is missing (fails under CI). */
    public static RedisServer start() throws IOException, InterruptedException {
        requireBinary();
        int port = freePort();
        Process process = new ProcessBuilder(BINARY.toString(), "--port", String.valueOf(port),
                "--bind", "127.0.0.1", "--save", "", "--appendonly", "no")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        RedisServer server = new RedisServer(process, port);
        server.awaitPong();
        return server;
    }

    /** Skips the test when redis-server is missing, or fails it under {@code CI=true}. */
    public static void requireBinary() {
        if (Files.isExecutable(BINARY)) {
            return;
        }
        String message = "redis-server is not installed at " + BINARY
                + "; install the redis-server package to run the Redis cache tests";
        if ("true".equals(System.getenv("CI"))) {
            fail(message + " (required because CI=true)");
        }
        Assumptions.abort(message);
    }

    /** Returns a loopback port with nothing listening on it at the moment of the call. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Returns the port the server listens on. */
    public int port() {
        return port;
    }

    /** Returns the server's {@code redis://} URL. */
    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    private void awaitPong() throws InterruptedException {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                fail("redis-server exited at startup with code " + process.exitValue());
            }
            if (pong()) {
                return;
            }
            Thread.sleep(50);
        }
        close();
        fail("redis-server did not answer PING on port " + port + " within " + STARTUP);
    }

    private boolean pong() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            socket.setSoTimeout(1000);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] reply = in.readNBytes(7);
            return new String(reply, StandardCharsets.US_ASCII).startsWith("+PONG");
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}

package dev.grok4.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A server that answers one request on a keep-alive connection and then closes that connection
 * when the next request arrives on it, as servers whose idle timeout just expired do.
 */
class StaleConnectionTest {
    private static final String OK = "{\"ok\":true}";

    private ServerSocket server;
    private volatile Socket current;
    private final AtomicInteger requests = new AtomicInteger();
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @BeforeEach
    void start() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(this::serve);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        Socket socket = current;
        if (socket != null) {
            socket.close();
        }
        threads.shutdownNow();
        threads.awaitTermination(5, TimeUnit.SECONDS);
    }

    /** Each connection: answer one request, then read the next one and close without a byte. */
    private void serve() {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                current = socket;
                InputStream in = new BufferedInputStream(socket.getInputStream());
                OutputStream out = socket.getOutputStream();
                readRequest(in);
                requests.incrementAndGet();
                byte[] body = OK.getBytes(StandardCharsets.UTF_8);
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                        + body.length + "\r\nConnection: keep-alive\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                out.flush();
                if (readRequest(in)) {
                    requests.incrementAndGet();
                }
            } catch (IOException e) {
                // The server socket closed at the end of the test, or the client went away.
            }
        }
    }

    private static boolean readRequest(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int contentLength = 0;
        boolean any = false;
        int c;
        while ((c = in.read()) != -1) {
            any = true;
            if (c != '\n') {
                line.append((char) c);
                continue;
            }
            String header = line.toString().strip();
            line.setLength(0);
            if (header.isEmpty()) {
                in.readNBytes(contentLength);
                return true;
            }
            if (header.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                contentLength = Integer.parseInt(header.substring(15).strip());
            }
        }
        return any;
    }

    private HttpCall call() {
        URI uri = URI.create("http://127.0.0.1:" + server.getLocalPort() + "/v1/chat/completions");
        return new HttpCall("POST", uri, Map.of(), "{}".getBytes(StandardCharsets.UTF_8),
                Duration.ofSeconds(10));
    }

    @Test
    void syncRequestOnAStaleConnectionIsSentAgainOnce() throws Exception {
        JdkHttpTransport transport = new JdkHttpTransport(false, Duration.ofSeconds(5), threads);

        HttpResult first = transport.send(call());
        HttpResult second = transport.send(call());

        assertThat(new String(first.body(), StandardCharsets.UTF_8)).isEqualTo(OK);
        assertThat(second.status()).isEqualTo(200);
        assertThat(new String(second.body(), StandardCharsets.UTF_8)).isEqualTo(OK);
        assertThat(second.header("content-type")).isEqualTo("application/json");
        assertThat(requests.get()).isEqualTo(3);
    }

    @Test
    void asyncRequestOnAStaleConnectionIsSentAgainOnce() {
        JdkHttpTransport transport = new JdkHttpTransport(false, Duration.ofSeconds(5), threads);

        HttpResult first = transport.sendAsync(call()).join();
        HttpResult second = transport.sendAsync(call()).join();

        assertThat(first.status()).isEqualTo(200);
        assertThat(new String(second.body(), StandardCharsets.UTF_8)).isEqualTo(OK);
        assertThat(requests.get()).isEqualTo(3);
    }

    @Test
    void classifierLooksThroughTheCauseChain() {
        IOException stale = new IOException("HTTP/1.1 header parser received no bytes");

        assertThat(JdkHttpTransport.isStaleConnection(stale)).isTrue();
        assertThat(JdkHttpTransport.isStaleConnection(new CompletionException(
                new IOException("wrapper", stale)))).isTrue();
        assertThat(JdkHttpTransport.isStaleConnection(new IOException("Connection reset")))
                .isFalse();
        assertThat(JdkHttpTransport.isStaleConnection(
                new IllegalStateException("header parser received no bytes"))).isFalse();
    }
}

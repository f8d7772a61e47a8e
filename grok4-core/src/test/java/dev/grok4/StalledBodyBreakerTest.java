package dev.grok4;

import static org.assertj.core.api.Assertions.assertThat;

import dev.grok4.model.ChatRequest;
import dev.grok4.model.Message;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A server that sends the headers and the start of a JSON body, then says nothing more. */
class StalledBodyBreakerTest {
    @Test
    void nonStreamingCallWhoseBodyStallsAfterTheHeadersEndsWithATimeout() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread serverThread = new Thread(() -> stall(server, release));
            serverThread.setDaemon(true);
            serverThread.start();
            String base = "http://127.0.0.1:" + server.getLocalPort() + "/v1";
            Grok4Client.Builder builder = Grok4Client.builder().baseUrl(base).apiKey("k-123456")
                    .requestTimeout(Duration.ofMillis(700));
            builder.settings().maxAttempts(1).fallbackModels(List.of())
                    .cacheType(Grok4Config.CacheType.NONE);
            try (Grok4Client client = builder.build()) {
                CompletableFuture<Throwable> outcome = CompletableFuture.supplyAsync(() -> {
                    try {
                        client.chat(ChatRequest.builder().addMessage(Message.user("hi")).build());
                        return null;
                    } catch (RuntimeException e) {
                        return e;
                    }
                });
                // A generous bound, far above the 700 ms request timeout: the call must end.
                Throwable failure = outcome.get(30, TimeUnit.SECONDS);

                assertThat(failure).isInstanceOf(Grok4TimeoutException.class);
            } finally {
                release.countDown();
            }
        }
    }

    private static void stall(ServerSocket server, CountDownLatch release) {
        try (Socket socket = server.accept()) {
            socket.getInputStream().read(new byte[65536]);
            OutputStream out = socket.getOutputStream();
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 500\r\n\r\n{\"id\":\"x\",")
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            release.await(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            // the test ends the exchange
        }
    }
}

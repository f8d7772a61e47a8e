package dev.grok4.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.grok4.testkit.Grok4Simulator;
import dev.grok4.testkit.ScriptedResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Regression: when the JDK times a request out it closes the connection itself, and often
 * reports "header parser received no bytes" as the cause of the {@link HttpTimeoutException}.
 * The transport took that for a stale pooled connection and sent the request again at once, so
 * a slow server got every request twice and the retry policy never saw the timeout.
 */
class TimeoutIsNotStaleTest {
    private static Grok4Simulator simulator;
    private static ExecutorService threads;
    private static JdkHttpTransport transport;

    @BeforeAll
    static void start() {
        simulator = Grok4Simulator.start();
        threads = Executors.newCachedThreadPool();
        transport = new JdkHttpTransport(false, Duration.ofSeconds(5), threads);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        simulator.close();
        threads.shutdownNow();
        threads.awaitTermination(5, TimeUnit.SECONDS);
    }

    @BeforeEach
    void reset() {
        simulator.reset();
    }

    @Test
    void aTimeoutWhoseCauseLooksStaleIsNotStale() {
        IOException parser = new IOException("HTTP/1.1 header parser received no bytes");
        HttpTimeoutException timeout = new HttpTimeoutException("request timed out");
        timeout.initCause(new IOException("subscription is finished", parser));

        assertThat(JdkHttpTransport.isStaleConnection(timeout)).isFalse();
        assertThat(JdkHttpTransport.isStaleConnection(new IOException("wrapper", parser)))
                .isTrue();
    }

    @Test
    void aStreamingRequestThatTimesOutIsSentOnce() {
        // The race that adds the misleading cause is lost or won at random, so try a few times.
        for (int i = 0; i < 3; i++) {
            assertSentOnce(c -> transport.sendStreaming(c).join());
        }
    }

    @Test
    void anAsyncRequestThatTimesOutIsSentOnce() {
        for (int i = 0; i < 3; i++) {
            assertSentOnce(c -> transport.sendAsync(c).join());
        }
    }

    private static void assertSentOnce(Function<HttpCall, Object> send) {
        simulator.reset();
        simulator.enqueue(ScriptedResponse.json(200, "{}").delay(Duration.ofSeconds(3)));
        simulator.enqueue(ScriptedResponse.json(200, "{\"second\":true}"));

        Throwable failure = catchThrowable(() -> send.apply(call()));

        assertThat(failure).satisfiesAnyOf(
                f -> assertThat(f).isInstanceOf(HttpTimeoutException.class),
                f -> assertThat(f).hasCauseInstanceOf(HttpTimeoutException.class));
        assertThat(simulator.requestCount()).isEqualTo(1);
    }

    private static HttpCall call() {
        URI uri = URI.create(simulator.baseUrl() + "/chat/completions");
        return new HttpCall("POST", uri, Map.of(), "{\"model\":\"grok-4\",\"messages\":[]}"
                .getBytes(StandardCharsets.UTF_8), Duration.ofMillis(300));
    }
}

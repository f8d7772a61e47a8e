package dev.grok4.internal.stream;

import static dev.grok4.internal.stream.StreamTestSupport.KEY;
import static dev.grok4.internal.stream.StreamTestSupport.USAGE;
import static dev.grok4.internal.stream.StreamTestSupport.chunk;
import static dev.grok4.internal.stream.StreamTestSupport.content;
import static dev.grok4.internal.stream.StreamTestSupport.contents;
import static dev.grok4.internal.stream.StreamTestSupport.sse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.grok4.AuthenticationException;
import dev.grok4.ChatStream;
import dev.grok4.ConnectionException;
import dev.grok4.Grok4Exception;
import dev.grok4.Grok4TimeoutException;
import dev.grok4.RateLimitedException;
import dev.grok4.ServerException;
import dev.grok4.StreamHandler;
import dev.grok4.StreamTruncatedException;
import dev.grok4.UnexpectedContentException;
import dev.grok4.model.ChatChunk;
import dev.grok4.model.ChatResponse;
import dev.grok4.testkit.Grok4Simulator;
import dev.grok4.testkit.ScriptedResponse;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Streams over real sockets against the simulator: errors, truncation, demand, cancel. */
class StreamingCallTest {
    private static Grok4Simulator simulator;
    private static ExecutorService executor;
    private static HttpClient client;

    private final RecordingObserver observer = new RecordingObserver();

    @BeforeAll
    static void start() {
        simulator = Grok4Simulator.start();
        executor = Executors.newSingleThreadExecutor();
        client = StreamTestSupport.client(executor);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        simulator.close();
        executor.shutdownNow();
        executor.awaitTermination(5, TimeUnit.SECONDS);
    }

    @BeforeEach
    void reset() {
        simulator.reset();
    }

    @Test
    void anErrorEventMidStreamFailsWithTheProviderDetailsAndThePartialContent() {
        simulator.enqueue(ScriptedResponse.sse(sse(List.of(content("Hello"), content(" world")))
                + "event: error\ndata: {\"error\":{\"message\":\"Overloaded for key " + KEY
                + "\",\"type\":\"server_error\",\"code\":\"overloaded\"}}\n\n"));
        ChatStream stream = blocking();
        List<String> seen = new ArrayList<>();

        assertThatThrownBy(() -> stream.forEach(c -> seen.add(c.content())))
                .isInstanceOfSatisfying(ServerException.class, e -> {
                    assertThat(e.status()).isEqualTo(200);
                    assertThat(e.providerType()).isEqualTo("server_error");
                    assertThat(e.providerCode()).isEqualTo("overloaded");
                    assertThat(e.providerMessage()).isEqualTo("Overloaded for key [REDACTED]");
                    assertThat(e.getMessage()).doesNotContain(KEY).contains("Overloaded");
                    assertThat(e.partialContent()).isEqualTo("Hello world");
                });
        assertThat(seen).containsExactly("Hello", " world");
        assertThatThrownBy(stream::response).isInstanceOf(ServerException.class);
        assertThat(observer.ends()).containsExactly("error:server");
    }

    @Test
    void anErrorPayloadWithoutAnEventLineIsMappedByItsType() {
        simulator.enqueue(ScriptedResponse.sse(sse(List.of(content("Hi"), "{\"error\":{\"message\""
                + ":\"Too many tokens\",\"type\":\"rate_limit_exceeded\",\"code\":null}}"))));

        assertThatThrownBy(() -> blocking().response())
                .isInstanceOfSatisfying(RateLimitedException.class, e -> {
                    assertThat(e.providerMessage()).isEqualTo("Too many tokens");
                    assertThat(e.partialContent()).isEqualTo("Hi");
                    assertThat(e.isRetryable()).isTrue();
                });
    }

    @Test
    void xaisFlatErrorPayloadIsMappedAndRedacted() {
        simulator.enqueue(ScriptedResponse.sse(sse(List.of("{\"code\":\"Client specified an "
                + "invalid argument\",\"error\":\"Incorrect API key provided: " + KEY + "\"}"))));

        assertThatThrownBy(() -> blocking().response())
                .isInstanceOfSatisfying(AuthenticationException.class, e -> {
                    assertThat(e.providerCode()).isEqualTo("Client specified an invalid argument");
                    assertThat(e.providerMessage()).doesNotContain(KEY).contains("[REDACTED]");
                    assertThat(e.partialContent()).isNull();
                });
    }

    @Test
    void aStreamCutBeforeItsFinishIsTruncatedWithThePartialContent() {
        String body = sse(List.of(content("Partial"), content(" answer"), content(" more")));
        simulator.enqueue(ScriptedResponse.sse(body).cutAfterBytes(body.indexOf(" more") - 10));

        assertThatThrownBy(() -> blocking().response())
                .isInstanceOfSatisfying(StreamTruncatedException.class, e -> {
                    assertThat(e.partialContent()).isEqualTo("Partial answer");
                    assertThat(e.getMessage()).contains("14 characters");
                });
        assertThat(observer.ends()).containsExactly("error:stream_truncated");
    }

    @Test
    void aStreamThatClosesCleanlyWithoutDoneOrFinishIsTruncated() {
        simulator.enqueue(ScriptedResponse.sse(sse(List.of(content("a"), content("b")))));

        TestSubscriber subscriber = new TestSubscriber(1);
        call().build().publisher().subscribe(subscriber);

        awaitEnd(subscriber);
        assertThat(subscriber.chunks()).hasSize(2);
        assertThat(subscriber.error()).isInstanceOfSatisfying(StreamTruncatedException.class,
                e -> assertThat(e.partialContent()).isEqualTo("ab"));
    }

    @Test
    void aStreamWithoutDoneButWithFinishAndUsageSucceeds() {
        simulator.enqueue(ScriptedResponse.sse(sse(List.of(content("ok"), chunk("{}", "stop"),
                USAGE))));

        ChatResponse response = blocking().response();

        assertThat(response.content()).isEqualTo("ok");
        assertThat(response.finishReason()).isEqualTo("stop");
        assertThat(response.usage().totalTokens()).isEqualTo(12);
        assertThat(observer.ends()).containsExactly("success");
    }

    @Test
    void aMissingUsageChunkIsTruncationOnlyWhenUsageWasRequested() {
        String body = sse(List.of(content("ok"), chunk("{}", "stop")));
        simulator.enqueue(ScriptedResponse.sse(body));
        simulator.enqueue(ScriptedResponse.sse(body));

        assertThatThrownBy(() -> blocking().response())
                .isInstanceOf(StreamTruncatedException.class);
        ChatResponse response = call().expectUsage(false).build().blocking().response();
        assertThat(response.content()).isEqualTo("ok");
        assertThat(response.usage()).isNull();
    }

    @Test
    void aJson429AnswerRaisesTheSameTypedErrorOnEveryPath() throws Exception {
        String body = "{\"error\":{\"message\":\"Slow down\",\"type\":\"rate_limit_exceeded\"}}";
        for (int i = 0; i < 3; i++) {
            simulator.enqueue(ScriptedResponse.json(429, body).header("retry-after", "2"));
        }

        assertThatThrownBy(() -> blocking().response()).isInstanceOf(RateLimitedException.class)
                .hasMessageContaining("Slow down");
        TestSubscriber subscriber = new TestSubscriber(1);
        call().build().publisher().subscribe(subscriber);
        awaitEnd(subscriber);
        assertThat(subscriber.error()).isInstanceOf(RateLimitedException.class);
        CompletableFuture<ChatResponse> future = call().build().subscribe(c -> { });
        assertThatThrownBy(() -> future.get(30, TimeUnit.SECONDS))
                .hasCauseInstanceOf(RateLimitedException.class);
    }

    @Test
    void aJsonErrorBodyWithStatus200IsMappedFromItsEnvelope() {
        simulator.enqueue(ScriptedResponse.json(200, "{\"error\":{\"message\":\"quota gone\","
                + "\"type\":\"insufficient_quota\"}}"));

        assertThatThrownBy(() -> blocking().response())
                .isInstanceOfSatisfying(Grok4Exception.class, e -> {
                    assertThat(e.kind().wireName()).isEqualTo("quota_exhausted");
                    assertThat(e.providerMessage()).isEqualTo("quota gone");
                });
    }

    @Test
    void aCompleteJsonAnswerFromAGatewayThatIgnoresStreamingIsAStreamOfOneChunk()
            throws Exception {
        String completion = "{\"id\":\"r1\",\"object\":\"chat.completion\",\"model\":"
                + "\"grok-4-0709\",\"choices\":[{\"index\":0,\"message\":{\"role\":"
                + "\"assistant\",\"content\":\"\",\"tool_calls\":[{\"id\":\"call_1\","
                + "\"type\":\"function\",\"function\":{\"name\":\"weather\",\"arguments\":"
                + "\"{\\\"city\\\":\\\"Tokyo\\\"}\"}}]},\"finish_reason\":\"tool_calls\"}],"
                + "\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":4,\"total_tokens\":7}}";
        simulator.enqueue(ScriptedResponse.json(200, completion));
        simulator.enqueue(ScriptedResponse.json(200, completion));

        ChatStream stream = blocking();
        List<ChatChunk> chunks = new ArrayList<>();
        stream.forEach(chunks::add);
        ChatResponse response = stream.response();
        TestSubscriber subscriber = new TestSubscriber(1);
        call().build().publisher().subscribe(subscriber);
        subscriber.awaitEnd();

        assertThat(chunks).hasSize(1);
        assertThat(response.toolCalls()).extracting(c -> c.id() + " " + c.name() + " "
                + c.arguments()).containsExactly("call_1 weather {\"city\":\"Tokyo\"}");
        assertThat(response.finishReason()).isEqualTo("tool_calls");
        assertThat(response.usage().totalTokens()).isEqualTo(7);
        assertThat(subscriber.completed()).isTrue();
        assertThat(subscriber.chunks()).hasSize(1);
        assertThat(observer.ends()).containsExactly("success", "success");
    }

    @Test
    void aJsonBodyThatIsNeitherAnErrorNorACompletionIsUnexpected() {
        simulator.enqueue(ScriptedResponse.json(200, "{\"object\":\"list\",\"data\":[]}"));

        assertThatThrownBy(() -> blocking().response())
                .isInstanceOf(UnexpectedContentException.class)
                .hasMessageContaining("without an event stream");
    }

    @Test
    void anHtmlPageIsUnexpectedContentWithASnippet() {
        simulator.enqueue(ScriptedResponse.body(200, "text/html",
                "<html>Bad gateway</html>".getBytes(java.nio.charset.StandardCharsets.UTF_8)));

        assertThatThrownBy(() -> blocking().response())
                .isInstanceOfSatisfying(UnexpectedContentException.class, e -> {
                    assertThat(e.snippet()).isEqualTo("<html>Bad gateway</html>");
                    assertThat(e.contentType()).isEqualTo("text/html");
                });
    }

    @Test
    void aConnectionDroppedBeforeTheHeadersIsAConnectionError() {
        simulator.enqueue(ScriptedResponse.drop());

        assertThatThrownBy(() -> blocking().response()).isInstanceOf(ConnectionException.class);
        assertThat(observer.ends()).containsExactly("error:connection");
    }

    @Test
    void aStalledBlockingStreamFailsAfterTheIdleTimeoutWithThePartialContent() {
        simulator.enqueue(stalledAfterFirstEvent());
        ChatStream stream = call().idleTimeout(Duration.ofMillis(200)).build().blocking();
        Iterator<ChatChunk> chunks = stream.iterator();

        assertThat(chunks.next().content()).isEqualTo("a");
        assertThatThrownBy(chunks::hasNext)
                .isInstanceOfSatisfying(Grok4TimeoutException.class, e -> {
                    assertThat(e.partialContent()).isEqualTo("a");
                    assertThat(e.getMessage()).contains("200 ms");
                });
        assertThat(observer.ends()).containsExactly("error:timeout");
    }

    @Test
    void aStalledPublishedStreamFailsAfterTheIdleTimeout() {
        simulator.enqueue(stalledAfterFirstEvent());
        TestSubscriber subscriber = new TestSubscriber(16);

        call().idleTimeout(Duration.ofMillis(200)).build().publisher().subscribe(subscriber);

        awaitEnd(subscriber);
        assertThat(subscriber.chunks()).extracting(ChatChunk::content).containsExactly("a");
        assertThat(subscriber.error()).isInstanceOfSatisfying(Grok4TimeoutException.class,
                e -> assertThat(e.partialContent()).isEqualTo("a"));
    }

    @Test
    void aSlowConsumerDoesNotCountAgainstTheIdleTimeout() throws Exception {
        simulator.enqueue(ScriptedResponse.sseData(List.of(content("a"), content("b"),
                chunk("{}", "stop"), USAGE)));
        TestSubscriber subscriber = new TestSubscriber(0);
        call().idleTimeout(Duration.ofMillis(100)).build().publisher().subscribe(subscriber);

        subscriber.request(1);
        waitForChunks(subscriber, 1);
        Thread.sleep(400);
        subscriber.request(Long.MAX_VALUE);

        awaitEnd(subscriber);
        assertThat(subscriber.error()).isNull();
        assertThat(subscriber.chunks()).hasSize(4);
    }

    private static ScriptedResponse stalledAfterFirstEvent() {
        String first = sse(List.of(content("a")));
        int size = first.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        return ScriptedResponse.sse(first + sse(List.of(content("b"), chunk("{}", "stop"),
                USAGE))).writeInPieces(size).pauseBetweenPieces(Duration.ofSeconds(2));
    }

    @Test
    void requestOneGivesExactlyOneChunkUntilMoreIsRequested() throws Exception {
        simulator.enqueue(ScriptedResponse.sseData(contents(20)));
        TestSubscriber subscriber = new TestSubscriber(0);
        call().build().publisher().subscribe(subscriber);

        subscriber.request(1);
        waitForChunks(subscriber, 1);
        assertThat(subscriber.awaitEnd(300)).isFalse();
        assertThat(subscriber.chunks()).hasSize(1);
        subscriber.request(2);
        waitForChunks(subscriber, 3);
        assertThat(subscriber.awaitEnd(300)).isFalse();

        assertThat(subscriber.chunks()).extracting(ChatChunk::content)
                .containsExactly("w0 ", "w1 ", "w2 ");
        subscriber.request(Long.MAX_VALUE);
        awaitEnd(subscriber);
        assertThat(subscriber.error()).isNull();
        assertThat(subscriber.chunks()).hasSize(20);
    }

    @Test
    void cancellingFreesTheConnectionSoManySequentialStreamsAllComplete() throws Exception {
        isolated((sim, own) -> {
            for (int i = 0; i < 50; i++) {
                sim.enqueue(ScriptedResponse.sseData(contents(40)).writeInPieces(64)
                        .pauseBetweenPieces(Duration.ofMillis(2)));
                TestSubscriber subscriber = new TestSubscriber(0);
                call(sim, own).build().publisher().subscribe(subscriber);
                subscriber.request(1);
                waitForChunks(subscriber, 1);
                subscriber.cancel();
                assertThat(subscriber.chunks()).hasSize(1);
            }
            sim.enqueue(ScriptedResponse.sseData(List.of(content("last"), chunk("{}", "stop"),
                    USAGE)));

            assertThat(call(sim, own).build().blocking().response().content())
                    .isEqualTo("last");
            assertThat(sim.requestCount()).isEqualTo(51);
            observer.awaitEnds(51);
            assertThat(observer.ends()).hasSize(51).startsWith("cancelled").endsWith("success");
            awaitOpenConnectionsAtMost(sim, 1);
        });
    }

    @Test
    void finishedStreamsGiveTheirConnectionBackToThePool() throws Exception {
        isolated((sim, own) -> {
            for (int i = 0; i < 50; i++) {
                sim.enqueue(ScriptedResponse.sseData(List.of(content("n" + i),
                        chunk("{}", "stop"), USAGE)));
                CompletableFuture<ChatResponse> future = call(sim, own).build()
                        .subscribe(c -> { });
                assertThat(future.get(30, TimeUnit.SECONDS).content()).isEqualTo("n" + i);
            }

            assertThat(sim.requestCount()).isEqualTo(50);
            awaitOpenConnectionsAtMost(sim, 1);
        });
    }

    @Test
    void closingABlockingStreamMidWayStopsItAndReleasesTheConnection() throws Exception {
        isolated((sim, own) -> {
            sim.enqueue(ScriptedResponse.sseData(contents(200)).writeInPieces(64)
                    .pauseBetweenPieces(Duration.ofMillis(5)));
            ChatStream stream = call(sim, own).build().blocking();
            Iterator<ChatChunk> chunks = stream.iterator();

            assertThat(chunks.next().content()).isEqualTo("w0 ");
            assertThat(chunks.next().content()).isEqualTo("w1 ");
            stream.close();

            assertThat(chunks.hasNext()).isFalse();
            assertThatThrownBy(stream::response).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("closed before its end");
            assertThat(observer.ends()).containsExactly("cancelled");
            awaitOpenConnectionsAtMost(sim, 0);
        });
    }

    @Test
    void closingTheChunkStreamClosesTheChatStream() throws Exception {
        simulator.enqueue(ScriptedResponse.sseData(contents(200)).writeInPieces(64)
                .pauseBetweenPieces(Duration.ofMillis(5)));
        ChatStream stream = blocking();

        try (Stream<ChatChunk> chunks = stream.chunks()) {
            assertThat(chunks.limit(3).map(ChatChunk::content)).containsExactly("w0 ", "w1 ",
                    "w2 ");
        }

        assertThat(stream.iterator().hasNext()).isFalse();
        assertThat(observer.ends()).containsExactly("cancelled");
    }

    @Test
    void theHandlerSeesEveryChunkThenTheResponseAndTheObserverTheFirstToken() throws Exception {
        simulator.enqueue(ScriptedResponse.sseData(List.of(chunk("{\"role\":\"assistant\","
                + "\"content\":\"\"}", null), content("A"), content("B"), chunk("{}", "stop"),
                USAGE)).writeInPieces(5));
        List<String> events = new CopyOnWriteArrayList<>();

        ChatResponse response = call().build().subscribe(new StreamHandler() {
            @Override
            public void onChunk(ChatChunk chunk) {
                events.add("chunk:" + chunk.content());
            }

            @Override
            public void onComplete(ChatResponse done) {
                events.add("complete:" + done.content());
            }
        }).get(30, TimeUnit.SECONDS);

        assertThat(events).containsExactly("chunk:", "chunk:A", "chunk:B", "chunk:", "chunk:",
                "complete:AB");
        assertThat(response.requestedModel()).isEqualTo("grok-4");
        assertThat(response.timeToFirstToken()).isNotNull().isPositive()
                .isLessThanOrEqualTo(response.latency());
        assertThat(observer.firstTokens()).isEqualTo(1);
        assertThat(observer.ends()).containsExactly("success");
    }

    @Test
    void aHandlerThatThrowsCancelsTheStream() {
        simulator.enqueue(ScriptedResponse.sseData(contents(50)));
        AtomicInteger calls = new AtomicInteger();

        CompletableFuture<ChatResponse> future = call().build().subscribe(c -> {
            if (calls.incrementAndGet() == 2) {
                throw new IllegalStateException("handler bug");
            }
        });

        assertThatThrownBy(() -> future.get(30, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).hasRootCauseMessage("handler bug");
        assertThat(calls.get()).isEqualTo(2);
        assertThat(observer.ends()).containsExactly("cancelled");
    }

    @Test
    void aCallIsReadOnceAndAPublisherAcceptsOneSubscriber() throws Exception {
        simulator.enqueue(ScriptedResponse.sseData(List.of(content("x"), chunk("{}", "stop"),
                USAGE)));
        StreamingCall call = call().build();
        var publisher = call.publisher();

        assertThatThrownBy(call::blocking).isInstanceOf(IllegalStateException.class);
        TestSubscriber first = new TestSubscriber(8);
        TestSubscriber second = new TestSubscriber(8);
        publisher.subscribe(first);
        publisher.subscribe(second);
        awaitEnd(first);
        awaitEnd(second);

        assertThat(first.completed()).isTrue();
        assertThat(second.error()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aNonPositiveRequestIsAnError() throws InterruptedException {
        simulator.enqueue(ScriptedResponse.sseData(contents(3)));
        TestSubscriber subscriber = new TestSubscriber(0);
        call().build().publisher().subscribe(subscriber);

        subscriber.request(0);

        awaitEnd(subscriber);
        assertThat(subscriber.error()).isInstanceOf(IllegalArgumentException.class);
        assertThat(observer.ends()).containsExactly("cancelled");
        awaitRequests(1);
    }

    @Test
    void aResponseArrivingAfterTheStreamFailedIsReleased() throws Exception {
        isolated((sim, own) -> {
            sim.enqueue(ScriptedResponse.sseData(contents(100)).delay(Duration.ofMillis(300))
                    .writeInPieces(64).pauseBetweenPieces(Duration.ofMillis(20)));
            TestSubscriber subscriber = new TestSubscriber(0);
            call(sim, own).build().publisher().subscribe(subscriber);

            subscriber.request(-1);
            awaitEnd(subscriber);

            assertThat(subscriber.error()).isInstanceOf(IllegalArgumentException.class);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (sim.requestCount() < 1 && System.nanoTime() < deadline) {
                Thread.sleep(2);
            }
            Thread.sleep(400);
            awaitOpenConnectionsAtMost(sim, 0);
        });
    }

    /** Waits for requests still on their way, so they cannot take the next test's script. */
    private static void awaitRequests(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (simulator.requestCount() < count && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
        assertThat(simulator.requestCount()).isEqualTo(count);
    }

    private ChatStream blocking() {
        return call().build().blocking();
    }

    private StreamingCall.Builder call() {
        return call(simulator, client);
    }

    private StreamingCall.Builder call(Grok4Simulator server, HttpClient httpClient) {
        return StreamTestSupport.call(httpClient, server.baseUrl()).observer(observer)
                .requestedModel("grok-4");
    }

    /** Runs a test on its own simulator and client, so connection counts are its own. */
    private static void isolated(IsolatedTest test) throws Exception {
        Grok4Simulator ownSimulator = Grok4Simulator.start();
        ExecutorService ownExecutor = Executors.newSingleThreadExecutor();
        try {
            test.run(ownSimulator, StreamTestSupport.client(ownExecutor));
        } finally {
            ownSimulator.close();
            ownExecutor.shutdownNow();
        }
    }

    /** A test body given its own simulator and client. */
    interface IsolatedTest {
        void run(Grok4Simulator simulator, HttpClient client) throws Exception;
    }

    private static void awaitEnd(TestSubscriber subscriber) {
        try {
            subscriber.awaitEnd();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private static void waitForChunks(TestSubscriber subscriber, int count)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (subscriber.chunks().size() < count && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
        assertThat(subscriber.chunks()).hasSizeGreaterThanOrEqualTo(count);
    }

    private static void awaitOpenConnectionsAtMost(Grok4Simulator server, int count)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (server.openConnections() > count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(server.openConnections()).isLessThanOrEqualTo(count);
    }

    /** Records the observer's calls. */
    static final class RecordingObserver implements StreamObserver {
        private final List<String> ends = new CopyOnWriteArrayList<>();
        private final AtomicInteger firstTokens = new AtomicInteger();

        @Override
        public void onFirstToken(Duration timeToFirstToken) {
            firstTokens.incrementAndGet();
        }

        @Override
        public void onEnd(ChatResponse response, Grok4Exception error) {
            ends.add(response != null ? "success"
                    : error != null ? "error:" + error.kind().wireName() : "cancelled");
        }

        List<String> ends() {
            return ends;
        }

        void awaitEnds(int count) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (ends.size() < count && System.nanoTime() < deadline) {
                Thread.sleep(2);
            }
        }

        int firstTokens() {
            return firstTokens.get();
        }
    }
}

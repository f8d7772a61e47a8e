package dev.grok4;

import static org.assertj.core.api.Assertions.assertThat;

import dev.grok4.internal.resilience.Sleeper;
import dev.grok4.model.ChatChunk;
import dev.grok4.model.ChatRequest;
import dev.grok4.testkit.Grok4Simulator;
import dev.grok4.testkit.RecordedRequest;
import dev.grok4.testkit.ScriptedResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Regression: a stream closed before its request went out (queued for a permit, or waiting to
 * retry) still sent it once a permit or the retry came, without holding a permit, so cancelled
 * streams could exceed {@code maxConcurrent} and be billed for answers nobody read. And a
 * publisher sent its request before anyone subscribed, holding a permit until someone did.
 */
class StreamClosedBeforeSendTest {
    private static final String BUSY = "{\"error\":{\"message\":\"busy\",\"type\":\"server_error\""
            + ",\"code\":null}}";

    private static Grok4Simulator simulator;

    @BeforeAll
    static void start() {
        simulator = Grok4Simulator.start();
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @BeforeEach
    void reset() {
        simulator.reset();
    }

    private static Grok4Config.Builder settings() {
        return Grok4Config.builder().baseUrl(simulator.baseUrl().toString())
                .cacheType(Grok4Config.CacheType.NONE);
    }

    @Test
    void aStreamClosedWhileQueuedForAPermitIsNeverSent() {
        Grok4Config config = settings().maxConcurrent(1).build();

        try (Grok4Client client = Grok4Client.builder().config(config).environment(n -> null)
                .build()) {
            ChatStream first = client.stream(ChatRequest.ofPrompt("first"));
            ChatStream queued = client.stream(ChatRequest.ofPrompt("queued"));
            assertThat(client.permitWaiters()).isEqualTo(1);

            queued.close();
            first.response();
            first.close();
            client.chat(ChatRequest.ofPrompt("after"));

            assertThat(client.permitsInUse()).isZero();
            assertThat(client.permitWaiters()).isZero();
        }
        assertThat(simulator.requests()).extracting(StreamClosedBeforeSendTest::prompt)
                .containsExactly("first", "after");
    }

    @Test
    void aStreamCancelledWhileWaitingToRetryIsNotRetried() {
        simulator.enqueue(ScriptedResponse.json(503, BUSY));
        GateSleeper sleeper = new GateSleeper();

        try (Grok4Client client = Grok4Client.builder().config(settings().build())
                .environment(n -> null).sleeper(sleeper).build()) {
            Cancelling subscriber = new Cancelling();
            client.streamPublisher(ChatRequest.ofPrompt("cancel me")).subscribe(subscriber);
            assertThat(eventually(sleeper.asked::isDone)).as("the retry wait began").isTrue();

            subscriber.subscription.cancel();
            sleeper.gate.complete(null);
            client.chat(ChatRequest.ofPrompt("after"));

            assertThat(client.permitsInUse()).isZero();
        }
        assertThat(simulator.requests()).extracting(StreamClosedBeforeSendTest::prompt)
                .containsExactly("cancel me", "after");
    }

    /** Regression: the publisher sent at once and held a permit until someone subscribed. */
    @Test
    void aPublisherNobodySubscribesToSendsNothingAndHoldsNoPermit() throws Exception {
        try (Grok4Client client = Grok4Client.builder().config(settings().maxConcurrent(1)
                .build()).environment(n -> null).build()) {
            Flow.Publisher<ChatChunk> unused = client.streamPublisher(ChatRequest.ofPrompt("x"));
            Flow.Publisher<ChatChunk> late = client.streamPublisher(ChatRequest.ofPrompt("late"));

            assertThat(client.permitsInUse()).isZero();
            client.chat(ChatRequest.ofPrompt("after"));
            OneByOne subscriber = new OneByOne();
            late.subscribe(subscriber);

            assertThat(subscriber.end.get(10, TimeUnit.SECONDS)).isNull();
            assertThat(subscriber.text.toString()).isNotEmpty();
            assertThat(client.permitsInUse()).isZero();
            assertThat(unused).isNotNull();
        }
        assertThat(simulator.requests()).extracting(StreamClosedBeforeSendTest::prompt)
                .containsExactly("after", "late");
    }

    private static String prompt(RecordedRequest request) {
        return request.json().at("/messages/0/content").asText();
    }

    private static boolean eventually(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        return condition.getAsBoolean();
    }

    /** Holds every retry wait until the test opens the gate. */
    static final class GateSleeper implements Sleeper {
        final CompletableFuture<Void> asked = new CompletableFuture<>();
        final CompletableFuture<Void> gate = new CompletableFuture<>();

        @Override
        public void sleep(Duration duration) {
            throw new AssertionError("a stream waits asynchronously");
        }

        @Override
        public CompletableFuture<Void> delay(Duration duration) {
            asked.complete(null);
            return gate;
        }
    }

    /** Requests nothing; the test cancels through the subscription. */
    static final class Cancelling implements Flow.Subscriber<ChatChunk> {
        volatile Flow.Subscription subscription;

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
        }

        @Override
        public void onNext(ChatChunk chunk) {}

        @Override
        public void onError(Throwable error) {}

        @Override
        public void onComplete() {}
    }
}

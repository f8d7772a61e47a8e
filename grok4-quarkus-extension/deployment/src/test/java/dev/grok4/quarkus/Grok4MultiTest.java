package dev.grok4.quarkus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.grok4.Grok4Client;
import dev.grok4.Grok4Config.CacheType;
import dev.grok4.model.ChatChunk;
import dev.grok4.model.ChatRequest;
import dev.grok4.model.ChunkChoice;
import dev.grok4.testkit.Grok4Simulator;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.helpers.test.AssertSubscriber;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.SubmissionPublisher;
import org.junit.jupiter.api.Test;

/**
 * The Mutiny adapter keeps items, order, completion and back-pressure of the publisher, and
 * streams from a real client against the simulator.
 */
class Grok4MultiTest {

    @Test
    void deliversEveryChunkInOrder() {
        SubmissionPublisher<ChatChunk> publisher = new SubmissionPublisher<>();
        AssertSubscriber<ChatChunk> subscriber = Grok4Multi.of(publisher)
                .subscribe().withSubscriber(AssertSubscriber.create(10));

        List.of("Hel", "lo", "!").forEach(text -> publisher.submit(chunk(text)));
        publisher.close();

        subscriber.awaitCompletion(Duration.ofSeconds(10));
        assertThat(subscriber.getItems()).extracting(ChatChunk::content)
                .containsExactly("Hel", "lo", "!");
    }

    @Test
    void requestsOnlyWhatTheSubscriberAsksFor() {
        try (SubmissionPublisher<ChatChunk> publisher = new SubmissionPublisher<>()) {
            AssertSubscriber<ChatChunk> subscriber = Grok4Multi.of(publisher)
                    .subscribe().withSubscriber(AssertSubscriber.create(1));

            List.of("a", "b", "c").forEach(text -> publisher.submit(chunk(text)));
            subscriber.awaitItems(1, Duration.ofSeconds(10));

            assertThat(subscriber.getItems()).extracting(ChatChunk::content).containsExactly("a");
            subscriber.request(2).awaitItems(3, Duration.ofSeconds(10));
            assertThat(subscriber.getItems()).extracting(ChatChunk::content)
                    .containsExactly("a", "b", "c");
        }
    }

    @Test
    void passesFailuresOn() {
        try (SubmissionPublisher<ChatChunk> publisher = new SubmissionPublisher<>()) {
            AssertSubscriber<ChatChunk> subscriber = Grok4Multi.of(publisher)
                    .subscribe().withSubscriber(AssertSubscriber.create(10));

            publisher.submit(chunk("partial"));
            subscriber.awaitItems(1, Duration.ofSeconds(10));
            publisher.closeExceptionally(new IllegalStateException("cut"));

            subscriber.awaitFailure(Duration.ofSeconds(10));
            assertThat(subscriber.getFailure()).hasMessage("cut");
            assertThat(subscriber.getItems()).extracting(ChatChunk::content)
                    .containsExactly("partial");
        }
    }

    @Test
    void streamsFromTheClientOncePerSubscription() {
        try (Grok4Simulator simulator = Grok4Simulator.start();
                Grok4Client client = uncachedClient(simulator)) {
            Multi<ChatChunk> chunks =
                    Grok4Multi.stream(client, ChatRequest.ofPrompt("stream me please"));
            assertThat(simulator.requestCount()).isZero();

            String first = join(chunks);
            String second = join(chunks);

            assertThat(first).contains("stream me please").isEqualTo(second);
            assertThat(simulator.requestCount()).isEqualTo(2);
        }
    }

    /** Without a cache, since a cached stream would be replayed without a second request. */
    private static Grok4Client uncachedClient(Grok4Simulator simulator) {
        Grok4Client.Builder builder = Grok4Client.builder()
                .baseUrl(simulator.baseUrl().toString())
                .apiKey("xai-multi-test-key");
        builder.settings().cacheType(CacheType.NONE);
        return builder.build();
    }

    private static String join(Multi<ChatChunk> chunks) {
        List<String> deltas = chunks.map(ChatChunk::content)
                .collect().asList()
                .await().atMost(Duration.ofSeconds(30));
        assertThat(deltas.size()).isGreaterThan(1);
        return String.join("", deltas);
    }

    private static ChatChunk chunk(String content) {
        ChunkChoice choice = new ChunkChoice(0, null, content, null, List.of(), null);
        return new ChatChunk("c1", "grok-4", 1L, List.of(choice), null);
    }
}

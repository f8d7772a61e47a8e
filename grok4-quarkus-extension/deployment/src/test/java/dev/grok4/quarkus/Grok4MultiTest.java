package dev.grok4.quarkus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.grok4.model.ChatChunk;
import dev.grok4.model.ChunkChoice;
import io.smallrye.mutiny.helpers.test.AssertSubscriber;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.SubmissionPublisher;
import org.junit.jupiter.api.Test;

/** The Mutiny adapter keeps items, order, completion and back-pressure of the publisher. */
class Grok4MultiTest {

    @Test
    void deliversEveryChunkInOrder() {
        try (SubmissionPublisher<ChatChunk> publisher = new SubmissionPublisher<>()) {
            AssertSubscriber<ChatChunk> subscriber = Grok4Multi.of(publisher)
                    .subscribe().withSubscriber(AssertSubscriber.create(10));

            List.of("Hel", "lo", "!").forEach(text -> publisher.submit(chunk(text)));
            publisher.close();

            subscriber.awaitCompletion(Duration.ofSeconds(10));
            assertThat(subscriber.getItems()).extracting(ChatChunk::content)
                    .containsExactly("Hel", "lo", "!");
        }
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

    private static ChatChunk chunk(String content) {
        ChunkChoice choice = new ChunkChoice(0, null, content, null, List.of(), null);
        return new ChatChunk("c1", "grok-4", 1L, List.of(choice), null);
    }
}

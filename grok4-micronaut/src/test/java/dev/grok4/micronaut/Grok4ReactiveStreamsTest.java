package dev.grok4.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import dev.grok4.Grok4Client;
import dev.grok4.Grok4Exception;
import dev.grok4.model.ChatChunk;
import dev.grok4.model.ChatRequest;
import dev.grok4.testkit.Grok4Simulator;
import dev.grok4.testkit.ScriptedResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

class Grok4ReactiveStreamsTest {
    @Test
    void publishesTheChunksInOrder() throws Exception {
        try (Grok4Simulator simulator = Grok4Simulator.start();
                Grok4Client client = client(simulator)) {
            simulator.enqueue(ScriptedResponse.sseData(List.of(chunk("fi"), chunk("ne"))));

            Collected collected = collect(
                    Grok4ReactiveStreams.stream(client, ChatRequest.ofPrompt("hi")));

            assertThat(collected.done().get(30, TimeUnit.SECONDS)).isNull();
            assertThat(collected.chunks()).extracting(ChatChunk::content)
                    .filteredOn(content -> !content.isEmpty())
                    .containsExactly("fi", "ne");
        }
    }

    @Test
    void upstreamFailureEndsTheStreamWithGrok4Exception() throws Exception {
        try (Grok4Simulator simulator = Grok4Simulator.start();
                Grok4Client client = client(simulator)) {
            simulator.enqueue(ScriptedResponse.json(401,
                    "{\"error\":{\"message\":\"bad key\",\"type\":\"invalid_request_error\"}}"));

            Collected collected = collect(
                    Grok4ReactiveStreams.stream(client, ChatRequest.ofPrompt("hi")));

            Throwable failure = collected.done().get(30, TimeUnit.SECONDS);
            assertThat(failure).isInstanceOf(Grok4Exception.class);
            assertThat(((Grok4Exception) failure).kind().wireName()).isEqualTo("authentication");
            assertThat(collected.chunks()).isEmpty();
        }
    }

    private static Grok4Client client(Grok4Simulator simulator) {
        Grok4Client.Builder builder = Grok4Client.builder()
                .baseUrl(simulator.baseUrl().toString())
                .apiKey("xai-stream-test");
        builder.settings().maxAttempts(1).fallbackModels(List.of());
        return builder.build();
    }

    private static String chunk(String content) {
        return "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,"
                + "\"model\":\"grok-4\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\""
                + content + "\"},\"finish_reason\":" + ("ne".equals(content) ? "\"stop\"" : "null")
                + "}]}";
    }

    /** The chunks received, and a future of the terminal signal: null on completion. */
    private record Collected(List<ChatChunk> chunks, CompletableFuture<Throwable> done) {}

    private static Collected collect(Publisher<ChatChunk> publisher) {
        Collected collected = new Collected(new CopyOnWriteArrayList<>(),
                new CompletableFuture<>());
        publisher.subscribe(new Subscriber<ChatChunk>() {
            @Override
            public void onSubscribe(Subscription s) {
                s.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ChatChunk chunk) {
                collected.chunks().add(chunk);
            }

            @Override
            public void onError(Throwable t) {
                collected.done().complete(t);
            }

            @Override
            public void onComplete() {
                collected.done().complete(null);
            }
        });
        return collected;
    }
}

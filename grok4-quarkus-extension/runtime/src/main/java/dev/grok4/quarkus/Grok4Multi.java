package dev.grok4.quarkus;

import static java.util.Objects.requireNonNull;

import dev.grok4.Grok4Client;
import dev.grok4.model.ChatChunk;
import dev.grok4.model.ChatRequest;
import io.smallrye.mutiny.Multi;
import java.util.concurrent.Flow;

/**
 * Streams chat completions as Mutiny {@link Multi}s, for Quarkus REST endpoints and reactive
 * pipelines.
 *
 * <pre>{@code
 * @GET @Path("/stream") @Produces(MediaType.SERVER_SENT_EVENTS)
 * Multi<String> stream(@RestQuery String prompt) {
 *     return Grok4Multi.stream(client, ChatRequest.ofPrompt(prompt)).map(ChatChunk::content);
 * }
 * }</pre>
 *
 * <p>Thread-safe and stateless.
 *
 * @since 0.1
 */
public final class Grok4Multi {
    private Grok4Multi() {}

    /**
     * Returns the chunks of one streamed completion. Nothing is sent until a subscriber
     * subscribes, and each subscription sends its own request. Failures arrive as
     * {@link dev.grok4.Grok4Exception}s; cancelling the subscription closes the stream.
     *
     * @param client the client, never null
     * @param request the request, never null; it is sent with {@code stream: true}
     * @return a cold stream of chunks
     */
    public static Multi<ChatChunk> stream(Grok4Client client, ChatRequest request) {
        requireNonNull(client, "client");
        requireNonNull(request, "request");
        return Multi.createFrom().deferred(() -> of(client.streamPublisher(request)));
    }

    /**
     * Adapts a {@link Flow.Publisher} of chunks, such as the one a client's
     * {@code streamPublisher} returns, keeping its back-pressure and cancellation.
     *
     * @param publisher the publisher, never null
     * @return the same chunks as a Multi
     */
    public static Multi<ChatChunk> of(Flow.Publisher<ChatChunk> publisher) {
        return Multi.createFrom().publisher(requireNonNull(publisher, "publisher"));
    }
}

package dev.grok4.micronaut;

import static java.util.Objects.requireNonNull;

import dev.grok4.Grok4Client;
import dev.grok4.model.ChatChunk;
import dev.grok4.model.ChatRequest;
import org.reactivestreams.FlowAdapters;
import org.reactivestreams.Publisher;

/**
 * Streamed replies as Reactive Streams publishers, the type Micronaut controllers and Reactor
 * accept.
 *
 * @since 0.1
 */
public final class Grok4ReactiveStreams {
    private Grok4ReactiveStreams() {}

    /**
     * Returns a cold publisher of the reply's chunks: each subscription sends the request once.
     * Chunks arrive in order; a failure ends the stream with a
     * {@link dev.grok4.Grok4Exception}, and cancelling closes the connection.
     *
     * @param client the client to call; not null
     * @param request the request; not null
     * @return the chunk publisher
     */
    public static Publisher<ChatChunk> stream(Grok4Client client, ChatRequest request) {
        requireNonNull(client, "client");
        requireNonNull(request, "request");
        return FlowAdapters.toPublisher(client.streamPublisher(request));
    }
}

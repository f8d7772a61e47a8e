package dev.grok4.micronaut;

import dev.grok4.Grok4Client;
import dev.grok4.model.ChatChunk;
import dev.grok4.model.ChatRequest;
import java.util.concurrent.Flow;

/** The one call into core's streaming API, kept apart while that API lands. */
final class StreamSource {
    private StreamSource() {}

    static Flow.Publisher<ChatChunk> publisher(Grok4Client client, ChatRequest request) {
        // TODO(#8): return client.streamPublisher(request) once branch stream is merged to main.
        throw new UnsupportedOperationException("Streaming is not in grok4-core yet");
    }
}

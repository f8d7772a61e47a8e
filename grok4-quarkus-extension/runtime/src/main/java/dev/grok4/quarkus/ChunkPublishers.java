package dev.grok4.quarkus;

import dev.grok4.Grok4Client;
import dev.grok4.model.ChatChunk;
import dev.grok4.model.ChatRequest;
import java.util.concurrent.Flow;

/** Where {@link Grok4Multi} gets its chunks from the core client. */
final class ChunkPublishers {
    private ChunkPublishers() {}

    static Flow.Publisher<ChatChunk> of(Grok4Client client, ChatRequest request) {
        // TODO(#7): call client.streamPublisher(request) once branch stream lands on main.
        throw new UnsupportedOperationException(
                "Streaming needs Grok4Client.streamPublisher, which this core version lacks");
    }
}

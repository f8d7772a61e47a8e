package dev.grok4.bench.load;

import dev.grok4.ChatStream;
import dev.grok4.internal.http.HttpCall;
import dev.grok4.internal.http.JdkHttpTransport;
import dev.grok4.internal.json.ChatJson;
import dev.grok4.internal.stream.StreamingCall;
import dev.grok4.model.ChatRequest;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Streams through core's own pieces (JDK transport, codec, SSE parser, accumulator) the way
 * {@code Grok4Client.stream} will, for as long as the client does not offer that method yet.
 */
// TODO(#9): delete once Grok4Client.stream is on main; Grok4Driver then calls it directly.
final class InternalStreamPath implements AutoCloseable {
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "grok4-bench-transport");
        thread.setDaemon(true);
        return thread;
    });
    private final JdkHttpTransport transport =
            new JdkHttpTransport(false, Duration.ofSeconds(10), executor);
    private final URI chatUri;

    InternalStreamPath(URI baseUrl) {
        this.chatUri = URI.create(baseUrl + "/chat/completions");
    }

    /** Opens the stream of one request. */
    ChatStream open(ChatRequest request) {
        HttpCall call = new HttpCall("POST", chatUri,
                Map.of("Authorization", "Bearer " + Workload.API_KEY),
                ChatJson.writeRequest(request, true, true), Duration.ofSeconds(60));
        return StreamingCall.builder(transport.sendStreaming(call))
                .expectUsage(true)
                .requestedModel(Workload.MODEL)
                .build()
                .blocking();
    }

    @Override
    public void close() {
        transport.close();
        executor.shutdown();
    }
}

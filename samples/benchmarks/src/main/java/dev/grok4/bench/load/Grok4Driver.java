package dev.grok4.bench.load;

import dev.grok4.ChatStream;
import dev.grok4.Grok4Client;
import dev.grok4.Grok4Config;
import dev.grok4.model.ChatChunk;
import dev.grok4.model.ChatRequest;
import dev.grok4.model.ChatResponse;
import dev.grok4.model.Message;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * Our client, set up to measure the client itself: no cache, no request or token limits, one
 * attempt, no fallback model, and as many permits as worker threads. Metrics stay on, as by
 * default.
 */
final class Grok4Driver implements ClientDriver {
    private final Grok4Client client;

    Grok4Driver(URI baseUrl, int concurrency) {
        Grok4Client.Builder builder = Grok4Client.builder()
                .baseUrl(baseUrl.toString())
                .apiKey(Workload.API_KEY)
                .model(Workload.MODEL)
                .requestTimeout(Duration.ofSeconds(60));
        builder.settings()
                .cacheType(Grok4Config.CacheType.NONE)
                .maxConcurrent(concurrency)
                .requestsPerMinute(0)
                .tokensPerMinute(0)
                .maxAttempts(1)
                .fallbackModels(List.of());
        this.client = builder.build();
    }

    @Override
    public String name() {
        return "grok4";
    }

    @Override
    public int chat() {
        ChatResponse response = client.chat(request(Workload.CHAT_MAX_TOKENS));
        return response.content().length();
    }

    @Override
    public int stream() {
        try (ChatStream chunks = client.stream(request(Workload.STREAM_MAX_TOKENS))) {
            int events = 0;
            for (ChatChunk chunk : chunks) {
                events += chunk.content().isEmpty() ? 0 : 1;
            }
            chunks.response();
            return events;
        }
    }

    /** The workload's request; the client runs with {@code cacheType NONE}, so each is sent. */
    private static ChatRequest request(int maxTokens) {
        return ChatRequest.builder()
                .addMessage(Message.user(Workload.PROMPT))
                .maxTokens(maxTokens)
                .build();
    }

    @Override
    public void close() {
        client.close();
    }
}

package dev.grok4.bench.jmh;

import dev.grok4.bench.load.Workload;
import dev.grok4.model.ChatRequest;
import dev.grok4.model.Message;
import dev.grok4.testkit.Grok4Simulator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * The exact bodies the load harness exchanges, taken once from an in-process simulator so that
 * the microbenchmarks parse what the clients parse: a chat reply of about 1 KB and a stream of
 * 200 content events plus a usage event.
 */
final class Payloads {
    /** The content events in {@link #stream()}, for per-event figures. */
    static final int STREAM_EVENTS = Workload.STREAM_EVENTS;

    private final byte[] chat;
    private final byte[] stream;

    private Payloads(byte[] chat, byte[] stream) {
        this.chat = chat;
        this.stream = stream;
    }

    /** Fetches both bodies from a simulator started and stopped for the purpose. */
    static Payloads fetch() throws IOException, InterruptedException {
        try (Grok4Simulator simulator = Grok4Simulator.builder()
                .streamChunkSize(Workload.STREAM_CHUNK_SIZE).start()) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            URI uri = URI.create(simulator.baseUrl() + "/chat/completions");
            return new Payloads(post(http, uri, body(false)), post(http, uri, body(true)));
        }
    }

    /** The workload's request as core's model. */
    static ChatRequest request(int maxTokens) {
        return ChatRequest.builder()
                .addMessage(Message.user(Workload.PROMPT))
                .maxTokens(maxTokens)
                .build();
    }

    byte[] chat() {
        return chat.clone();
    }

    byte[] stream() {
        return stream.clone();
    }

    private static String body(boolean stream) {
        int tokens = stream ? Workload.STREAM_MAX_TOKENS : Workload.CHAT_MAX_TOKENS;
        return "{\"model\":\"" + Workload.MODEL + "\",\"messages\":[{\"role\":\"user\","
                + "\"content\":\"" + Workload.PROMPT + "\"}],\"max_tokens\":" + tokens
                + (stream ? ",\"stream\":true,\"stream_options\":{\"include_usage\":true}" : "")
                + "}";
    }

    private static byte[] post(HttpClient http, URI uri, String json)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException("The simulator answered " + response.statusCode());
        }
        return response.body();
    }
}

package dev.grok4.bench.load;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The floor: the JDK {@link HttpClient} forced to HTTP/1.1, with Jackson reading the replies
 * into plain records. Nothing a real client does (retries, limits, metrics) happens here.
 */
final class JdkDriver implements ClientDriver {
    static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final String DATA = "data: ";

    private final HttpClient http;
    private final URI chatUri;

    JdkDriver(URI baseUrl) {
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        this.chatUri = URI.create(baseUrl + "/chat/completions");
    }

    @Override
    public String name() {
        return "jdk";
    }

    @Override
    public int chat() throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(request(false),
                HttpResponse.BodyHandlers.ofByteArray());
        checkStatus(response.statusCode());
        Completion completion = MAPPER.readValue(response.body(), Completion.class);
        String content = completion.choices().get(0).message().content();
        return content == null ? 0 : content.length();
    }

    @Override
    public int stream() throws IOException, InterruptedException {
        HttpResponse<InputStream> response = http.send(request(true),
                HttpResponse.BodyHandlers.ofInputStream());
        checkStatus(response.statusCode());
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            return readEvents(reader, new StringBuilder(1024));
        }
    }

    /** Reads every event to the end of the body, so the connection goes back to the pool. */
    private static int readEvents(BufferedReader reader, StringBuilder text) throws IOException {
        int events = 0;
        boolean done = false;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            if (done || !line.startsWith(DATA)) {
                continue;
            }
            String data = line.substring(DATA.length());
            if (data.equals("[DONE]")) {
                done = true;
                continue;
            }
            events += accumulate(MAPPER.readValue(data, Chunk.class), text);
        }
        return events;
    }

    private static int accumulate(Chunk chunk, StringBuilder text) {
        if (chunk.choices().isEmpty()) {
            return 0;
        }
        Delta delta = chunk.choices().get(0).delta();
        if (delta == null || delta.content() == null || delta.content().isEmpty()) {
            return 0;
        }
        text.append(delta.content());
        return 1;
    }

    private HttpRequest request(boolean stream) throws IOException {
        Body body = new Body(Workload.MODEL, List.of(new Msg("user", Workload.PROMPT)),
                stream ? Workload.STREAM_MAX_TOKENS : Workload.CHAT_MAX_TOKENS,
                stream ? Boolean.TRUE : null, stream ? new StreamOptions(true) : null);
        return HttpRequest.newBuilder(chatUri)
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + Workload.API_KEY)
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArray(MAPPER.writeValueAsBytes(body)))
                .build();
    }

    private static void checkStatus(int status) throws IOException {
        if (status != 200) {
            throw new IOException("HTTP " + status);
        }
    }

    @Override
    public void close() {
        // The JDK 17 client has no close(); its selector thread ends once it is unreachable.
    }

    record Msg(String role, @Nullable String content) {
    }

    record StreamOptions(@JsonProperty("include_usage") boolean includeUsage) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Body(String model, List<Msg> messages, @JsonProperty("max_tokens") int maxTokens,
            @Nullable Boolean stream,
            @JsonProperty("stream_options") @Nullable StreamOptions streamOptions) {
    }

    record Usage(@JsonProperty("prompt_tokens") int promptTokens,
            @JsonProperty("completion_tokens") int completionTokens,
            @JsonProperty("total_tokens") int totalTokens) {
    }

    record Choice(int index, Msg message, @JsonProperty("finish_reason") String finishReason) {
    }

    record Completion(String id, String model, List<Choice> choices, @Nullable Usage usage) {
    }

    record Delta(@Nullable String role, @Nullable String content) {
    }

    record ChunkChoice(int index, @Nullable Delta delta,
            @JsonProperty("finish_reason") @Nullable String finishReason) {
    }

    record Chunk(String id, List<ChunkChoice> choices, @Nullable Usage usage) {
    }
}

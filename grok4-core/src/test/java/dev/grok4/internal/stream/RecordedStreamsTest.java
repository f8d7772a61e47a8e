package dev.grok4.internal.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.grok4.ChatStream;
import dev.grok4.internal.stream.RecordedFixtures.Recording;
import dev.grok4.model.ChatChunk;
import dev.grok4.model.ChatResponse;
import dev.grok4.model.ToolCall;
import dev.grok4.model.Usage;
import dev.grok4.testkit.Grok4Simulator;
import dev.grok4.testkit.ScriptedResponse;
import java.io.IOException;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Serves every recorded chat stream through a real HTTP server, whole and cut into odd-sized
 * writes, and checks the accumulated response against values computed from the recording with
 * Jackson's tree model.
 */
class RecordedStreamsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Grok4Simulator simulator;
    private static ExecutorService executor;
    private static HttpClient client;

    @BeforeAll
    static void start() {
        simulator = Grok4Simulator.start();
        executor = Executors.newFixedThreadPool(2);
        client = StreamTestSupport.client(executor);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        simulator.close();
        executor.shutdownNow();
        executor.awaitTermination(5, TimeUnit.SECONDS);
    }

    @BeforeEach
    void reset() {
        simulator.reset();
    }

    static Stream<Arguments> recordings() throws IOException {
        return RecordedFixtures.all().stream().flatMap(r -> Stream.of(
                Arguments.of(r, 0), Arguments.of(r, 7), Arguments.of(r, 13)));
    }

    static Stream<Recording> recordingsOnly() throws IOException {
        return RecordedFixtures.all().stream();
    }

    @Test
    void theSharedFixturesHoldBothKindsOfRecording() throws IOException {
        List<Recording> all = RecordedFixtures.all();

        assertThat(all).extracting(Recording::name)
                .anyMatch(name -> name.endsWith(".chunks.txt"))
                .anyMatch(name -> name.contains(".yml#"))
                .noneMatch(name -> name.contains("xai-responses"))
                .noneMatch(name -> name.contains("responses-api"));
    }

    @ParameterizedTest(name = "{0} in pieces of {1}")
    @MethodSource("recordings")
    void blockingStreamAccumulatesTheRecordedResponse(Recording recording, int piece) {
        Expected expected = Expected.of(recording.body());
        simulator.enqueue(scripted(recording, piece));

        ChatResponse response;
        int chunks = 0;
        try (ChatStream stream = StreamTestSupport.call(client, simulator.baseUrl()).build()
                .blocking()) {
            for (ChatChunk ignored : stream) {
                chunks++;
            }
            response = stream.response();
        }

        assertThat(chunks).isEqualTo(expected.chunks);
        expected.check(response);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recordingsOnly")
    void handlerReceivesEveryChunkAndTheRecordedResponse(Recording recording) throws Exception {
        Expected expected = Expected.of(recording.body());
        simulator.enqueue(scripted(recording, 13));
        List<ChatChunk> seen = new ArrayList<>();

        ChatResponse response = StreamTestSupport.call(client, simulator.baseUrl()).build()
                .subscribe(seen::add).get(30, TimeUnit.SECONDS);

        assertThat(seen).hasSize(expected.chunks);
        assertThat(join(seen, false)).isEqualTo(expected.content.toString());
        expected.check(response);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recordingsOnly")
    void publisherDeliversEveryChunkOneRequestAtATime(Recording recording) throws Exception {
        Expected expected = Expected.of(recording.body());
        simulator.enqueue(scripted(recording, 7));
        TestSubscriber subscriber = new TestSubscriber(1);

        StreamTestSupport.call(client, simulator.baseUrl()).build().publisher()
                .subscribe(subscriber);
        subscriber.awaitEnd();

        assertThat(subscriber.error()).isNull();
        assertThat(subscriber.chunks()).hasSize(expected.chunks);
        assertThat(join(subscriber.chunks(), false)).isEqualTo(expected.content.toString());
        assertThat(join(subscriber.chunks(), true)).isEqualTo(expected.reasoning.toString());
    }

    private static String join(List<ChatChunk> chunks, boolean reasoning) {
        StringBuilder text = new StringBuilder();
        for (ChatChunk chunk : chunks) {
            chunk.choices().stream().filter(c -> c.index() == 0).forEach(c -> {
                String piece = reasoning ? c.reasoning() : c.content();
                text.append(piece == null ? "" : piece);
            });
        }
        return text.toString();
    }

    private static ScriptedResponse scripted(Recording recording, int piece) {
        ScriptedResponse response = ScriptedResponse.sse(recording.body());
        return piece > 0 ? response.writeInPieces(piece) : response;
    }

    /** What a recording should accumulate to, computed with the tree model. */
    static final class Expected {
        final StringBuilder content = new StringBuilder();
        final StringBuilder reasoning = new StringBuilder();
        final Map<Integer, String[]> calls = new TreeMap<>();
        String finish;
        JsonNode usage;
        String model;
        int chunks;

        static Expected of(String body) {
            Expected expected = new Expected();
            for (String line : body.split("\r\n|\r|\n")) {
                if (line.startsWith("data:")) {
                    String payload = line.substring(5).stripLeading();
                    if (!payload.equals("[DONE]")) {
                        expected.add(read(payload));
                    }
                }
            }
            return expected;
        }

        private static JsonNode read(String payload) {
            try {
                return JSON.readTree(payload);
            } catch (IOException e) {
                throw new IllegalStateException("Bad recorded payload: " + payload, e);
            }
        }

        private void add(JsonNode chunk) {
            chunks++;
            if (model == null && !chunk.path("model").asText("").isEmpty()) {
                model = chunk.path("model").asText();
            }
            if (chunk.path("usage").isObject()) {
                usage = chunk.path("usage");
            }
            for (JsonNode choice : chunk.path("choices")) {
                if (choice.path("index").asInt(0) == 0) {
                    addDelta(choice.path("delta"));
                    if (choice.path("finish_reason").isTextual()) {
                        finish = choice.path("finish_reason").asText();
                    }
                }
            }
        }

        private void addDelta(JsonNode delta) {
            if (delta.path("content").isTextual()) {
                content.append(delta.path("content").asText());
            }
            JsonNode thinking = delta.path("reasoning_content").isTextual()
                    ? delta.path("reasoning_content") : delta.path("reasoning");
            if (thinking.isTextual()) {
                reasoning.append(thinking.asText());
            }
            for (JsonNode call : delta.path("tool_calls")) {
                String[] fields = calls.computeIfAbsent(call.path("index").asInt(),
                        i -> new String[] {"", "", ""});
                String id = call.path("id").asText("");
                String name = call.path("function").path("name").asText("");
                fields[0] = id.isEmpty() ? fields[0] : id;
                fields[1] = name.isEmpty() ? fields[1] : name;
                fields[2] += call.path("function").path("arguments").asText("");
            }
        }

        void check(ChatResponse response) {
            assertThat(response.content()).isEqualTo(content.toString());
            assertThat(response.reasoning() == null ? "" : response.reasoning())
                    .isEqualTo(reasoning.toString());
            assertThat(response.toolCalls()).extracting(ToolCall::id, ToolCall::name,
                    ToolCall::arguments).containsExactlyElementsOf(calls.values().stream()
                    .map(f -> org.assertj.core.groups.Tuple.tuple(f[0], f[1], f[2])).toList());
            assertThat(response.finishReason()).isEqualTo(finish).isNotNull();
            assertThat(response.model()).isEqualTo(model).isNotNull();
            checkUsage(response.usage());
            assertThat(response.latency()).isPositive();
        }

        private void checkUsage(Usage actual) {
            assertThat(usage).as("every recording carries usage").isNotNull();
            assertThat(actual).isNotNull();
            assertThat(actual.promptTokens()).isEqualTo(number(usage.path("prompt_tokens")));
            assertThat(actual.completionTokens())
                    .isEqualTo(number(usage.path("completion_tokens")));
            assertThat(actual.totalTokens()).isEqualTo(number(usage.path("total_tokens")));
            assertThat(actual.reasoningTokens()).isEqualTo(number(
                    usage.path("completion_tokens_details").path("reasoning_tokens")));
            assertThat(actual.cachedTokens()).isEqualTo(number(
                    usage.path("prompt_tokens_details").path("cached_tokens")));
        }

        private static Integer number(JsonNode node) {
            return node.isNumber() ? node.intValue() : null;
        }
    }
}

package dev.grok4.sample.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.grok4.testkit.Grok4Simulator;
import dev.grok4.testkit.ScriptedResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The sample over real HTTP, its client calling the testkit simulator. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"grok4.api-key=" + SampleApplicationTest.KEY, "grok4.retry.max-attempts=1",
            "grok4.fallback-models=", "grok4.circuit-breaker.enabled=false",
            "grok4.cache.type=none"})
@ExtendWith(OutputCaptureExtension.class)
class SampleApplicationTest {
    static final String KEY = "xai-TESTSECRET-9f3b2c";

    private static final Grok4Simulator SIMULATOR = Grok4Simulator.start();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Value("${local.server.port}")
    private int port;

    @DynamicPropertySource
    static void simulator(DynamicPropertyRegistry registry) {
        registry.add("grok4.base-url", () -> SIMULATOR.baseUrl().toString());
    }

    @AfterAll
    static void stopSimulator() {
        SIMULATOR.close();
    }

    @BeforeEach
    void reset() {
        SIMULATOR.reset();
    }

    @Test
    void chatAnswersWithContentModelAndUsage() throws Exception {
        SIMULATOR.enqueue(ScriptedResponse.json(200, completion("Tokyo.", 12, 3)));

        HttpResponse<String> response = postChat("{\"prompt\":\"Capital of Japan?\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("content").asText()).isEqualTo("Tokyo.");
        assertThat(body.path("model").asText()).isEqualTo("grok-4");
        assertThat(body.path("usage").path("prompt_tokens").asInt()).isEqualTo(12);
        assertThat(body.path("usage").path("completion_tokens").asInt()).isEqualTo(3);
        assertThat(body.path("usage").path("total_tokens").asInt()).isEqualTo(15);
        assertThat(SIMULATOR.requests().get(0).body()).contains("Capital of Japan?");
    }

    @Test
    void streamSendsEachDeltaAsOneEvent() throws Exception {
        SIMULATOR.enqueue(ScriptedResponse.sseData(List.of(chunk("Hel", null),
                chunk("lo, ", null), chunk(" wide\\n world", null), chunk("!", "stop"), "[DONE]")));

        HttpResponse<String> response = get("/chat/stream?prompt=" + encode("Say hello"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));
        assertThat(dataOfEvents(response.body()))
                .containsExactly("Hel", "lo, ", " wide\n world", "!");
    }

    @Test
    void aStreamThatBreaksAfterItStartedEndsWithAnErrorEvent() throws Exception {
        // No finish reason and no [DONE]: the upstream stream is cut short.
        SIMULATOR.enqueue(ScriptedResponse.sse("data: " + chunk("Half an ans", null) + "\n\n"));

        HttpResponse<String> response = get("/chat/stream?prompt=" + encode("Cut me off"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(dataOfEvents(response.body())).first().isEqualTo("Half an ans");
        assertThat(response.body()).contains("event:error");
        assertThat(dataOfEvents(response.body())).last().asString()
                .startsWith("stream_truncated: ");
    }

    @Test
    void streamedDeltasAddUpToTheWholeReply() throws Exception {
        String whole = JSON.readTree(postChat("{\"prompt\":\"Tell me a story\"}").body())
                .path("content").asText();

        HttpResponse<String> streamed = get("/chat/stream?prompt=" + encode("Tell me a story"));

        assertThat(whole).isNotBlank();
        assertThat(String.join("", dataOfEvents(streamed.body()))).isEqualTo(whole);
    }

    @Test
    void upstreamServerErrorBecomes502(CapturedOutput output) throws Exception {
        SIMULATOR.enqueue(ScriptedResponse.json(503,
                "{\"error\":{\"message\":\"overloaded\",\"type\":\"server_error\"}}"));

        HttpResponse<String> response = postChat("{\"prompt\":\"hello\"}");

        assertThat(response.statusCode()).isEqualTo(502);
        JsonNode error = JSON.readTree(response.body()).path("error");
        assertThat(error.path("type").asText()).isEqualTo("server");
        assertThat(error.path("message").asText()).isNotBlank();
        assertThat(SIMULATOR.requestCount()).isEqualTo(1);
        assertThat(output.getAll()).doesNotContain(KEY);
    }

    @Test
    void upstreamRejectionBecomes502WithoutTheKey() throws Exception {
        SIMULATOR.enqueue(ScriptedResponse.json(400, "{\"error\":{\"message\":\"bad value for "
                + "temperature; key " + KEY + "\",\"type\":\"invalid_request_error\"}}"));

        HttpResponse<String> response = get("/chat/stream?prompt=hello");

        assertThat(response.statusCode()).isEqualTo(502);
        JsonNode error = JSON.readTree(response.body()).path("error");
        assertThat(error.path("type").asText()).isEqualTo("bad_request");
        assertThat(response.body()).doesNotContain(KEY);
    }

    @Test
    void missingOrBlankPromptIs400() throws Exception {
        for (String body : new String[] {"{}", "{\"prompt\":\"   \"}", "", "not json"}) {
            HttpResponse<String> response = postChat(body);

            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(JSON.readTree(response.body()).path("error").path("type").asText())
                    .isEqualTo("bad_request");
        }
        assertThat(get("/chat/stream").statusCode()).isEqualTo(400);
        assertThat(get("/chat/stream?prompt=").statusCode()).isEqualTo(400);
        assertThat(SIMULATOR.requestCount()).isZero();
    }

    private HttpResponse<String> postChat(String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri("/chat")).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).build());
    }

    private static HttpResponse<String> send(HttpRequest request)
            throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** Returns the data of each event, its data lines joined by newlines as SSE defines. */
    static List<String> dataOfEvents(String body) {
        List<String> events = new ArrayList<>();
        for (String event : body.replace("\r\n", "\n").split("\n\n")) {
            List<String> data = new ArrayList<>();
            for (String line : event.split("\n")) {
                if (line.startsWith("data:")) {
                    String value = line.substring(5);
                    data.add(value.startsWith(" ") ? value.substring(1) : value);
                }
            }
            if (!data.isEmpty()) {
                events.add(String.join("\n", data));
            }
        }
        return events;
    }

    private static String completion(String content, int prompt, int completion) {
        return "{\"id\":\"c1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"grok-4\","
                + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\""
                + content + "\"},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":"
                + prompt + ",\"completion_tokens\":" + completion + ",\"total_tokens\":"
                + (prompt + completion) + "}}";
    }

    private static String chunk(String content, @Nullable String finish) {
        return "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,"
                + "\"model\":\"grok-4\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\""
                + content + "\"},\"finish_reason\":"
                + (finish == null ? "null" : "\"" + finish + "\"") + "}]}";
    }
}

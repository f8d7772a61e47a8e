package dev.grok4.sample.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import dev.grok4.testkit.Grok4Simulator;
import dev.grok4.testkit.ScriptedResponse;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChatControllerTest implements TestPropertyProvider {
    private static final String KEY = "xai-sample-test-key";

    private final Grok4Simulator simulator = Grok4Simulator.start();
    private final HttpClient http = HttpClient.newHttpClient();

    @Inject
    EmbeddedServer server;

    @Inject
    ObjectMapper json;

    @Override
    public Map<String, String> getProperties() {
        return Map.of(
                "grok4.base-url", simulator.baseUrl().toString(),
                "grok4.api-key", KEY,
                "grok4.retry.max-attempts", "1",
                "grok4.fallback-models", "",
                "grok4.cache.type", "none");
    }

    @BeforeEach
    void resetSimulator() {
        simulator.reset();
    }

    @AfterAll
    void stopSimulator() {
        simulator.close();
    }

    @Test
    void chatAnswersContentModelAndUsage() throws Exception {
        simulator.enqueue(ScriptedResponse.json(200, """
                {"id":"chatcmpl-1","object":"chat.completion","created":1,"model":"grok-4-0709",
                 "choices":[{"index":0,"message":{"role":"assistant","content":"Tokyo."},
                   "finish_reason":"stop"}],
                 "usage":{"prompt_tokens":12,"completion_tokens":2,"total_tokens":14}}"""));

        HttpResponse<String> response = post("{\"prompt\":\"Capital of Japan?\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json.readValue(response.body(), Map.class)).isEqualTo(Map.of(
                "content", "Tokyo.",
                "model", "grok-4-0709",
                "usage", Map.of("prompt_tokens", 12, "completion_tokens", 2,
                        "total_tokens", 14)));
    }

    @Test
    void streamSendsOneEventPerDelta() throws Exception {
        simulator.enqueue(ScriptedResponse.sseData(
                List.of(chunk("fi", null), chunk("ne", "stop"))));

        HttpResponse<String> response = get("/chat/stream?prompt=" + encode("How are you?"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));
        assertThat(dataLines(response.body())).containsExactly("fi", "ne");
    }

    @Test
    void streamFailureBeforeTheFirstDeltaIs502() throws Exception {
        simulator.enqueue(ScriptedResponse.json(503,
                "{\"error\":{\"message\":\"overloaded\",\"type\":\"server_error\"}}"));

        HttpResponse<String> response = get("/chat/stream?prompt=hi");

        assertThat(response.statusCode()).isEqualTo(502);
        Map<?, ?> error = (Map<?, ?>) json.readValue(response.body(), Map.class).get("error");
        assertThat(error.get("type")).isEqualTo("server");
    }

    @Test
    void streamFailureAfterADeltaIsALastErrorEvent() throws Exception {
        String first = chunk("fi", null);
        int firstEventBytes = ("data: " + first + "\n\n").getBytes(StandardCharsets.UTF_8).length;
        simulator.enqueue(ScriptedResponse.sseData(List.of(first, chunk("ne", "stop")))
                .cutAfterBytes(firstEventBytes));

        HttpResponse<String> response = get("/chat/stream?prompt=hi");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(dataLines(response.body())).first().isEqualTo("fi");
        assertThat(response.body()).contains("event: error");
    }

    @Test
    void upstreamFailureIs502WithTheErrorKind() throws Exception {
        simulator.enqueue(ScriptedResponse.json(503,
                "{\"error\":{\"message\":\"overloaded\",\"type\":\"server_error\"}}"));

        HttpResponse<String> response = post("{\"prompt\":\"hi\"}");

        assertThat(response.statusCode()).isEqualTo(502);
        Map<?, ?> error = (Map<?, ?>) json.readValue(response.body(), Map.class).get("error");
        assertThat(error.get("type")).isEqualTo("server");
        assertThat((String) error.get("message")).isNotBlank().doesNotContain(KEY);
        assertThat(simulator.requestCount()).isEqualTo(1);
    }

    @Test
    void apiKeyAppearsInNoLogLine() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        Level level = root.getLevel();
        appender.start();
        root.addAppender(appender);
        root.setLevel(Level.DEBUG);
        try {
            simulator.enqueue(ScriptedResponse.json(401,
                    "{\"error\":\"Incorrect API key provided: " + KEY + "\"}"));
            post("{\"prompt\":\"hi\"}");
            post("{\"prompt\":\"hi again\"}");
        } finally {
            root.detachAppender(appender);
            root.setLevel(level);
        }

        assertThat(appender.list).isNotEmpty();
        assertThat(appender.list).allSatisfy(event -> assertThat(describe(event))
                .doesNotContain(KEY));
    }

    @Test
    void missingPromptIs400() throws Exception {
        HttpResponse<String> chat = post("{}");
        HttpResponse<String> stream = get("/chat/stream");

        assertThat(chat.statusCode()).isEqualTo(400);
        assertThat(json.readValue(chat.body(), Map.class).get("error"))
                .isEqualTo(Map.of("type", "bad_request", "message",
                        "A prompt is required: send {\"prompt\": \"...\"} or ?prompt=..."));
        assertThat(stream.statusCode()).isEqualTo(400);
        assertThat(simulator.requestCount()).isZero();
    }

    private HttpResponse<String> post(String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(server.getURI().resolve("/chat"))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.getURI() + path)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> dataLines(String events) {
        return events.lines()
                .filter(line -> line.startsWith("data:"))
                .map(line -> line.substring("data:".length()).strip())
                .toList();
    }

    private static String chunk(String content, String finishReason) {
        String finish = finishReason == null ? "null" : "\"" + finishReason + "\"";
        return "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,"
                + "\"model\":\"grok-4\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\""
                + content + "\"},\"finish_reason\":" + finish + "}]}";
    }

    private static String describe(ILoggingEvent event) {
        StringBuilder text = new StringBuilder(event.getFormattedMessage());
        for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
            text.append('\n').append(t.getMessage());
        }
        return text.toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}

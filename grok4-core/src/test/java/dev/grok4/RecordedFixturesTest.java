package dev.grok4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.grok4.model.ChatRequest;
import dev.grok4.model.ChatResponse;
import dev.grok4.model.Choice;
import dev.grok4.model.ToolCall;
import dev.grok4.model.Usage;
import dev.grok4.testkit.Grok4Simulator;
import dev.grok4.testkit.ScriptedResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Serves every recorded non-streaming chat-completions body and error body through the client,
 * and checks each parsed value against the same body read independently with Jackson's tree.
 */
class RecordedFixturesTest {
    private static final ObjectMapper TREE = new ObjectMapper();
    private static final Set<String> SKIPPED_HEADERS = Set.of("content-length",
            "transfer-encoding", "connection", "content-encoding", "content-type", "keep-alive");

    private static Grok4Simulator simulator;
    private static Grok4Client client;

    /** One recorded exchange: where it came from, status, headers and body. */
    record Recorded(String name, int status, String contentType, Map<String, String> headers,
            byte[] body) {}

    @BeforeAll
    static void start() {
        simulator = Grok4Simulator.start();
        client = Grok4ClientTest.singleExchange(Grok4Client.builder()
                .baseUrl(simulator.baseUrl().toString()).environment(name -> null)).build();
    }

    @AfterAll
    static void stop() {
        client.close();
        simulator.close();
    }

    @TestFactory
    Stream<DynamicTest> everyRecordedBodyParses() throws IOException {
        List<Recorded> all = new ArrayList<>(vercelBodies());
        all.addAll(cassetteBodies());
        assertThat(all).hasSizeGreaterThanOrEqualTo(15);
        return all.stream().map(r -> DynamicTest.dynamicTest(r.name(), () -> check(r)));
    }

    @Test
    void specificErrorFixturesMapToTheirTypes() throws IOException {
        Map<String, Recorded> byName = new java.util.HashMap<>();
        vercelBodies().forEach(r -> byName.put(r.name(), r));
        cassetteBodies().forEach(r -> byName.put(r.name(), r));

        Grok4Exception xaiKey = serve(find(byName, "xai_grok-4-1-fast-non-reasoning_raises"));
        assertThat(xaiKey).isInstanceOf(AuthenticationException.class);
        assertThat(xaiKey.status()).isEqualTo(400);
        assertThat(xaiKey.getMessage()).startsWith(
                "HTTP 400 bad_request (Client specified an invalid argument): Incorrect API key");

        Grok4Exception context = serve(find(byName, "context_length_exceeded"));
        assertThat(context).isInstanceOf(BadRequestException.class);
        assertThat(context.providerMessage()).contains("maximum prompt length is 131072");

        Grok4Exception quota = serve(find(byName, "openai-error.1.json"));
        assertThat(quota).isInstanceOf(QuotaExhaustedException.class);
        assertThat(quota.status()).isEqualTo(429);
        assertThat(quota.isRetryable()).isFalse();

        Grok4Exception nullCode = serve(find(byName, "reasoning-model-temperature-error.json"));
        assertThat(nullCode).isInstanceOf(BadRequestException.class);
        assertThat(nullCode.providerCode()).isNull();
        assertThat(nullCode.param()).isEqualTo("temperature");
        assertThat(nullCode.providerType()).isEqualTo("invalid_request_error");

        Grok4Exception legacy = serve(find(byName, "reasoning-model-legacy-parameter-error"));
        assertThat(legacy).isInstanceOf(BadRequestException.class);
        assertThat(legacy.param()).isEqualTo("max_tokens");
        assertThat(legacy.providerCode()).isEqualTo("unsupported_parameter");
        assertThat(legacy.getMessage()).isEqualTo("HTTP 400 bad_request (invalid_request_error):"
                + " Unsupported parameter: 'max_tokens' is not supported with this model. Use"
                + " 'max_completion_tokens' instead. [param: max_tokens]");

        Grok4Exception openAiKey = serve(find(byName, "openai_gpt-5-nano_raises"));
        assertThat(openAiKey).isInstanceOf(AuthenticationException.class);
        assertThat(openAiKey.status()).isEqualTo(401);
        assertThat(openAiKey.providerCode()).isEqualTo("invalid_api_key");
    }

    @Test
    void grok3MiniAnswersAsGrok3MiniHigh() throws IOException {
        Recorded mini = cassetteBodies().stream()
                .filter(r -> r.name().contains("grok-3-mini_returns_thinking")).findFirst()
                .orElseThrow();
        simulator.enqueue(scripted(mini));
        ChatResponse response = client.chat(ChatRequest.builder().model("grok-3-mini")
                .reasoningEffort("medium").addMessage(dev.grok4.model.Message.user("hi")).build());
        assertThat(response.model()).isEqualTo("grok-3-mini-high");
        assertThat(response.requestedModel()).isEqualTo("grok-3-mini");
        assertThat(response.usage().reasoningTokens()).isEqualTo(3593);
        assertThat(response.usage().completionTokens()).isEqualTo(242);
        assertThat(response.reasoning()).isNotBlank();
    }

    private static Recorded find(Map<String, Recorded> byName, String part) {
        return byName.entrySet().stream().filter(e -> e.getKey().contains(part))
                .map(Map.Entry::getValue).findFirst()
                .orElseThrow(() -> new AssertionError("no fixture named like " + part));
    }

    private static Grok4Exception serve(Recorded recorded) {
        simulator.enqueue(scripted(recorded));
        return catchThrowableOfType(Grok4Exception.class,
                () -> client.chat(ChatRequest.ofPrompt("hello")));
    }

    private static void check(Recorded recorded) throws IOException {
        JsonNode body = TREE.readTree(recorded.body());
        if (recorded.status() >= 400) {
            checkError(recorded, body);
            return;
        }
        simulator.enqueue(scripted(recorded));
        ChatResponse response = client.chat(ChatRequest.ofPrompt("hello"));
        assertThat(response.id()).isEqualTo(textOrNull(body.get("id")));
        assertThat(response.model()).isEqualTo(textOrNull(body.get("model")));
        assertThat(response.created()).isEqualTo(body.path("created").isNumber()
                ? body.get("created").asLong() : null);
        assertThat(response.systemFingerprint())
                .isEqualTo(textOrNull(body.get("system_fingerprint")));
        assertThat(response.choices()).hasSize(body.path("choices").size());
        for (int i = 0; i < response.choices().size(); i++) {
            checkChoice(response.choices().get(i), body.path("choices").get(i));
        }
        checkUsage(response.usage(), body.get("usage"));
    }

    private static void checkChoice(Choice choice, JsonNode expected) {
        JsonNode message = expected.path("message");
        assertThat(choice.index()).isEqualTo(expected.path("index").asInt());
        assertThat(choice.content()).isEqualTo(textOrNull(message.get("content")));
        String reasoning = textOrNull(message.get("reasoning_content"));
        assertThat(choice.reasoning()).isEqualTo(reasoning != null ? reasoning
                : textOrNull(message.get("reasoning")));
        assertThat(choice.refusal()).isEqualTo(textOrNull(message.get("refusal")));
        assertThat(choice.finishReason()).isEqualTo(textOrNull(expected.get("finish_reason")));
        JsonNode calls = message.path("tool_calls");
        assertThat(choice.toolCalls()).hasSize(calls.size());
        for (int j = 0; j < calls.size(); j++) {
            ToolCall call = choice.toolCalls().get(j);
            JsonNode want = calls.get(j);
            assertThat(call.id()).isEqualTo(want.path("id").asText());
            assertThat(call.type()).isEqualTo(want.path("type").asText());
            assertThat(call.name()).isEqualTo(want.path("function").path("name").asText());
            assertThat(call.arguments())
                    .isEqualTo(want.path("function").path("arguments").asText());
        }
    }

    private static void checkUsage(Usage usage, JsonNode expected) {
        if (expected == null || expected.isNull()) {
            assertThat(usage).isNull();
            return;
        }
        assertThat(usage.promptTokens()).isEqualTo(intOrNull(expected.get("prompt_tokens")));
        assertThat(usage.completionTokens())
                .isEqualTo(intOrNull(expected.get("completion_tokens")));
        assertThat(usage.totalTokens()).isEqualTo(intOrNull(expected.get("total_tokens")));
        assertThat(usage.reasoningTokens()).isEqualTo(intOrNull(
                expected.path("completion_tokens_details").get("reasoning_tokens")));
        assertThat(usage.cachedTokens()).isEqualTo(intOrNull(
                expected.path("prompt_tokens_details").get("cached_tokens")));
        JsonNode ticks = expected.get("cost_in_usd_ticks");
        assertThat(usage.costInUsdTicks()).isEqualTo(ticks == null ? null : ticks.asLong());
    }

    private static void checkError(Recorded recorded, JsonNode body) {
        simulator.enqueue(scripted(recorded));
        Grok4Exception e = catchThrowableOfType(Grok4Exception.class,
                () -> client.chat(ChatRequest.ofPrompt("hello")));
        JsonNode error = body.get("error");
        String message = error.isObject() ? error.path("message").asText() : error.asText();
        assertThat(e).as(recorded.name()).isNotNull();
        assertThat(e.status()).isEqualTo(recorded.status());
        assertThat(e.providerMessage()).isEqualTo(message);
        assertThat(e.getMessage()).startsWith("HTTP " + recorded.status() + " ")
                .endsWith(message + (e.param() == null ? "" : " [param: " + e.param() + "]"));
        String code = textOrNull(error.isObject() ? error.get("code") : body.get("code"));
        assertThat(e.providerCode()).isEqualTo(code);
        assertThat(e).isInstanceOfAny(AuthenticationException.class, BadRequestException.class,
                QuotaExhaustedException.class);
    }

    private static ScriptedResponse scripted(Recorded recorded) {
        ScriptedResponse response = ScriptedResponse.body(recorded.status(),
                recorded.contentType(), recorded.body());
        for (Map.Entry<String, String> header : recorded.headers().entrySet()) {
            response = response.header(header.getKey(), header.getValue());
        }
        return response;
    }

    private static List<Recorded> vercelBodies() throws IOException {
        Path root = TestSupport.recordedFixtures().resolve("vercel-ai");
        List<Recorded> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                String relative = root.relativize(file).toString().replace('\\', '/');
                if (relative.startsWith("xai-responses/")
                        || relative.endsWith("openai-chat-cached-input-tokens-11178.json")) {
                    continue;
                }
                byte[] body = Files.readAllBytes(file);
                boolean error = TREE.readTree(body).has("error");
                int status = !error ? 200 : relative.endsWith("openai-error.1.json") ? 429 : 400;
                out.add(new Recorded("vercel-ai/" + relative, status, "application/json",
                        Map.of(), body));
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<Recorded> cassetteBodies() throws IOException {
        Path root = TestSupport.recordedFixtures().resolve("ruby_llm");
        List<Recorded> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(root)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".yml")).sorted().toList()) {
                Map<String, Object> cassette;
                try (InputStream in = Files.newInputStream(file)) {
                    cassette = new Yaml(new VcrConstructor()).load(in);
                }
                List<Map<String, Object>> interactions =
                        (List<Map<String, Object>>) cassette.get("http_interactions");
                for (int i = 0; i < interactions.size(); i++) {
                    Recorded r = fromInteraction(file.getFileName() + "#" + i,
                            interactions.get(i));
                    if (r != null) {
                        out.add(r);
                    }
                }
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Recorded fromInteraction(String name, Map<String, Object> interaction) {
        Map<String, Object> request = (Map<String, Object>) interaction.get("request");
        Map<String, Object> response = (Map<String, Object>) interaction.get("response");
        if (!String.valueOf(request.get("uri")).endsWith("/chat/completions")) {
            return null;
        }
        Map<String, Object> status = (Map<String, Object>) response.get("status");
        Map<String, List<Object>> headers = (Map<String, List<Object>>) response.get("headers");
        String contentType = "application/json";
        Map<String, String> kept = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, List<Object>> h : headers.entrySet()) {
            String lower = h.getKey().toLowerCase(Locale.ROOT);
            String value = String.valueOf(h.getValue().get(0));
            if (lower.equals("content-type")) {
                contentType = value;
            } else if (!SKIPPED_HEADERS.contains(lower)) {
                kept.put(h.getKey(), value);
            }
        }
        if (contentType.startsWith("text/event-stream")) {
            return null;
        }
        Object raw = ((Map<String, Object>) response.get("body")).get("string");
        byte[] body = raw instanceof byte[] bytes ? bytes
                : String.valueOf(raw).getBytes(StandardCharsets.UTF_8);
        return new Recorded("ruby_llm/" + name, ((Number) status.get("code")).intValue(),
                contentType, kept, body);
    }

    /** Reads Ruby VCR's local {@code !binary} tag: base64 of the raw body bytes. */
    private static final class VcrConstructor extends SafeConstructor {
        VcrConstructor() {
            super(new LoaderOptions());
            yamlConstructors.put(new Tag("!binary"), new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    String base64 = constructScalar((ScalarNode) node);
                    return Base64.getMimeDecoder().decode(base64);
                }
            });
        }
    }

    private static String textOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    private static Integer intOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : node.asInt();
    }
}

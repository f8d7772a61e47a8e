package dev.grok4.testkit;

import static dev.grok4.testkit.TestHttp.chat;
import static dev.grok4.testkit.TestHttp.dataPayloads;
import static dev.grok4.testkit.TestHttp.json;
import static dev.grok4.testkit.TestHttp.post;
import static dev.grok4.testkit.TestHttp.quote;
import static dev.grok4.testkit.TestHttp.streamChat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DeterministicReplyTest {
    private static final String JAPANESE = "こんにちは、世界🌏";

    private static Grok4Simulator simulator;

    @BeforeAll
    static void start() {
        simulator = Grok4Simulator.start();
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @Test
    void identicalRequestsGetIdenticalBodies() throws Exception {
        String request = chat("grok-4", "What is the capital of France?");

        String first = post(simulator.baseUrl(), request).body();
        String second = post(simulator.baseUrl(), request).body();

        assertThat(first).isEqualTo(second);
    }

    @Test
    void differentPromptsOrModelsGetDifferentReplies() throws Exception {
        JsonNode france = json(post(simulator.baseUrl(), chat("grok-4", "France?")).body());
        JsonNode spain = json(post(simulator.baseUrl(), chat("grok-4", "Spain?")).body());
        JsonNode otherModel = json(post(simulator.baseUrl(), chat("grok-3", "France?")).body());

        assertThat(content(france)).isNotEqualTo(content(spain));
        assertThat(france.path("id").asText()).isNotEqualTo(otherModel.path("id").asText());
        assertThat(otherModel.path("model").asText()).isEqualTo("grok-3");
    }

    @Test
    void replyHasTheShapeOfAChatCompletion() throws Exception {
        HttpResponse<String> response = post(simulator.baseUrl(), chat("grok-4", "Hello there"));

        JsonNode body = json(response.body());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type"))
                .hasValue("application/json; charset=utf-8");
        assertThat(body.path("id").asText()).startsWith("chatcmpl-sim-");
        assertThat(body.path("object").asText()).isEqualTo("chat.completion");
        assertThat(body.path("system_fingerprint").isTextual()).isTrue();
        JsonNode choice = body.path("choices").path(0);
        assertThat(choice.path("message").path("role").asText()).isEqualTo("assistant");
        assertThat(choice.path("message").path("refusal").isNull()).isTrue();
        assertThat(choice.path("finish_reason").asText()).isEqualTo("stop");
        assertThat(content(body)).startsWith("Simulated reply to: Hello there");
        JsonNode usage = body.path("usage");
        assertThat(usage.path("completion_tokens").asInt()).isEqualTo(20);
        assertThat(usage.path("total_tokens").asInt()).isEqualTo(
                usage.path("prompt_tokens").asInt() + usage.path("completion_tokens").asInt());
        assertThat(usage.path("prompt_tokens_details").path("cached_tokens").asInt()).isZero();
        assertThat(usage.path("completion_tokens_details").path("reasoning_tokens").asInt())
                .isZero();
    }

    @Test
    void japaneseAndEmojiRoundTripInContent() throws Exception {
        HttpResponse<String> response = post(simulator.baseUrl(), chat("grok-4", JAPANESE));

        assertThat(content(json(response.body()))).startsWith("Simulated reply to: " + JAPANESE);
    }

    @Test
    void japaneseAndEmojiRoundTripInStreamedDeltas() throws Exception {
        try (Grok4Simulator single = Grok4Simulator.builder().streamChunkSize(1).start()) {
            String plain = content(json(post(single.baseUrl(), chat("grok-4", JAPANESE)).body()));
            String sse = post(single.baseUrl(), streamChat(JAPANESE, false)).body();

            StringBuilder reassembled = new StringBuilder();
            for (String payload : dataPayloads(sse)) {
                if (!payload.equals("[DONE]")) {
                    JsonNode delta = json(payload).path("choices").path(0).path("delta");
                    String piece = delta.path("content").asText("");
                    assertThat(piece.codePointCount(0, piece.length())).isLessThanOrEqualTo(1);
                    reassembled.append(piece);
                }
            }
            assertThat(reassembled.toString()).isEqualTo(plain).contains(JAPANESE);
        }
    }

    @Test
    void maxTokensPadsTheReplyWithFillerWords() throws Exception {
        String request = "{\"model\":\"grok-4\",\"max_completion_tokens\":60,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

        JsonNode body = json(post(simulator.baseUrl(), request).body());

        assertThat(body.path("usage").path("completion_tokens").asInt()).isEqualTo(60);
        assertThat(content(body).split(" ")).hasSizeGreaterThan(50);
        assertThat(body.path("choices").path(0).path("finish_reason").asText()).isEqualTo("stop");
    }

    @Test
    void smallMaxTokensTruncatesWithFinishReasonLength() throws Exception {
        String request = "{\"model\":\"grok-4\",\"max_tokens\":3,\"messages\":[{\"role\":\"user\","
                + "\"content\":" + quote("🌏".repeat(50)) + "}]}";

        JsonNode body = json(post(simulator.baseUrl(), request).body());

        String content = content(body);
        assertThat(content.codePointCount(0, content.length())).isEqualTo(12);
        assertThat(Character.isHighSurrogate(content.charAt(content.length() - 1))).isFalse();
        assertThat(body.path("choices").path(0).path("finish_reason").asText())
                .isEqualTo("length");
    }

    @Test
    void requiredToolChoiceAnswersWithAToolCall() throws Exception {
        String request = "{\"model\":\"grok-4\",\"messages\":[{\"role\":\"user\",\"content\":"
                + "\"weather?\"}],\"tool_choice\":\"required\",\"tools\":[{\"type\":\"function\","
                + "\"function\":{\"name\":\"get_weather\",\"parameters\":{}}}]}";

        JsonNode body = json(post(simulator.baseUrl(), request).body());

        JsonNode choice = body.path("choices").path(0);
        JsonNode call = choice.path("message").path("tool_calls").path(0);
        assertThat(choice.path("message").path("content").isNull()).isTrue();
        assertThat(choice.path("finish_reason").asText()).isEqualTo("tool_calls");
        assertThat(call.path("id").asText()).startsWith("call_sim_");
        assertThat(call.path("type").asText()).isEqualTo("function");
        assertThat(call.path("function").path("name").asText()).isEqualTo("get_weather");
        assertThat(call.path("function").path("arguments").asText()).isEqualTo("{}");
    }

    @Test
    void namedFunctionChoicePicksThatFunction() throws Exception {
        String request = "{\"model\":\"grok-4\",\"messages\":[{\"role\":\"user\",\"content\":"
                + "\"x\"}],\"tool_choice\":{\"type\":\"function\",\"function\":{\"name\":\"b\"}},"
                + "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"a\"}},"
                + "{\"type\":\"function\",\"function\":{\"name\":\"b\"}}]}";

        JsonNode body = json(post(simulator.baseUrl(), request).body());

        assertThat(body.path("choices").path(0).path("message").path("tool_calls").path(0)
                .path("function").path("name").asText()).isEqualTo("b");
    }

    @Test
    void invalidJsonGetsAnOpenAiStyle400() throws Exception {
        HttpResponse<String> response = post(simulator.baseUrl(), "{not json");

        JsonNode error = json(response.body()).path("error");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(error.path("type").asText()).isEqualTo("invalid_request_error");
        assertThat(error.has("param")).isTrue();
        assertThat(error.path("code").asText()).isEqualTo("invalid_json");
        assertThat(error.path("message").asText()).isNotBlank();
    }

    @Test
    void missingMessagesGetsA400NamingTheParameter() throws Exception {
        HttpResponse<String> response = post(simulator.baseUrl(), "{\"model\":\"grok-4\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response.body()).path("error").path("param").asText())
                .isEqualTo("messages");
    }

    private static String content(JsonNode completion) {
        return completion.path("choices").path(0).path("message").path("content").asText();
    }
}

package dev.grok4.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.grok4.TestSupport;
import dev.grok4.model.ChatChunk;
import dev.grok4.model.ChatRequest;
import dev.grok4.model.ChatResponse;
import dev.grok4.model.ChunkChoice;
import dev.grok4.model.FinishReason;
import dev.grok4.model.Message;
import dev.grok4.model.ModelInfo;
import dev.grok4.model.ToolCallDelta;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class ChatJsonTest {
    private static final ObjectMapper TREE = new ObjectMapper();

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @TestFactory
    Stream<DynamicTest> readsEveryRecordedStreamChunk() throws IOException {
        Path root = TestSupport.recordedFixtures().resolve("vercel-ai");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> p.toString().endsWith(".chunks.txt"))
                    .filter(p -> !p.toString().contains("xai-responses")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(5);
        return files.stream().map(file -> DynamicTest.dynamicTest(
                root.relativize(file).toString(), () -> checkChunks(file)));
    }

    private static void checkChunks(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank()).toList();
        assertThat(lines).isNotEmpty();
        for (String line : lines) {
            JsonNode want = TREE.readTree(line);
            ChatChunk chunk = ChatJson.readChunk(line);
            assertThat(chunk.id()).isEqualTo(text(want.get("id")));
            assertThat(chunk.model()).isEqualTo(text(want.get("model")));
            assertThat(chunk.choices()).hasSize(want.path("choices").size());
            for (int i = 0; i < chunk.choices().size(); i++) {
                checkChunkChoice(chunk.choices().get(i), want.path("choices").get(i));
            }
            JsonNode usage = want.get("usage");
            if (usage == null || usage.isNull()) {
                assertThat(chunk.usage()).isNull();
            } else {
                assertThat(chunk.usage().promptTokens()).isEqualTo(usage.get("prompt_tokens")
                        .asInt());
                assertThat(chunk.usage().totalTokens()).isEqualTo(usage.get("total_tokens")
                        .asInt());
            }
        }
    }

    private static void checkChunkChoice(ChunkChoice choice, JsonNode want) {
        JsonNode delta = want.path("delta");
        assertThat(choice.index()).isEqualTo(want.path("index").asInt());
        assertThat(choice.role()).isEqualTo(text(delta.get("role")));
        assertThat(choice.content()).isEqualTo(text(delta.get("content")));
        String reasoning = text(delta.get("reasoning_content"));
        assertThat(choice.reasoning())
                .isEqualTo(reasoning != null ? reasoning : text(delta.get("reasoning")));
        assertThat(choice.finishReason()).isEqualTo(text(want.get("finish_reason")));
        JsonNode calls = delta.path("tool_calls");
        assertThat(choice.toolCalls()).hasSize(calls.size());
        for (int j = 0; j < calls.size(); j++) {
            ToolCallDelta call = choice.toolCalls().get(j);
            JsonNode c = calls.get(j);
            assertThat(call.index()).isEqualTo(c.path("index").asInt());
            assertThat(call.id()).isEqualTo(text(c.get("id")));
            assertThat(call.name()).isEqualTo(text(c.path("function").get("name")));
            assertThat(call.arguments()).isEqualTo(text(c.path("function").get("arguments")));
        }
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    @Test
    void skipsUnknownFieldsAtAnyDepthAndKeepsRawValues() throws IOException {
        ChatResponse r = ChatJson.readResponse(utf8("{\"new\":{\"a\":[1,{\"b\":null}]},"
                + "\"id\":\"a\",\"choices\":[1,\"x\",{\"index\":2,\"logprobs\":{\"c\":[]},"
                + "\"message\":{\"content\":\"hi\",\"extra\":{\"deep\":[{\"x\":1}]},"
                + "\"reasoning\":\"think\",\"tool_calls\":[{\"id\":\"c\",\"function\":{\"name\":"
                + "\"f\",\"arguments\":{\"a\": 1},\"more\":true}}]},"
                + "\"finish_reason\":\"brand_new_reason\"}],\"usage\":{\"prompt_tokens\":3,"
                + "\"prompt_tokens_details\":null,"
                + "\"completion_tokens_details\":{\"reasoning_tokens\":7,\"x\":{}},"
                + "\"cost_in_usd_ticks\":12345678901234,\"num_sources_used\":0},"
                + "\"created\":1770772214}"));

        assertThat(r.id()).isEqualTo("a");
        assertThat(r.created()).isEqualTo(1770772214L);
        assertThat(r.choices()).hasSize(1);
        assertThat(r.choices().get(0).index()).isEqualTo(2);
        assertThat(r.content()).isEqualTo("hi");
        assertThat(r.reasoning()).isEqualTo("think");
        assertThat(r.toolCalls().get(0).arguments()).isEqualTo("{\"a\":1}");
        assertThat(r.toolCalls().get(0).type()).isEqualTo("function");
        assertThat(r.finishReason()).isEqualTo("brand_new_reason");
        assertThat(r.choices().get(0).finishReasonKind()).isEqualTo(FinishReason.UNKNOWN);
        assertThat(r.usage().costInUsdTicks()).isEqualTo(12345678901234L);
        assertThat(r.usage().reasoningTokens()).isEqualTo(7);
        assertThat(r.usage().cachedTokens()).isNull();
        assertThat(r.usage().completionTokens()).isNull();
    }

    @Test
    void argumentsTextIsKeptExactly() throws IOException {
        String arguments = "{ \"city\" : \"東京\",\n \"n\": 1.50 }";
        String body = TREE.createObjectNode().set("choices", TREE.createArrayNode().add(
                TREE.createObjectNode().set("message", TREE.createObjectNode().set("tool_calls",
                        TREE.createArrayNode().add(TREE.createObjectNode().put("id", "")
                                .set("function", TREE.createObjectNode().put("name", "w")
                                        .put("arguments", arguments))))))).toString();

        ChatResponse r = ChatJson.readResponse(utf8(body));

        assertThat(r.toolCalls().get(0).arguments()).isEqualTo(arguments);
        assertThat(r.toolCalls().get(0).id()).isEmpty();
    }

    @Test
    void contentAsAnArrayOfPartsIsJoined() throws IOException {
        ChatResponse r = ChatJson.readResponse(utf8("{\"choices\":[{\"message\":{\"content\":"
                + "[{\"type\":\"text\",\"text\":\"Hel\"},{\"type\":\"image\"},{\"type\":\"text\","
                + "\"text\":\"lo\"}]}}]}"));

        assertThat(r.content()).isEqualTo("Hello");
    }

    @Test
    void reasoningContentWinsOverReasoning() throws IOException {
        assertThat(ChatJson.readChunk("{\"choices\":[{\"delta\":{\"reasoning\":\"b\","
                + "\"reasoning_content\":\"a\"}}]}").choices().get(0).reasoning()).isEqualTo("a");
        assertThat(ChatJson.readChunk("{\"choices\":[{\"delta\":{\"reasoning_content\":"
                + "null,\"reasoning\":\"b\"}}]}").choices().get(0).reasoning()).isEqualTo("b");
    }

    @Test
    void readsModelList() throws IOException {
        List<ModelInfo> models = ChatJson.readModels(utf8("{\"object\":\"list\",\"data\":["
                + "{\"id\":\"grok-4-0709\",\"object\":\"model\",\"created\":1752019200,"
                + "\"owned_by\":\"xai\"},{\"object\":\"model\"},{\"id\":\"grok-3\"}]}"));

        assertThat(models).containsExactly(new ModelInfo("grok-4-0709", "xai", 1752019200L),
                new ModelInfo("grok-3", null, null));
    }

    @Test
    void readsBothErrorShapes() throws IOException {
        assertThat(ChatJson.readError(utf8("{\"code\":\"invalid-argument\",\"error\":\"bad\"}")))
                .isEqualTo(new ProviderError("bad", null, "invalid-argument", null));
        assertThat(ChatJson.readError(utf8("{\"error\":{\"message\":\"m\",\"type\":\"t\","
                + "\"param\":\"p\",\"code\":429,\"metadata\":{\"raw\":\"x\"}}}")))
                .isEqualTo(new ProviderError("m", "t", "429", "p"));
        assertThat(ChatJson.readError(utf8("{\"message\":\"only a message\"}")))
                .isEqualTo(new ProviderError("only a message", null, null, null));
    }

    @Test
    void wrongShapesFailWithoutQuotingTheBody() {
        assertThatThrownBy(() -> ChatJson.readResponse(utf8("[\"secret\"]")))
                .isInstanceOf(MalformedJsonException.class)
                .hasMessage("The response is not a JSON object");
        assertThatThrownBy(() -> ChatJson.readChunk("\"secret\""))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("A stream chunk must be a JSON object")
                .message().doesNotContain("secret");
    }

    @Test
    void writesStreamFlags() {
        ChatRequest request = ChatRequest.builder().model("grok-4")
                .addMessage(Message.user("hi")).build();

        assertThat(new String(ChatJson.writeRequest(request, true, true), StandardCharsets.UTF_8))
                .isEqualTo("{\"model\":\"grok-4\",\"messages\":[{\"role\":\"user\",\"content\":"
                        + "\"hi\"}],\"stream\":true,\"stream_options\":{\"include_usage\":true}}");
        assertThat(new String(ChatJson.writeRequest(request, true, false), StandardCharsets.UTF_8))
                .endsWith("\"stream\":true}");
        assertThat(new String(ChatJson.writeRequest(request, false, true), StandardCharsets.UTF_8))
                .doesNotContain("stream");
    }

    @Test
    void detectsErrorEnvelopes() {
        assertThat(ChatJson.isErrorEnvelope(utf8("{\"error\":{\"message\":\"x\"}}"))).isTrue();
        assertThat(ChatJson.isErrorEnvelope(utf8("{\"choices\":[],\"error\":null}"))).isFalse();
        assertThat(ChatJson.isErrorEnvelope(utf8("{\"id\":\"x\"}"))).isFalse();
        assertThat(ChatJson.isErrorEnvelope(utf8("{\"id\":\"x\",\"error\":null}"))).isFalse();
        assertThat(ChatJson.isErrorEnvelope(utf8("not json"))).isFalse();
    }
}

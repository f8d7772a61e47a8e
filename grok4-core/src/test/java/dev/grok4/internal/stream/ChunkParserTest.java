package dev.grok4.internal.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.grok4.model.ChatChunk;
import dev.grok4.model.ChunkChoice;
import dev.grok4.model.ToolCallDelta;
import dev.grok4.model.Usage;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class ChunkParserTest {

    @Test
    void readsTheKnownFieldsAndSkipsUnknownOnesAtAnyDepth() throws IOException {
        ChatChunk chunk = parse("{\"id\":\"r1\",\"object\":\"chat.completion.chunk\","
                + "\"extra\":{\"deep\":[1,{\"content\":\"no\"}]},\"created\":17,"
                + "\"model\":\"grok-4-0709\",\"choices\":[{\"index\":0,\"logprobs\":null,"
                + "\"delta\":{\"role\":\"assistant\",\"content\":\"Hi\",\"obfuscation\":\"x\","
                + "\"provider_metadata\":{\"content\":\"no\"}},\"finish_reason\":null}],"
                + "\"usage\":null,\"x_groq\":{\"usage\":{\"prompt_tokens\":99}}}");

        assertThat(chunk.id()).isEqualTo("r1");
        assertThat(chunk.model()).isEqualTo("grok-4-0709");
        assertThat(chunk.created()).isEqualTo(17L);
        assertThat(chunk.usage()).isNull();
        ChunkChoice choice = chunk.choices().get(0);
        assertThat(choice.role()).isEqualTo("assistant");
        assertThat(choice.content()).isEqualTo("Hi");
        assertThat(choice.finishReason()).isNull();
    }

    @Test
    void readsReasoningFromEitherFieldName() throws IOException {
        assertThat(parse(delta("{\"reasoning_content\":\"think\"}")).choices().get(0).reasoning())
                .isEqualTo("think");
        assertThat(parse(delta("{\"reasoning\":\"gpt-oss\"}")).choices().get(0).reasoning())
                .isEqualTo("gpt-oss");
        assertThat(parse(delta("{\"reasoning_content\":null,\"reasoning\":\"r\"}")).choices()
                .get(0).reasoning()).isEqualTo("r");
        assertThat(parse(delta("{\"content\":null}")).choices().get(0).content()).isNull();
    }

    @Test
    void readsToolCallPieces() throws IOException {
        ChatChunk chunk = parse(delta("{\"tool_calls\":[{\"index\":1,\"id\":\"call_1\","
                + "\"type\":\"function\",\"function\":{\"name\":\"weather\",\"arguments\":\"{\\\""
                + "\"}},{\"function\":{\"arguments\":{\"city\":\"Tokyo\"}}}]}"));

        assertThat(chunk.choices().get(0).toolCalls()).containsExactly(
                new ToolCallDelta(1, "call_1", "function", "weather", "{\""),
                new ToolCallDelta(1, null, null, null, "{\"city\":\"Tokyo\"}"));
    }

    @Test
    void readsUsageWithDetailsAndCost() throws IOException {
        Usage usage = parse("{\"choices\":[],\"usage\":{\"prompt_tokens\":12,"
                + "\"completion_tokens\":2,\"total_tokens\":354,\"prompt_tokens_details\":"
                + "{\"text_tokens\":12,\"cached_tokens\":3},\"completion_tokens_details\":"
                + "{\"reasoning_tokens\":340},\"num_sources_used\":0,"
                + "\"cost_in_usd_ticks\":12345678901}}").usage();

        assertThat(usage).isEqualTo(new Usage(12, 2, 354, 340, 3, 12345678901L));
    }

    @Test
    void readsOpenAiErrorFrames() throws IOException {
        ErrorFrame error = ChunkParser.parse("{\"error\":{\"message\":\"Overloaded\","
                + "\"type\":\"server_error\",\"param\":null,\"code\":503,\"metadata\":{}}}")
                .error();

        assertThat(error).isEqualTo(new ErrorFrame("Overloaded", "server_error", "503", null));
    }

    @Test
    void readsXaiFlatErrorFrames() throws IOException {
        ChunkFrame frame = ChunkParser.parse("{\"code\":\"Client specified an invalid argument\","
                + "\"error\":\"Incorrect API key provided: xa***ey.\"}");

        assertThat(frame.chunk()).isNull();
        assertThat(frame.error()).isEqualTo(new ErrorFrame("Incorrect API key provided: xa***ey.",
                null, "Client specified an invalid argument", null));
    }

    @Test
    void aNullErrorFieldIsNotAnError() throws IOException {
        ChunkFrame frame = ChunkParser.parse("{\"error\":null,\"choices\":[]}");

        assertThat(frame.error()).isNull();
        assertThat(frame.chunk()).isNotNull();
    }

    @Test
    void rejectsPayloadsThatAreNotJsonObjects() {
        assertThatThrownBy(() -> ChunkParser.parse("[1,2]")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> ChunkParser.parse("{\"id\":")).isInstanceOf(IOException.class);
    }

    private static String delta(String delta) {
        return "{\"choices\":[{\"index\":0,\"delta\":" + delta + "}]}";
    }

    private static ChatChunk parse(String json) throws IOException {
        ChunkFrame frame = ChunkParser.parse(json);
        assertThat(frame.error()).isNull();
        return frame.chunk();
    }
}

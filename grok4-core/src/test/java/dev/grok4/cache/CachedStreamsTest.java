package dev.grok4.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.grok4.internal.cache.CachedStreams;
import dev.grok4.model.ChatChunk;
import dev.grok4.model.ChatResponse;
import dev.grok4.model.Choice;
import dev.grok4.model.ChunkChoice;
import dev.grok4.model.ToolCall;
import dev.grok4.model.ToolCallDelta;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class CachedStreamsTest {

    @Test
    void replaysRoleContentFinishAndUsage() {
        ChatResponse response = Responses.text("Grok is a model.");

        List<ChatChunk> chunks = CachedStreams.toChunks(response);

        assertThat(chunks).hasSize(5);
        assertThat(chunks.get(0).choices().get(0).role()).isEqualTo("assistant");
        assertThat(chunks.get(1).choices().get(0).reasoning()).isEqualTo("thinking about it");
        assertThat(chunks.get(2).content()).isEqualTo("Grok is a model.");
        assertThat(chunks.get(3).choices().get(0).finishReason()).isEqualTo("stop");
        assertThat(chunks.get(4).choices()).isEmpty();
        assertThat(chunks.get(4).usage()).isEqualTo(response.usage());
        assertThat(chunks).allSatisfy(c -> {
            assertThat(c.id()).isEqualTo("resp-1");
            assertThat(c.model()).isEqualTo("grok-4-0709");
        });
    }

    @Test
    void sendsToolCallsWholeAndEveryChoice() {
        ChatResponse response = Responses.toolCalls();

        List<ChatChunk> chunks = CachedStreams.toChunks(response);

        List<ToolCallDelta> deltas = chunks.stream().flatMap(c -> c.choices().stream())
                .flatMap(c -> c.toolCalls().stream()).toList();
        assertThat(deltas).containsExactly(
                new ToolCallDelta(0, "call_1", "function", "get_weather", "{\"city\":\"Tokyo\"}"),
                new ToolCallDelta(1, "call_2", "function", "get_time", "{\"tz\":\"Asia/Tokyo\"}"));
        assertThat(reassemble(chunks)).isEqualTo(withoutRefusals(response));
    }

    @Test
    void splitsLongContentWithoutBreakingSurrogatePairs() {
        String text = "a".repeat(CachedStreams.PIECE_CHARS - 1) + "😀" + "b".repeat(700);
        ChatResponse response = ChatResponse.builder().id("r").model("grok-4")
                .addChoice(new Choice(0, text, null, null, List.of(), "length")).build();

        List<ChatChunk> chunks = CachedStreams.toChunks(response);

        List<String> pieces = chunks.stream().map(ChatChunk::content)
                .filter(s -> !s.isEmpty()).toList();
        assertThat(pieces).hasSizeGreaterThan(1);
        assertThat(pieces).allSatisfy(p -> assertThat(p.length())
                .isLessThanOrEqualTo(CachedStreams.PIECE_CHARS));
        assertThat(pieces.get(0)).doesNotEndWith("\uD83D");
        assertThat(String.join("", pieces)).isEqualTo(text);
        assertThat(reassemble(chunks)).isEqualTo(response);
    }

    /** Accumulates chunks the way a stream consumer does. */
    private static ChatResponse reassemble(List<ChatChunk> chunks) {
        Map<Integer, StringBuilder> content = new TreeMap<>();
        Map<Integer, StringBuilder> reasoning = new TreeMap<>();
        Map<Integer, List<ToolCall>> calls = new TreeMap<>();
        Map<Integer, String> finish = new TreeMap<>();
        ChatResponse.Builder b = ChatResponse.builder().id(chunks.get(0).id())
                .model(chunks.get(0).model()).created(chunks.get(0).created());
        for (ChatChunk chunk : chunks) {
            if (chunk.usage() != null) {
                b.usage(chunk.usage());
            }
            for (ChunkChoice c : chunk.choices()) {
                int i = c.index();
                calls.computeIfAbsent(i, k -> new ArrayList<>());
                if (c.content() != null) {
                    content.computeIfAbsent(i, k -> new StringBuilder()).append(c.content());
                }
                if (c.reasoning() != null) {
                    reasoning.computeIfAbsent(i, k -> new StringBuilder()).append(c.reasoning());
                }
                c.toolCalls().forEach(d -> calls.get(i).add(new ToolCall(d.id(), d.type(),
                        d.name(), d.arguments())));
                if (c.finishReason() != null) {
                    finish.put(i, c.finishReason());
                }
            }
        }
        calls.keySet().forEach(i -> b.addChoice(new Choice(i, text(content.get(i)),
                text(reasoning.get(i)), null, calls.get(i), finish.get(i))));
        return b.build();
    }

    private static String text(StringBuilder sb) {
        return sb == null ? null : sb.toString();
    }

    private static ChatResponse withoutRefusals(ChatResponse r) {
        List<Choice> choices = r.choices().stream().map(c -> new Choice(c.index(), c.content(),
                c.reasoning(), null, c.toolCalls(), c.finishReason())).toList();
        return r.toBuilder().choices(choices).systemFingerprint(null).requestedModel(null)
                .build();
    }
}

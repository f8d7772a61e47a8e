package dev.grok4.internal.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.grok4.model.ChatChunk;
import dev.grok4.model.ChatResponse;
import dev.grok4.model.ChunkChoice;
import dev.grok4.model.ToolCall;
import dev.grok4.model.ToolCallDelta;
import dev.grok4.model.Usage;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class StreamAccumulatorTest {
    private final AtomicLong clock = new AtomicLong(1_000);
    private final StreamAccumulator accumulator = new StreamAccumulator(clock::get, 1_000);

    @Test
    void mergesParallelToolCallsByIndexWhateverTheOrderOfTheirPieces() {
        add(calls(new ToolCallDelta(1, "call_b", "function", "second", "")));
        add(calls(new ToolCallDelta(0, "call_a", "function", "first", "{\"x\":")));
        add(calls(new ToolCallDelta(1, "", null, "", "{}")));
        add(calls(new ToolCallDelta(0, null, null, null, "1}")));

        assertThat(accumulator.response().toolCalls()).containsExactly(
                new ToolCall("call_a", "first", "{\"x\":1}"),
                new ToolCall("call_b", "second", "{}"));
    }

    @Test
    void argumentsThatArriveWholeAreKeptExactly() {
        add(calls(new ToolCallDelta(0, "call-1-0", "function", "weather",
                "{\"city\": \"Tokyo\",  \"unit\":\"c\"}")));

        assertThat(accumulator.response().toolCalls().get(0).arguments())
                .isEqualTo("{\"city\": \"Tokyo\",  \"unit\":\"c\"}");
    }

    @Test
    void aToolCallWithoutIdOrNameGetsEmptyStrings() {
        add(calls(new ToolCallDelta(0, null, null, null, "{}")));

        assertThat(accumulator.response().toolCalls()).containsExactly(
                new ToolCall("", "function", "", "{}"));
    }

    @Test
    void contentReasoningModelUsageAndFinishComeFromTheRightChunks() {
        add(new ChatChunk("", "", 0L, List.of(), null));
        add(new ChatChunk("r1", "grok-3-mini-high", 5L, List.of(choice(null, "hm", null)), null));
        add(new ChatChunk("r1", "other", 5L, List.of(choice("Hel", null, null)), null));
        add(new ChatChunk("r1", "other", 5L, List.of(choice("lo", "", "stop")), null));
        Usage usage = new Usage(1, 2, 3, null, null, null);
        add(new ChatChunk("r1", "other", 5L, List.of(), usage));

        ChatResponse response = accumulator.response();
        assertThat(response.id()).isEqualTo("r1");
        assertThat(response.model()).isEqualTo("grok-3-mini-high");
        assertThat(response.content()).isEqualTo("Hello");
        assertThat(response.reasoning()).isEqualTo("hm");
        assertThat(response.finishReason()).isEqualTo("stop");
        assertThat(response.usage()).isEqualTo(usage);
    }

    @Test
    void timeToFirstTokenIsTakenAtTheFirstNonEmptyPiece() {
        clock.set(2_000);
        assertThat(add(new ChatChunk("r", "m", null, List.of(choice("", null, null)), null)))
                .isFalse();
        clock.set(5_000);
        assertThat(add(new ChatChunk("r", "m", null, List.of(choice("a", null, null)), null)))
                .isTrue();
        clock.set(9_000);
        assertThat(add(new ChatChunk("r", "m", null, List.of(choice("b", null, null)), null)))
                .isFalse();

        ChatResponse response = accumulator.response();
        assertThat(response.timeToFirstToken()).isEqualTo(Duration.ofNanos(4_000));
        assertThat(response.latency()).isEqualTo(Duration.ofNanos(8_000));
    }

    @Test
    void choicesAreKeptApartAndOrderedByIndex() {
        add(new ChatChunk("r", "m", null, List.of(new ChunkChoice(1, null, "B", null, List.of(),
                "stop"), new ChunkChoice(0, null, "A", null, List.of(), "length")), null));

        assertThat(accumulator.response().choices()).extracting(c -> c.index() + c.content()
                + c.finishReason()).containsExactly("0Alength", "1Bstop");
        assertThat(accumulator.partialContent()).isEqualTo("A");
    }

    @Test
    void finishAndUsageAreReported() {
        assertThat(accumulator.hasFinishReason()).isFalse();
        assertThat(accumulator.hasUsage()).isFalse();

        add(new ChatChunk("r", "m", null, List.of(choice("x", null, "tool_calls")),
                new Usage(1, 1, 2, null, null, null)));

        assertThat(accumulator.hasFinishReason()).isTrue();
        assertThat(accumulator.hasUsage()).isTrue();
    }

    private boolean add(ChatChunk chunk) {
        return accumulator.add(chunk);
    }

    private static ChatChunk calls(ToolCallDelta delta) {
        return new ChatChunk("r", "m", null, List.of(new ChunkChoice(0, null, null, null,
                List.of(delta), null)), null);
    }

    private static ChunkChoice choice(String content, String reasoning, String finish) {
        return new ChunkChoice(0, null, content, reasoning, List.of(), finish);
    }
}

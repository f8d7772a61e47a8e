package dev.grok4.cache;

import dev.grok4.model.ChatResponse;
import dev.grok4.model.Choice;
import dev.grok4.model.ToolCall;
import dev.grok4.model.Usage;
import java.util.List;

/** Sample responses shaped like the recorded xAI answers, for the cache tests. */
final class Responses {

    private Responses() {}

    /** A plain answer with reasoning-token usage and server cost. */
    static ChatResponse text(String content) {
        return ChatResponse.builder()
                .id("resp-1")
                .model("grok-4-0709")
                .created(1_752_000_000L)
                .systemFingerprint("fp_cache")
                .requestedModel("grok-4")
                .addChoice(new Choice(0, content, "thinking about it", null, List.of(), "stop"))
                .usage(new Usage(12, 2, 354, 340, 4, 52_700_000L))
                .build();
    }

    /** An answer that calls two tools, with OpenAI-style usage and no server cost. */
    static ChatResponse toolCalls() {
        List<ToolCall> calls = List.of(
                new ToolCall("call_1", "get_weather", "{\"city\":\"Tokyo\"}"),
                new ToolCall("call_2", "function", "get_time", "{\"tz\":\"Asia/Tokyo\"}"));
        return ChatResponse.builder()
                .id("resp-2")
                .model("gpt-4.1-2025-04-14")
                .created(1_752_000_001L)
                .requestedModel("gpt-4.1")
                .addChoice(new Choice(0, "", null, null, calls, "tool_calls"))
                .addChoice(new Choice(1, "日本語 ✓ 😀", null, "refused part", List.of(), "stop"))
                .usage(new Usage(15, 78, 93, 64, null, null))
                .build();
    }
}

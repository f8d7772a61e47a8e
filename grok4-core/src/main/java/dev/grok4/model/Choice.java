package dev.grok4.model;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One generated alternative of a chat response.
 *
 * @since 0.1
 */
public final class Choice {
    private final int index;
    private final @Nullable String content;
    private final @Nullable String reasoning;
    private final @Nullable String refusal;
    private final List<ToolCall> toolCalls;
    private final @Nullable String finishReason;

    /** Creates a choice. */
    public Choice(int index, @Nullable String content, @Nullable String reasoning,
            @Nullable String refusal, List<ToolCall> toolCalls, @Nullable String finishReason) {
        this.index = index;
        this.content = content;
        this.reasoning = reasoning;
        this.refusal = refusal;
        this.toolCalls = List.copyOf(toolCalls);
        this.finishReason = finishReason;
    }

    /** Returns the choice index. */
    public int index() {
        return index;
    }

    /** Returns the reply text as sent: null, empty (xAI beside tool calls) or text. */
    public @Nullable String content() {
        return content;
    }

    /** Returns the reasoning text ({@code reasoning_content} or {@code reasoning}), or null. */
    public @Nullable String reasoning() {
        return reasoning;
    }

    /** Returns the refusal text, or null. */
    public @Nullable String refusal() {
        return refusal;
    }

    /** Returns the tool calls in the order sent; empty when none. */
    public List<ToolCall> toolCalls() {
        return toolCalls;
    }

    /** Returns the finish reason exactly as sent, or null. */
    public @Nullable String finishReason() {
        return finishReason;
    }

    /** Returns the finish reason as a known value, or null when none was sent. */
    public @Nullable FinishReason finishReasonKind() {
        return FinishReason.of(finishReason);
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof Choice c && index == c.index && Objects.equals(content, c.content)
                && Objects.equals(reasoning, c.reasoning) && Objects.equals(refusal, c.refusal)
                && toolCalls.equals(c.toolCalls) && Objects.equals(finishReason, c.finishReason);
    }

    @Override
    public int hashCode() {
        return Objects.hash(index, content, reasoning, refusal, toolCalls, finishReason);
    }

    @Override
    public String toString() {
        return "Choice[index=" + index + ", finishReason=" + finishReason + ", toolCalls="
                + toolCalls.size() + "]";
    }
}

package dev.grok4.model;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The delta of one choice inside a stream chunk.
 *
 * @since 0.1
 */
public final class ChunkChoice {
    private final int index;
    private final @Nullable String role;
    private final @Nullable String content;
    private final @Nullable String reasoning;
    private final List<ToolCallDelta> toolCalls;
    private final @Nullable String finishReason;

    /** Creates a choice delta; absent fields are null. */
    public ChunkChoice(int index, @Nullable String role, @Nullable String content,
            @Nullable String reasoning, List<ToolCallDelta> toolCalls,
            @Nullable String finishReason) {
        this.index = index;
        this.role = role;
        this.content = content;
        this.reasoning = reasoning;
        this.toolCalls = List.copyOf(toolCalls);
        this.finishReason = finishReason;
    }

    /** Returns the choice index. */
    public int index() {
        return index;
    }

    /** Returns the role, usually only on the first chunk, or null. */
    public @Nullable String role() {
        return role;
    }

    /** Returns this piece of content, or null. */
    public @Nullable String content() {
        return content;
    }

    /** Returns this piece of reasoning ({@code reasoning_content} or {@code reasoning}). */
    public @Nullable String reasoning() {
        return reasoning;
    }

    /** Returns the tool-call pieces; empty when none. */
    public List<ToolCallDelta> toolCalls() {
        return toolCalls;
    }

    /** Returns the raw finish reason on the last chunk of the choice, otherwise null. */
    public @Nullable String finishReason() {
        return finishReason;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof ChunkChoice c && index == c.index && Objects.equals(role, c.role)
                && Objects.equals(content, c.content) && Objects.equals(reasoning, c.reasoning)
                && toolCalls.equals(c.toolCalls) && Objects.equals(finishReason, c.finishReason);
    }

    @Override
    public int hashCode() {
        return Objects.hash(index, role, content, reasoning, toolCalls, finishReason);
    }

    @Override
    public String toString() {
        return "ChunkChoice[index=" + index + ", finishReason=" + finishReason + "]";
    }
}

package dev.grok4.model;

import org.jspecify.annotations.Nullable;

/**
 * The known reasons a choice stopped. Responses keep the raw string, so a value added by a server
 * later maps to {@link #UNKNOWN} here without failing.
 *
 * @since 0.1
 */
public enum FinishReason {
    /** A natural end or a stop sequence. */
    STOP,
    /** The token limit was reached. */
    LENGTH,
    /** The model called one or more tools. */
    TOOL_CALLS,
    /** The content was filtered. */
    CONTENT_FILTER,
    /** The legacy single function call. */
    FUNCTION_CALL,
    /** A value this version does not know. */
    UNKNOWN;

    /** Maps a raw finish reason; null stays null, unknown values become {@link #UNKNOWN}. */
    public static @Nullable FinishReason of(@Nullable String raw) {
        if (raw == null) {
            return null;
        }
        return switch (raw) {
            case "stop", "end_turn" -> STOP;
            case "length", "max_tokens" -> LENGTH;
            case "tool_calls" -> TOOL_CALLS;
            case "content_filter" -> CONTENT_FILTER;
            case "function_call" -> FUNCTION_CALL;
            default -> UNKNOWN;
        };
    }
}

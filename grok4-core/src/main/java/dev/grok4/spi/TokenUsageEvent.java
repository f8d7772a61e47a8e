package dev.grok4.spi;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * The token usage the server reported for a call.
 *
 * @param requestedModel the model the successful attempt asked for
 * @param responseModel the model the server named, or null
 * @param inputTokens the prompt tokens
 * @param outputTokens every generated token, reasoning included
 * @since 0.1
 */
public record TokenUsageEvent(String requestedModel, @Nullable String responseModel,
        long inputTokens, long outputTokens) {

    /** Checks the model is not null and the counts are not negative. */
    public TokenUsageEvent {
        requireNonNull(requestedModel, "requestedModel");
        if (inputTokens < 0 || outputTokens < 0) {
            throw new IllegalArgumentException("Token counts must be >= 0, were " + inputTokens
                    + " and " + outputTokens);
        }
    }
}

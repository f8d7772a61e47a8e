package dev.grok4.model;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Token counts reported by the server, each null when the server did not send it.
 *
 * <p>Servers disagree on where reasoning tokens go: xAI reports them beside
 * {@code completion_tokens} (so {@code total = prompt + completion + reasoning}), OpenAI inside
 * it. {@link #outputTokens()} gives the right figure for both.
 *
 * @since 0.1
 */
public final class Usage {
    private final @Nullable Integer promptTokens;
    private final @Nullable Integer completionTokens;
    private final @Nullable Integer totalTokens;
    private final @Nullable Integer reasoningTokens;
    private final @Nullable Integer cachedTokens;
    private final @Nullable Long costInUsdTicks;

    /**
     * Creates usage figures.
     *
     * @param costInUsdTicks xAI's {@code cost_in_usd_ticks}, where 10^10 ticks are one USD
     */
    public Usage(@Nullable Integer promptTokens, @Nullable Integer completionTokens,
            @Nullable Integer totalTokens, @Nullable Integer reasoningTokens,
            @Nullable Integer cachedTokens, @Nullable Long costInUsdTicks) {
        this.promptTokens = promptTokens;
        this.completionTokens = completionTokens;
        this.totalTokens = totalTokens;
        this.reasoningTokens = reasoningTokens;
        this.cachedTokens = cachedTokens;
        this.costInUsdTicks = costInUsdTicks;
    }

    /** Returns {@code prompt_tokens}. */
    public @Nullable Integer promptTokens() {
        return promptTokens;
    }

    /** Returns {@code completion_tokens} as sent. */
    public @Nullable Integer completionTokens() {
        return completionTokens;
    }

    /** Returns {@code total_tokens}. */
    public @Nullable Integer totalTokens() {
        return totalTokens;
    }

    /** Returns {@code completion_tokens_details.reasoning_tokens}. */
    public @Nullable Integer reasoningTokens() {
        return reasoningTokens;
    }

    /** Returns {@code prompt_tokens_details.cached_tokens}. */
    public @Nullable Integer cachedTokens() {
        return cachedTokens;
    }

    /** Returns xAI's {@code cost_in_usd_ticks}. */
    public @Nullable Long costInUsdTicks() {
        return costInUsdTicks;
    }

    /** Returns the prompt tokens, or 0 when not reported. */
    public int inputTokens() {
        return promptTokens == null ? 0 : promptTokens;
    }

    /**
     * Returns every token the model generated, reasoning included: {@code total - prompt} when
     * the server sends a total, otherwise {@code completion + reasoning}.
     */
    public int outputTokens() {
        if (totalTokens != null && promptTokens != null) {
            return Math.max(0, totalTokens - promptTokens);
        }
        int completion = completionTokens == null ? 0 : completionTokens;
        return completion + (reasoningTokens == null ? 0 : reasoningTokens);
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof Usage u && Objects.equals(promptTokens, u.promptTokens)
                && Objects.equals(completionTokens, u.completionTokens)
                && Objects.equals(totalTokens, u.totalTokens)
                && Objects.equals(reasoningTokens, u.reasoningTokens)
                && Objects.equals(cachedTokens, u.cachedTokens)
                && Objects.equals(costInUsdTicks, u.costInUsdTicks);
    }

    @Override
    public int hashCode() {
        return Objects.hash(promptTokens, completionTokens, totalTokens, reasoningTokens,
                cachedTokens, costInUsdTicks);
    }

    @Override
    public String toString() {
        return "Usage[prompt=" + promptTokens + ", completion=" + completionTokens + ", reasoning="
                + reasoningTokens + ", cached=" + cachedTokens + ", total=" + totalTokens + "]";
    }
}

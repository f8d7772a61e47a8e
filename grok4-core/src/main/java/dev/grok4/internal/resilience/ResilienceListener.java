package dev.grok4.internal.resilience;

import java.time.Duration;

/**
 * Hears what the retry and fallback units decide, so that the client can report it as metrics.
 * Implementations must be quick and must not throw.
 *
 * @since 0.1
 */
public interface ResilienceListener {
    /** A listener that ignores everything. */
    ResilienceListener NONE = new ResilienceListener() {};

    /**
     * A retryable attempt failed and the next one will start after {@code delay}.
     *
     * @param nextAttempt the number of the attempt about to be made on this model, from 2
     */
    default void onRetry(String model, int nextAttempt, RuntimeException failure,
            Duration delay) {}

    /** Every attempt on {@code fromModel} failed and the chain moves on to {@code toModel}. */
    default void onFallback(String fromModel, String toModel, RuntimeException failure) {}
}

package dev.grok4.spi;

/**
 * Receives what the client observes while it makes calls: request starts and ends, retries,
 * fallbacks, cache hits and misses, token counts, costs and stream timings.
 *
 * <p>Every method does nothing by default, so an implementation overrides only what it records.
 * Methods are called on the thread that made the observation, often concurrently, so
 * implementations must be thread-safe and quick. A listener that throws is logged once and
 * otherwise ignored; it never breaks a call. Events carry model names, durations and counts,
 * never prompt text or the API key.
 *
 * @since 0.1
 */
public interface MetricsListener {

    /** A call started, before any cache lookup. */
    default void onRequestStart(RequestStartEvent event) {}

    /** A call ended, successfully or not, from the network or the cache. */
    default void onRequestEnd(RequestEndEvent event) {}

    /** An attempt failed and will be retried after a delay. */
    default void onRetry(RetryEvent event) {}

    /** A model failed for good and the call moves on to the next model of the fallback chain. */
    default void onFallback(FallbackEvent event) {}

    /** The cache answered a request. */
    default void onCacheHit(CacheEvent event) {}

    /** The cache had no answer for a cacheable request. */
    default void onCacheMiss(CacheEvent event) {}

    /** The cache store failed; the call carried on as if the entry were missing. */
    default void onCacheFailure(CacheFailureEvent event) {}

    /** The server reported token usage for a call. */
    default void onTokens(TokenUsageEvent event) {}

    /** The cost of a call is known, reported by the server or computed from the price table. */
    default void onCost(CostEvent event) {}

    /** The first content of a stream arrived. */
    default void onTimeToFirstToken(TimeToFirstTokenEvent event) {}
}

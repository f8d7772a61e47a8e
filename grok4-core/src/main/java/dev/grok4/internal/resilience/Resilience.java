package dev.grok4.internal.resilience;

import static java.util.Objects.requireNonNull;

import dev.grok4.Grok4Config;
import dev.grok4.internal.resilience.ConcurrencyLimiter.Permit;
import dev.grok4.internal.resilience.FallbackExecutor.Outcome;
import dev.grok4.internal.resilience.RateLimiter.Reservation;
import dev.grok4.model.Usage;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Every resilience unit of one client, composed in the order a call passes them: concurrency
 * permit, rate-limit reservation, fallback over retries (under circuit breakers), usage
 * correction, permit release. The response cache sits in front of all of this and is not part
 * of it.
 *
 * <p>{@link #call} and {@link #callAsync} run a whole non-streaming call. A stream must hold
 * its permit until it ends, so the client composes the units itself for streams, using the
 * accessors. When a call fails for good its token reservation is refunded, since failed
 * requests are not billed. Thread-safe; close it with the client.
 *
 * @since 0.1
 */
public final class Resilience implements AutoCloseable {
    private final ConcurrencyLimiter concurrency;
    private final RateLimiter rateLimiter;
    private final ModelCircuitBreakers breakers;
    private final FallbackExecutor fallback;

    /** Composes the given units. */
    public Resilience(ConcurrencyLimiter concurrency, RateLimiter rateLimiter,
            ModelCircuitBreakers breakers, RetryExecutor retries) {
        this(concurrency, rateLimiter, breakers, retries, ResilienceListener.NONE);
    }

    /** Composes the given units, telling {@code listener} of retries and fallbacks. */
    public Resilience(ConcurrencyLimiter concurrency, RateLimiter rateLimiter,
            ModelCircuitBreakers breakers, RetryExecutor retries, ResilienceListener listener) {
        this.concurrency = requireNonNull(concurrency, "concurrency");
        this.rateLimiter = requireNonNull(rateLimiter, "rateLimiter");
        this.breakers = requireNonNull(breakers, "breakers");
        this.fallback = new FallbackExecutor(requireNonNull(retries, "retries"), breakers,
                listener);
    }

    /**
     * Builds every unit from a configuration, waiting between retries with {@code sleeper}
     * ({@link Sleeper#SYSTEM} outside tests).
     *
     * @param apiKey the resolved API key; needed only for Redis rate limits
     * @throws dev.grok4.Grok4Exception {@code CONFIGURATION} when Redis rate limits cannot be set
     *     up
     */
    public static Resilience from(Grok4Config config, @Nullable String apiKey, Sleeper sleeper) {
        return from(config, apiKey, sleeper, ResilienceListener.NONE);
    }

    /** Builds every unit as {@link #from(Grok4Config, String, Sleeper)}, with a listener. */
    public static Resilience from(Grok4Config config, @Nullable String apiKey, Sleeper sleeper,
            ResilienceListener listener) {
        return new Resilience(ConcurrencyLimiter.from(config), RateLimiter.from(config, apiKey),
                ModelCircuitBreakers.from(config),
                new RetryExecutor(RetryPolicy.from(config), sleeper), listener);
    }

    /** Returns the concurrency limiter. */
    public ConcurrencyLimiter concurrency() {
        return concurrency;
    }

    /** Returns the rate limiter. */
    public RateLimiter rateLimiter() {
        return rateLimiter;
    }

    /** Returns the per-model circuit breakers. */
    public ModelCircuitBreakers breakers() {
        return breakers;
    }

    /** Returns the fallback executor (which owns the retries). */
    public FallbackExecutor fallback() {
        return fallback;
    }

    /**
     * Runs one call through every unit, blocking.
     *
     * @param models the model chain, primary first
     * @param estimatedTokens the tokens reserved before sending
     * @param attempt one HTTP request to the given model
     * @param usageOf the usage a result reports, or null when it reports none
     * @return the outcome: result, answering model, attempts across models
     * @throws dev.grok4.Grok4Exception {@code LIMIT_EXCEEDED} when no permit or budget is free
     *     in time; otherwise the failure {@link FallbackExecutor} describes
     */
    public <T> Outcome<T> call(List<String> models, int estimatedTokens,
            Function<String, T> attempt, Function<T, @Nullable Usage> usageOf) {
        try (Permit permit = concurrency.acquire()) {
            // TODO(#4): one reservation covers all retries and fallbacks of a call, so retried
            // requests do not count against requestsPerMinute; reserve per attempt if that bites.
            Reservation reservation = rateLimiter.reserve(estimatedTokens);
            Outcome<T> outcome;
            try {
                outcome = fallback.execute(models, attempt);
            } catch (RuntimeException e) {
                reservation.refund();
                throw e;
            }
            reservation.correct(usageOf.apply(outcome.value()));
            return outcome;
        }
    }

    /**
     * Runs one call through every unit without blocking a thread while waiting, as
     * {@link #call}. The permit is released when the returned future completes.
     */
    public <T> CompletableFuture<Outcome<T>> callAsync(List<String> models, int estimatedTokens,
            Function<String, CompletableFuture<T>> attempt,
            Function<T, @Nullable Usage> usageOf) {
        return concurrency.acquireAsync().thenCompose(permit -> {
            CompletableFuture<Outcome<T>> result = rateLimiter.reserveAsync(estimatedTokens)
                    .thenCompose(reservation -> fallback.executeAsync(models, attempt)
                            .whenComplete((outcome, error) -> settle(reservation, outcome,
                                    error, usageOf)));
            return result.whenComplete((outcome, error) -> permit.close());
        });
    }

    private static <T> void settle(Reservation reservation, @Nullable Outcome<T> outcome,
            @Nullable Throwable error, Function<T, @Nullable Usage> usageOf) {
        if (error != null || outcome == null) {
            reservation.refund();
        } else {
            reservation.correct(usageOf.apply(outcome.value()));
        }
    }

    /** Closes the rate limiter's Redis connection, if any. */
    @Override
    public void close() {
        rateLimiter.close();
    }
}

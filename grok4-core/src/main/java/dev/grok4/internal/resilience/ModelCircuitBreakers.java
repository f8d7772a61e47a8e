package dev.grok4.internal.resilience;

import static java.util.Objects.requireNonNull;

import dev.grok4.ErrorKind;
import dev.grok4.Grok4Config;
import dev.grok4.Grok4Exception;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * One Resilience4j circuit breaker per model, guarding each HTTP attempt.
 *
 * <p>Defaults: the circuit opens when at least half of the last 20 attempts failed (once 10 have
 * been made), stays open for 30 s, then lets 3 trial attempts through. Only failures that say the
 * model is unwell count: server errors and 408/409 (also as unexpected content), timeouts and
 * connection failures. A 429 does not count (the model is healthy but busy for this key; retry
 * and fallback handle it), and other 4xx and quota errors count as successes, since the model
 * answered. An attempt on an open circuit fails at once with {@link ErrorKind#CIRCUIT_OPEN}.
 *
 * <p>When disabled ({@code circuitBreakerEnabled=false}) every attempt passes through
 * unguarded. Thread-safe.
 *
 * @since 0.1
 */
public final class ModelCircuitBreakers {
    /** How long an open circuit stays open before trial attempts. */
    static final Duration OPEN_DURATION = Duration.ofSeconds(30);

    private final @Nullable CircuitBreakerConfig config;
    private final Map<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();

    /** Creates breakers with {@code config}, or disabled ones when it is null. */
    ModelCircuitBreakers(@Nullable CircuitBreakerConfig config) {
        this.config = config;
    }

    /** Returns breakers with the defaults, or disabled ones per {@code circuitBreakerEnabled}. */
    public static ModelCircuitBreakers from(Grok4Config config) {
        return from(config, Clock.systemUTC());
    }

    /** As {@link #from(Grok4Config)}, reading {@code clock} for the open duration. */
    static ModelCircuitBreakers from(Grok4Config config, Clock clock) {
        return new ModelCircuitBreakers(config.circuitBreakerEnabled() ? defaults(clock) : null);
    }

    /** Returns breakers that never open. */
    public static ModelCircuitBreakers disabled() {
        return new ModelCircuitBreakers(null);
    }

    /** Returns the default breaker configuration described on this class. */
    static CircuitBreakerConfig defaults(Clock clock) {
        return CircuitBreakerConfig.custom()
                .failureRateThreshold(50)
                .slidingWindow(20, 10, SlidingWindowType.COUNT_BASED)
                .waitDurationInOpenState(OPEN_DURATION)
                .permittedNumberOfCallsInHalfOpenState(3)
                .recordException(ModelCircuitBreakers::countsAsFailure)
                .clock(requireNonNull(clock, "clock"))
                .build();
    }

    /** Returns whether a failure counts against the model's health. */
    static boolean countsAsFailure(Throwable failure) {
        return RetryPolicy.isRetryable(failure)
                && ((Grok4Exception) failure).kind() != ErrorKind.RATE_LIMITED;
    }

    /** Returns whether breakers are enabled. */
    public boolean isEnabled() {
        return config != null;
    }

    /** Returns the breaker of a model, or empty when breakers are disabled. */
    public Optional<CircuitBreaker> breaker(String model) {
        if (config == null) {
            return Optional.empty();
        }
        return Optional.of(breakers.computeIfAbsent(model,
                m -> CircuitBreaker.of("grok4-" + m, config)));
    }

    /** Returns whether the model's circuit would refuse an attempt now. */
    public boolean isOpen(String model) {
        return breaker(model).map(b -> b.getState() == CircuitBreaker.State.OPEN
                || b.getState() == CircuitBreaker.State.FORCED_OPEN).orElse(false);
    }

    /**
     * Runs one attempt against {@code model} under its breaker.
     *
     * @throws Grok4Exception {@link ErrorKind#CIRCUIT_OPEN} when the circuit refuses the attempt;
     *     otherwise whatever the attempt throws
     */
    public <T> T call(String model, Supplier<T> attempt) {
        Optional<CircuitBreaker> breaker = breaker(model);
        if (breaker.isEmpty()) {
            return attempt.get();
        }
        CircuitBreaker cb = breaker.get();
        permit(model, cb);
        long start = System.nanoTime();
        try {
            T result = attempt.get();
            cb.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            return result;
        } catch (RuntimeException e) {
            cb.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
            throw e;
        }
    }

    /** Runs one asynchronous attempt against {@code model} under its breaker, as {@link #call}. */
    public <T> CompletableFuture<T> callAsync(String model,
            Supplier<CompletableFuture<T>> attempt) {
        Optional<CircuitBreaker> breaker = breaker(model);
        if (breaker.isEmpty()) {
            return attempt.get();
        }
        CircuitBreaker cb = breaker.get();
        permit(model, cb);
        long start = System.nanoTime();
        CompletableFuture<T> future;
        try {
            future = attempt.get();
        } catch (RuntimeException e) {
            cb.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
            throw e;
        }
        return future.whenComplete((result, error) -> {
            long elapsed = System.nanoTime() - start;
            if (error == null) {
                cb.onSuccess(elapsed, TimeUnit.NANOSECONDS);
            } else {
                cb.onError(elapsed, TimeUnit.NANOSECONDS, RetryExecutor.unwrap(error));
            }
        });
    }

    private static void permit(String model, CircuitBreaker cb) {
        if (!cb.tryAcquirePermission()) {
            throw new Grok4Exception(ErrorKind.CIRCUIT_OPEN, "The circuit breaker for model "
                    + model + " is open after repeated failures; it lets trial calls "
                    + "through " + Durations.format(OPEN_DURATION) + " after opening", null);
        }
    }
}

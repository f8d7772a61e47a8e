package dev.grok4.internal.resilience;

import static java.util.Objects.requireNonNull;

import dev.grok4.Grok4Exception;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Tries a call on the primary model and then on each fallback model in turn, each model with its
 * own retries and under its own circuit breaker.
 *
 * <p>The chain moves on when a model ends rate limited, failing on the server side (5xx such
 * as 503 or 529, 408, 409), timed out, unreachable, or its circuit is open. Authentication, bad
 * request, quota and any other failure is thrown at once, with the failures of the models tried
 * before it attached as suppressed. When every model fails, the <em>primary</em> model's failure
 * is thrown with each fallback model's failure attached as suppressed. A WARNING is logged
 * each time a fallback is taken (model names and error kind only).
 *
 * <p>The {@link Outcome} names the model that answered and counts every HTTP attempt made across
 * all models. Thread-safe.
 *
 * @since 0.1
 */
public final class FallbackExecutor {
    private static final System.Logger LOG = System.getLogger(FallbackExecutor.class.getName());
    private static final long WARNING_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final RetryExecutor retries;
    private final ModelCircuitBreakers breakers;
    private final ResilienceListener listener;
    private final ConcurrentHashMap<String, Long> lastWarnings = new ConcurrentHashMap<>();

    /** Creates an executor retrying with {@code retries} under {@code breakers}. */
    public FallbackExecutor(RetryExecutor retries, ModelCircuitBreakers breakers) {
        this(retries, breakers, ResilienceListener.NONE);
    }

    /** Creates an executor that also tells {@code listener} of retries and fallbacks. */
    public FallbackExecutor(RetryExecutor retries, ModelCircuitBreakers breakers,
            ResilienceListener listener) {
        this.retries = requireNonNull(retries, "retries");
        this.breakers = requireNonNull(breakers, "breakers");
        this.listener = requireNonNull(listener, "listener");
    }

    /**
     * Returns the models to try: {@code primary}, then {@code fallbacks} in order, without
     * duplicates.
     */
    public static List<String> modelChain(String primary, List<String> fallbacks) {
        LinkedHashSet<String> chain = new LinkedHashSet<>();
        chain.add(requireNonNull(primary, "primary"));
        chain.addAll(fallbacks);
        return List.copyOf(chain);
    }

    /** Returns whether a model's final failure lets the chain move on to the next model. */
    public static boolean shouldFallBack(Throwable failure) {
        if (!(failure instanceof Grok4Exception e)) {
            return false;
        }
        return switch (e.kind()) {
            case RATE_LIMITED, SERVER, TIMEOUT, CONNECTION, CIRCUIT_OPEN -> true;
            case UNEXPECTED_CONTENT -> e.status() >= 500;
            default -> false;
        };
    }

    /**
     * Runs {@code attempt} on each model in {@code models} until one succeeds.
     *
     * @param models the chain, primary first; not empty
     * @param attempt sends one HTTP request to the given model; for a stream it returns once
     *     the first chunk (or the headers) has arrived
     * @return the result, the model that produced it and the attempts made
     * @throws RuntimeException the failure described on this class
     */
    public <T> Outcome<T> execute(List<String> models, Function<String, T> attempt) {
        requireModels(models);
        AtomicInteger attempts = new AtomicInteger();
        List<RuntimeException> failures = new ArrayList<>();
        for (String model : models) {
            try {
                T value = retries.execute(() -> breakers.call(model, () -> {
                    attempts.incrementAndGet();
                    return attempt.apply(model);
                }), observer(model));
                return new Outcome<>(value, model, attempts.get());
            } catch (RuntimeException e) {
                failures.add(e);
                if (!shouldFallBack(e)) {
                    throw RetryExecutor.withSuppressed(e, failures);
                }
                warnIfMoreModels(models, failures.size(), e);
            }
        }
        throw allFailed(failures);
    }

    /**
     * Runs {@code attempt} on each model in turn without blocking, as {@link #execute}.
     *
     * @return a future of the outcome, failed with the (unwrapped) failure described on this
     *     class
     */
    public <T> CompletableFuture<Outcome<T>> executeAsync(List<String> models,
            Function<String, CompletableFuture<T>> attempt) {
        requireModels(models);
        CompletableFuture<Outcome<T>> result = new CompletableFuture<>();
        tryModel(models, 0, attempt, new AtomicInteger(), new ArrayList<>(), result);
        return result;
    }

    private <T> void tryModel(List<String> models, int index,
            Function<String, CompletableFuture<T>> attempt, AtomicInteger attempts,
            List<RuntimeException> failures, CompletableFuture<Outcome<T>> result) {
        String model = models.get(index);
        retries.executeAsync(() -> breakers.callAsync(model, () -> {
            attempts.incrementAndGet();
            return attempt.apply(model);
        }), observer(model)).whenComplete((value, error) -> {
            if (error == null) {
                result.complete(new Outcome<>(value, model, attempts.get()));
                return;
            }
            RuntimeException failure = RetryExecutor.unwrap(error);
            failures.add(failure);
            if (!shouldFallBack(failure)) {
                result.completeExceptionally(RetryExecutor.withSuppressed(failure, failures));
            } else if (index + 1 < models.size()) {
                warnIfMoreModels(models, failures.size(), failure);
                tryModel(models, index + 1, attempt, attempts, failures, result);
            } else {
                result.completeExceptionally(allFailed(failures));
            }
        });
    }

    private RetryExecutor.RetryObserver observer(String model) {
        return (nextAttempt, failure, delay) -> listener.onRetry(model, nextAttempt, failure,
                delay);
    }

    private void warnIfMoreModels(List<String> models, int tried, RuntimeException e) {
        if (tried < models.size()) {
            String from = models.get(tried - 1);
            String to = models.get(tried);
            listener.onFallback(from, to, e);
            LOG.log(warningDue(from + " -> " + to) ? Level.WARNING : Level.DEBUG,
                    () -> "Model " + from + " failed (" + RetryExecutor.describe(e)
                            + "); falling back to " + to);
        }
    }

    /**
     * Returns whether this fallback should be logged as a warning: once a minute per pair of
     * models. During an outage every call falls back, and one line a minute says so as well
     * as thousands; the metrics count each one.
     */
    private boolean warningDue(String pair) {
        long now = System.nanoTime();
        Long last = lastWarnings.get(pair);
        if (last != null && now - last < WARNING_INTERVAL_NANOS) {
            return false;
        }
        return last == null ? lastWarnings.putIfAbsent(pair, now) == null
                : lastWarnings.replace(pair, last, now);
    }

    private static RuntimeException allFailed(List<RuntimeException> failures) {
        RuntimeException primary = failures.get(0);
        for (int i = 1; i < failures.size(); i++) {
            if (failures.get(i) != primary) {
                primary.addSuppressed(failures.get(i));
            }
        }
        return primary;
    }

    private static void requireModels(List<String> models) {
        if (models.isEmpty()) {
            throw new IllegalArgumentException("Invalid models: []; expected at least one model");
        }
    }

    /**
     * A successful call.
     *
     * @param value what the attempt returned
     * @param model the model that answered
     * @param attempts every HTTP attempt made across all models, the successful one included
     * @param <T> the result type
     */
    public record Outcome<T>(T value, String model, int attempts) {}
}

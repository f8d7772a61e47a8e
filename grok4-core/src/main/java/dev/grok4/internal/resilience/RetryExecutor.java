package dev.grok4.internal.resilience;

import static java.util.Objects.requireNonNull;

import dev.grok4.Grok4Exception;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * Runs an attempt until it succeeds or {@link RetryPolicy} says the failure is final.
 *
 * <p>A final failure is thrown as is, with the earlier attempts' failures attached as
 * suppressed. The synchronous variant waits with the {@link Sleeper}; the asynchronous one
 * schedules the next attempt with {@link Sleeper#delay} and blocks no thread while waiting.
 *
 * <p><b>Streams</b> are retried only before their first chunk: the attempt for a stream must
 * return (or complete its future) once the response headers, or the first chunk, have arrived,
 * handing back the open stream. Anything that fails after that is the stream consumer's to see
 * and is never retried here.
 *
 * <p>Thread-safe; one instance serves every call of a client.
 *
 * @since 0.1
 */
public final class RetryExecutor {
    private static final System.Logger LOG = System.getLogger(RetryExecutor.class.getName());

    private final RetryPolicy policy;
    private final Sleeper sleeper;

    /** Creates an executor that waits with {@code sleeper}. */
    public RetryExecutor(RetryPolicy policy, Sleeper sleeper) {
        this.policy = requireNonNull(policy, "policy");
        this.sleeper = requireNonNull(sleeper, "sleeper");
    }

    /** Returns the policy. */
    public RetryPolicy policy() {
        return policy;
    }

    /**
     * Runs {@code attempt}, retrying retryable failures.
     *
     * @return the first successful result
     * @throws RuntimeException the final failure, earlier failures suppressed; when interrupted
     *     while waiting, the last failure with the thread's interrupt flag set again
     */
    public <T> T execute(Supplier<T> attempt) {
        return execute(attempt, RetryObserver.NONE);
    }

    /** Runs {@code attempt} as {@link #execute(Supplier)}, telling {@code observer} of retries. */
    public <T> T execute(Supplier<T> attempt, RetryObserver observer) {
        List<RuntimeException> failures = new ArrayList<>();
        while (true) {
            try {
                return attempt.get();
            } catch (RuntimeException e) {
                failures.add(e);
                Duration delay = nextDelay(e, failures.size(), observer)
                        .orElseThrow(() -> withSuppressed(e, failures));
                sleep(delay, e, failures);
            }
        }
    }

    /**
     * Runs {@code attempt} without blocking, retrying retryable failures after a scheduled
     * delay. The supplier may also throw instead of returning a failed future.
     *
     * @return a future of the first successful result, or failed with the final failure
     *     (unwrapped, earlier failures suppressed)
     */
    public <T> CompletableFuture<T> executeAsync(Supplier<CompletableFuture<T>> attempt) {
        return executeAsync(attempt, RetryObserver.NONE);
    }

    /** Runs {@code attempt} as {@link #executeAsync(Supplier)}, telling {@code observer}. */
    public <T> CompletableFuture<T> executeAsync(Supplier<CompletableFuture<T>> attempt,
            RetryObserver observer) {
        CompletableFuture<T> result = new CompletableFuture<>();
        runAsync(attempt, new ArrayList<>(), result, observer);
        return result;
    }

    private <T> void runAsync(Supplier<CompletableFuture<T>> attempt,
            List<RuntimeException> failures, CompletableFuture<T> result,
            RetryObserver observer) {
        start(attempt).whenComplete((value, error) -> {
            if (error == null) {
                result.complete(value);
                return;
            }
            RuntimeException failure = unwrap(error);
            failures.add(failure);
            Optional<Duration> delay = nextDelay(failure, failures.size(), observer);
            if (delay.isEmpty()) {
                result.completeExceptionally(withSuppressed(failure, failures));
                return;
            }
            sleeper.delay(delay.get()).whenComplete((ignored, e) -> runAsync(attempt, failures,
                    result, observer));
        });
    }

    private Optional<Duration> nextDelay(RuntimeException failure, int attemptsMade,
            RetryObserver observer) {
        Optional<Duration> delay = policy.delayBeforeRetry(failure, attemptsMade);
        if (delay.isPresent()) {
            observer.onRetry(attemptsMade + 1, failure, delay.get());
            LOG.log(Level.DEBUG, () -> "Retrying in " + Durations.format(delay.get())
                    + " (attempt " + (attemptsMade + 1) + " of " + policy.maxAttempts() + ") after "
                    + describe(failure));
        }
        return delay;
    }

    private void sleep(Duration delay, RuntimeException last, List<RuntimeException> failures) {
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            RuntimeException thrown = withSuppressed(last, failures);
            thrown.addSuppressed(e);
            throw thrown;
        }
    }

    private static <T> CompletableFuture<T> start(Supplier<CompletableFuture<T>> attempt) {
        try {
            return requireNonNull(attempt.get(), "attempt returned null");
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Hears each retry decision of one {@code execute} call. */
    @FunctionalInterface
    public interface RetryObserver {
        /** An observer that ignores retries. */
        RetryObserver NONE = (nextAttempt, failure, delay) -> {};

        /** The attempt numbered {@code nextAttempt} will start after {@code delay}. */
        void onRetry(int nextAttempt, RuntimeException failure, Duration delay);
    }

    /** Returns the last failure with the earlier ones attached as suppressed. */
    static RuntimeException withSuppressed(RuntimeException last, List<RuntimeException> all) {
        for (RuntimeException earlier : all) {
            if (earlier != last) {
                last.addSuppressed(earlier);
            }
        }
        return last;
    }

    /** Strips the wrappers {@link CompletableFuture} adds around a failure. */
    static RuntimeException unwrap(Throwable error) {
        Throwable t = error;
        while ((t instanceof CompletionException || t instanceof ExecutionException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        return t instanceof RuntimeException r ? r : new CompletionException(t);
    }

    static String describe(Throwable failure) {
        if (failure instanceof Grok4Exception e) {
            return e.kind().wireName() + (e.status() > 0 ? ", status " + e.status() : "");
        }
        return failure.getClass().getSimpleName();
    }
}

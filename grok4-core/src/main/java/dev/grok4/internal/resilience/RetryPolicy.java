package dev.grok4.internal.resilience;

import static java.util.Objects.requireNonNull;

import dev.grok4.ErrorKind;
import dev.grok4.Grok4Config;
import dev.grok4.Grok4Exception;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Decides whether a failed attempt is retried and how long to wait first.
 *
 * <p>Retryable: {@link ErrorKind#RATE_LIMITED}, {@link ErrorKind#CONNECTION},
 * {@link ErrorKind#TIMEOUT}, and {@link ErrorKind#SERVER} or
 * {@link ErrorKind#UNEXPECTED_CONTENT} with status 408, 409, 429, 500, 502, 503, 504 or 529.
 * Everything else (quota, authentication, bad request, other 4xx, non-client exceptions) is
 * final.
 *
 * <p>The wait before retry {@code n} (1-based) is drawn uniformly from {@code [d/2, d]} where
 * {@code d = min(maxDelay, baseDelay * 2^(n-1))}: half the delay is guaranteed so retries stay
 * spread out, the other half is jitter so that many clients do not retry in lockstep. When the
 * server asked for a delay ({@link Grok4Exception#retryAfter()}) that delay is used as is; when
 * it exceeds {@code maxServerDelay} the failure is final, so that a caller is not parked for
 * minutes. Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class RetryPolicy {
    private static final Set<Integer> RETRYABLE_STATUSES =
            Set.of(408, 409, 429, 500, 502, 503, 504, 529);

    private final int maxAttempts;
    private final Duration baseDelay;
    private final Duration maxDelay;
    private final Duration maxServerDelay;
    private final DoubleSupplier random;

    RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration maxServerDelay,
            DoubleSupplier random) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException(
                    "Invalid maxAttempts: " + maxAttempts + "; expected 1 or more");
        }
        this.maxAttempts = maxAttempts;
        this.baseDelay = requireNonNull(baseDelay, "baseDelay");
        this.maxDelay = requireNonNull(maxDelay, "maxDelay");
        this.maxServerDelay = requireNonNull(maxServerDelay, "maxServerDelay");
        this.random = requireNonNull(random, "random");
    }

    /**
     * Returns the policy of a configuration: {@code maxAttempts} in all (first try included),
     * {@code retryBaseDelay}, {@code retryMaxDelay} and {@code maxServerDelay}.
     */
    public static RetryPolicy from(Grok4Config config) {
        return new RetryPolicy(config.maxAttempts(), config.retryBaseDelay(),
                config.retryMaxDelay(), config.maxServerDelay(),
                () -> ThreadLocalRandom.current().nextDouble());
    }

    /** Returns a copy drawing jitter from {@code random} (values in {@code [0, 1)}); for tests. */
    RetryPolicy withRandom(DoubleSupplier random) {
        return new RetryPolicy(maxAttempts, baseDelay, maxDelay, maxServerDelay, random);
    }

    /** Returns the number of attempts in all, the first one included. */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** Returns whether a failure of this kind may succeed when the same call is sent again. */
    public static boolean isRetryable(Throwable failure) {
        if (!(failure instanceof Grok4Exception e)) {
            return false;
        }
        return switch (e.kind()) {
            case RATE_LIMITED, CONNECTION, TIMEOUT -> true;
            case SERVER, UNEXPECTED_CONTENT -> RETRYABLE_STATUSES.contains(e.status());
            default -> false;
        };
    }

    /**
     * Returns how long to wait before the next attempt, or empty when the failure is final:
     * not retryable, out of attempts, or the server asked for more than {@code maxServerDelay}.
     *
     * @param failure what the last attempt threw
     * @param attemptsMade attempts made so far, the failed one included (1 or more)
     */
    public Optional<Duration> delayBeforeRetry(Throwable failure, int attemptsMade) {
        if (attemptsMade >= maxAttempts || !isRetryable(failure)) {
            return Optional.empty();
        }
        Optional<Duration> server = ((Grok4Exception) failure).retryAfter();
        if (server.isPresent()) {
            return server.get().compareTo(maxServerDelay) > 0 ? Optional.empty() : server;
        }
        return Optional.of(backoff(attemptsMade));
    }

    /** Returns the jittered backoff before retry {@code retry} (1 for the first retry). */
    public Duration backoff(int retry) {
        Duration nominal = nominalBackoff(retry);
        long half = nominal.toNanos() / 2;
        return Duration.ofNanos(half + (long) (random.getAsDouble() * (nominal.toNanos() - half)));
    }

    /** Returns the backoff before jitter: {@code min(maxDelay, baseDelay * 2^(retry-1))}. */
    Duration nominalBackoff(int retry) {
        int doublings = Math.max(0, Math.min(retry - 1, 30));
        Duration grown = baseDelay.multipliedBy(1L << doublings);
        return grown.compareTo(maxDelay) > 0 ? maxDelay : grown;
    }
}

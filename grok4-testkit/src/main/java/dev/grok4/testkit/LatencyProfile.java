package dev.grok4.testkit;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How long the simulator waits before it writes the response headers of a chat completion.
 *
 * <p>The delay is {@code mean} plus a uniformly distributed offset in {@code [-spread,
 * +spread]}, never less than zero. Offsets come from a fixed seed and the request's sequence
 * number, so a single-threaded run sees the same delays every time. Instances are immutable and
 * thread-safe.
 *
 * @since 0.1
 */
public final class LatencyProfile {
    private static final LatencyProfile NONE = new LatencyProfile(Duration.ZERO, Duration.ZERO);
    private static final long SEED = 0x6C6174656E6379L;

    private final Duration mean;
    private final Duration spread;

    private LatencyProfile(Duration mean, Duration spread) {
        this.mean = mean;
        this.spread = spread;
    }

    /**
     * Returns a profile that adds no delay. This is the simulator's default.
     *
     * @return the shared no-delay profile
     */
    public static LatencyProfile none() {
        return NONE;
    }

    /**
     * Returns a profile whose delays are spread uniformly around a mean.
     *
     * @param mean the average delay; not negative
     * @param spread the largest deviation from the mean in either direction; not negative
     * @return the profile
     * @throws IllegalArgumentException if either duration is negative
     */
    public static LatencyProfile of(Duration mean, Duration spread) {
        requireNonNull(mean, "mean");
        requireNonNull(spread, "spread");
        if (mean.isNegative() || spread.isNegative()) {
            throw new IllegalArgumentException("mean and spread must not be negative, got mean="
                    + mean + ", spread=" + spread);
        }
        return new LatencyProfile(mean, spread);
    }

    /**
     * Returns a profile that always waits for the same time.
     *
     * @param delay the delay; not negative
     * @return the profile
     * @throws IllegalArgumentException if the delay is negative
     */
    public static LatencyProfile fixed(Duration delay) {
        return of(delay, Duration.ZERO);
    }

    /**
     * Returns the mean delay.
     *
     * @return the mean delay
     */
    public Duration mean() {
        return mean;
    }

    /**
     * Returns the largest deviation from the mean.
     *
     * @return the spread
     */
    public Duration spread() {
        return spread;
    }

    Duration delayFor(long sequence) {
        if (spread.isZero()) {
            return mean;
        }
        long spreadNanos = spread.toNanos();
        double offset = (Draws.forSequence(SEED, sequence).nextDouble() * 2 - 1) * spreadNanos;
        long nanos = Math.max(0, mean.toNanos() + (long) offset);
        return Duration.ofNanos(nanos);
    }

    @Override
    public String toString() {
        return "LatencyProfile[mean=" + mean + ", spread=" + spread + "]";
    }
}

package dev.grok4.internal.resilience;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Waits between attempts. Tests inject one that records the delays instead of waiting.
 *
 * <p>Implementations are thread-safe.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface Sleeper {
    /** Waits with {@link Thread#sleep}, and asynchronously with a delayed executor. */
    Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis());

    /**
     * Blocks the calling thread for the duration.
     *
     * @throws InterruptedException when the thread is interrupted while waiting
     */
    void sleep(Duration duration) throws InterruptedException;

    /**
     * Returns a future that completes after the duration, blocking no thread while it waits.
     * The default schedules the completion on {@link CompletableFuture#delayedExecutor}.
     */
    default CompletableFuture<Void> delay(Duration duration) {
        if (duration.isZero() || duration.isNegative()) {
            return CompletableFuture.completedFuture(null);
        }
        var executor = CompletableFuture.delayedExecutor(duration.toNanos(), TimeUnit.NANOSECONDS);
        return CompletableFuture.runAsync(() -> { }, executor);
    }
}

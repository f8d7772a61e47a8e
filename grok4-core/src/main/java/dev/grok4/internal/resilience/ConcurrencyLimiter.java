package dev.grok4.internal.resilience;

import static java.util.Objects.requireNonNull;

import dev.grok4.ErrorKind;
import dev.grok4.Grok4Config;
import dev.grok4.Grok4Exception;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * Caps the calls a client has in flight at once.
 *
 * <p>A caller past the limit queues; waiters are served first come, first served as permits
 * are released. A waiter still queued after {@code permitTimeout} fails with
 * {@link ErrorKind#LIMIT_EXCEEDED}. Waiting is a {@link CompletableFuture} completed on release
 * (timeouts are scheduled on the JDK's delayer thread), so {@link #acquireAsync()} parks no
 * thread. Thread-safe.
 *
 * @since 0.1
 */
public final class ConcurrencyLimiter {
    private final int maxConcurrent;
    private static final Duration LONGEST_WAIT = Duration.ofDays(365);

    private final Duration permitTimeout;
    private final ArrayDeque<CompletableFuture<Permit>> waiters = new ArrayDeque<>();
    private int available;

    /**
     * Creates a limiter.
     *
     * @param maxConcurrent calls allowed in flight at once, 1 or more
     * @param permitTimeout how long a caller may wait for a slot, positive
     */
    public ConcurrencyLimiter(int maxConcurrent, Duration permitTimeout) {
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException(
                    "Invalid maxConcurrent: " + maxConcurrent + "; expected 1 or more");
        }
        requireNonNull(permitTimeout, "permitTimeout");
        if (permitTimeout.isNegative() || permitTimeout.isZero()) {
            throw new IllegalArgumentException(
                    "Invalid permitTimeout: " + permitTimeout + "; expected a positive duration");
        }
        this.maxConcurrent = maxConcurrent;
        this.permitTimeout = permitTimeout;
        this.available = maxConcurrent;
    }

    /** Returns a limiter with the configured {@code maxConcurrent} and {@code permitTimeout}. */
    public static ConcurrencyLimiter from(Grok4Config config) {
        return new ConcurrencyLimiter(config.maxConcurrent(), config.permitTimeout());
    }

    /**
     * Waits for a slot, blocking the calling thread for up to {@code permitTimeout}.
     *
     * @return the permit; close it when the call (or the stream) ends
     * @throws Grok4Exception {@link ErrorKind#LIMIT_EXCEEDED} when no slot freed up in time, or
     *     when the thread was interrupted while waiting (its interrupt flag set again)
     */
    public Permit acquire() {
        CompletableFuture<Permit> future = acquireAsync();
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abandon(future);
            throw new Grok4Exception(ErrorKind.LIMIT_EXCEEDED,
                    "Interrupted while waiting for one of " + maxConcurrent + " in-flight slots",
                    e);
        } catch (ExecutionException e) {
            throw RetryExecutor.unwrap(e);
        }
    }

    /**
     * Returns a future of a slot; it fails with {@link ErrorKind#LIMIT_EXCEEDED} after
     * {@code permitTimeout}. Cancelling the future gives up the place in the queue.
     */
    public CompletableFuture<Permit> acquireAsync() {
        CompletableFuture<Permit> waiter;
        synchronized (this) {
            if (available > 0 && waiters.isEmpty()) {
                available--;
                return CompletableFuture.completedFuture(new Permit());
            }
            waiter = new CompletableFuture<>();
            waiters.add(waiter);
        }
        waiter.whenComplete((permit, error) -> {
            if (error != null) {
                remove(waiter);
            }
        });
        // Saturate: toNanos() overflows past 292 years, as with ChronoUnit.FOREVER.
        long nanos = permitTimeout.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT.toNanos()
                : permitTimeout.toNanos();
        CompletableFuture.delayedExecutor(nanos, TimeUnit.NANOSECONDS)
                .execute(() -> waiter.completeExceptionally(timeoutError()));
        return waiter;
    }

    /** Returns how many calls hold a permit now. */
    public synchronized int inFlight() {
        return maxConcurrent - available;
    }

    /** Returns how many callers are waiting for a permit now. */
    public synchronized int waiting() {
        return waiters.size();
    }

    Grok4Exception timeoutError() {
        return new Grok4Exception(ErrorKind.LIMIT_EXCEEDED, "Waited "
                + Durations.format(permitTimeout) + " for one of " + maxConcurrent
                + " in-flight slots; raise maxConcurrent or permitTimeout", null);
    }

    private synchronized void remove(CompletableFuture<Permit> waiter) {
        waiters.remove(waiter);
    }

    private void abandon(CompletableFuture<Permit> future) {
        if (!future.cancel(false)) {
            future.thenAccept(Permit::close);
        }
    }

    /** Hands the slot to the oldest live waiter, or returns it to the pool. */
    private void release() {
        while (true) {
            @Nullable CompletableFuture<Permit> next;
            synchronized (this) {
                next = waiters.poll();
                if (next == null) {
                    available++;
                    return;
                }
            }
            // Completed outside the lock: the waiter's callbacks run on this thread.
            if (next.complete(new Permit())) {
                return;
            }
        }
    }

    /**
     * One in-flight slot. {@link #close()} releases it exactly once; later calls do nothing.
     * A stream holds its permit until the stream ends. Thread-safe.
     */
    public final class Permit implements AutoCloseable {
        private final AtomicBoolean released = new AtomicBoolean();

        private Permit() {
        }

        /** Returns whether this permit has been released. */
        public boolean isReleased() {
            return released.get();
        }

        /** Releases the slot, once. */
        @Override
        public void close() {
            if (released.compareAndSet(false, true)) {
                release();
            }
        }
    }
}

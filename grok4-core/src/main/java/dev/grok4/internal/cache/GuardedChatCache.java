package dev.grok4.internal.cache;

import static java.util.Objects.requireNonNull;

import dev.grok4.model.ChatResponse;
import dev.grok4.spi.CacheFailureEvent;
import dev.grok4.spi.ChatCache;
import dev.grok4.spi.MetricsListener;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Wraps a cache so that its failures never fail a call: a failing {@code get} is a miss, a
 * failing {@code put} or {@code close} is skipped.
 *
 * <p>Each failure is counted and reported to the metrics listener. It is logged as a WARNING at
 * most once a minute per kind (operation and exception class), naming only the class, never the
 * message, key or prompt: a Redis error text can name the host and the URL's password.
 * Thread-safe.
 */
public final class GuardedChatCache implements ChatCache {
    private static final System.Logger LOG = System.getLogger(GuardedChatCache.class.getName());
    private static final Duration LOG_INTERVAL = Duration.ofMinutes(1);

    private final ChatCache delegate;
    private final MetricsListener listener;
    private final Clock clock;
    private final LongAdder failures = new LongAdder();
    private final ConcurrentHashMap<String, Instant> lastLogged = new ConcurrentHashMap<>();

    /**
     * Wraps a cache.
     *
     * @param delegate the cache to guard
     * @param listener receives one {@link CacheFailureEvent} per failure; it must not throw
     */
    public GuardedChatCache(ChatCache delegate, MetricsListener listener) {
        this(delegate, listener, Clock.systemUTC());
    }

    /** Wraps a cache, reading time from the clock to limit the warnings. */
    public GuardedChatCache(ChatCache delegate, MetricsListener listener, Clock clock) {
        this.delegate = requireNonNull(delegate, "delegate");
        this.listener = requireNonNull(listener, "listener");
        this.clock = requireNonNull(clock, "clock");
    }

    /** Returns the stored response, or empty when there is none or the store failed. */
    @Override
    public Optional<ChatResponse> get(String key) {
        try {
            Optional<ChatResponse> found = delegate.get(key);
            return found == null ? Optional.empty() : found;
        } catch (RuntimeException e) {
            failed("get", e);
            return Optional.empty();
        }
    }

    /** Stores the response, or skips it when the store fails. */
    @Override
    public void put(String key, ChatResponse response) {
        try {
            delegate.put(key, response);
        } catch (RuntimeException e) {
            failed("put", e);
        }
    }

    /** Closes the wrapped cache; a failure is logged, not thrown. */
    @Override
    public void close() {
        try {
            delegate.close();
        } catch (RuntimeException e) {
            failed("close", e);
        }
    }

    /** Returns how many operations failed since this guard was created. */
    public long failures() {
        return failures.sum();
    }

    /** Returns the guarded cache. */
    public ChatCache delegate() {
        return delegate;
    }

    private void failed(String operation, RuntimeException e) {
        failures.increment();
        String type = e.getClass().getSimpleName();
        report(operation, type);
        if (logDue(operation + "/" + e.getClass().getName())) {
            LOG.log(Level.WARNING, "Chat cache " + operation + " failed with " + type
                    + "; the call goes on without the cache. Repeats of this failure are logged"
                    + " at most once a minute.");
        }
    }

    private boolean logDue(String kind) {
        Instant now = clock.instant();
        boolean[] due = {false};
        lastLogged.compute(kind, (k, previous) -> {
            if (previous != null && now.isBefore(previous.plus(LOG_INTERVAL))) {
                return previous;
            }
            due[0] = true;
            return now;
        });
        return due[0];
    }

    private void report(String operation, String type) {
        try {
            listener.onCacheFailure(new CacheFailureEvent(operation, type));
        } catch (RuntimeException ignored) {
            // The listener is guarded by the caller; a failure here must not mask the miss.
        }
    }

    @Override
    public String toString() {
        return "GuardedChatCache[" + delegate + "]";
    }
}

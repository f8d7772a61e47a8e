package dev.grok4.internal.cache;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Sends identical calls that are in flight at the same time upstream once.
 *
 * <p>The first caller for a key (the leader) starts the call; callers arriving before it
 * completes (followers) receive the same result or the same failure. The entry is removed as the
 * call completes, before callers are told, so a caller arriving afterwards starts a new call (and
 * normally finds the answer in the cache first). Each caller gets its own future: cancelling it
 * does not cancel the shared call. Thread-safe.
 *
 * @param <K> the key type, normally the cache key
 * @param <V> the result type
 */
public final class InFlightCoalescer<K, V> {
    private final ConcurrentHashMap<K, CompletableFuture<V>> inFlight = new ConcurrentHashMap<>();

    /**
     * Joins the call in flight for the key, or starts it.
     *
     * @param key identifies identical calls
     * @param call starts the upstream call; invoked only by the leader. If it throws, or returns
     *     null, the leader and its followers fail with that error.
     * @return a future completed with the shared call's result or failure
     */
    public CompletableFuture<V> join(K key, Supplier<CompletableFuture<V>> call) {
        requireNonNull(key, "key");
        requireNonNull(call, "call");
        CompletableFuture<V> shared = new CompletableFuture<>();
        CompletableFuture<V> existing = inFlight.putIfAbsent(key, shared);
        if (existing != null) {
            return existing.copy();
        }
        start(key, shared, call);
        return shared.copy();
    }

    /** Returns how many distinct calls are in flight. */
    public int inFlightCount() {
        return inFlight.size();
    }

    private void start(K key, CompletableFuture<V> shared, Supplier<CompletableFuture<V>> call) {
        CompletableFuture<V> upstream;
        try {
            upstream = requireNonNull(call.get(), "the call returned no future");
        } catch (RuntimeException | Error e) {
            finish(key, shared, null, e);
            return;
        }
        upstream.whenComplete((value, failure) -> finish(key, shared, value, failure));
    }

    private void finish(K key, CompletableFuture<V> shared, @Nullable V value,
            @Nullable Throwable failure) {
        inFlight.remove(key, shared);
        if (failure == null) {
            shared.complete(value);
        } else {
            shared.completeExceptionally(unwrap(failure));
        }
    }

    private static Throwable unwrap(Throwable failure) {
        if (failure instanceof CompletionException && failure.getCause() != null) {
            return failure.getCause();
        }
        return failure;
    }
}

package dev.grok4.internal.cache;

import static java.util.Objects.requireNonNull;

import dev.grok4.model.ChatRequest;
import dev.grok4.model.ChatResponse;
import dev.grok4.model.ResponseSource;
import dev.grok4.spi.CacheEvent;
import dev.grok4.spi.ChatCache;
import dev.grok4.spi.MetricsListener;
import java.time.Duration;
import java.util.Optional;

/**
 * The cache step of the call path: computes the key, honours {@link ChatRequest#cacheable()},
 * reports hits and misses, marks hits as coming from the cache and stores only complete answers.
 *
 * <p>Give it a guarded cache ({@link GuardedChatCache}) so a broken store never fails a call.
 * Thread-safe when the cache and listener are.
 */
public final class ResponseCache implements AutoCloseable {
    private final ChatCache cache;
    private final boolean enabled;
    private final CacheKeys keys;
    private final MetricsListener listener;

    /**
     * Creates the cache step.
     *
     * @param cache the store, normally a {@link GuardedChatCache}
     * @param keys the client's key maker
     * @param listener receives hits and misses; must not throw (pass a guarded listener)
     */
    public ResponseCache(ChatCache cache, CacheKeys keys, MetricsListener listener) {
        this.cache = requireNonNull(cache, "cache");
        ChatCache store = cache instanceof GuardedChatCache guarded ? guarded.delegate() : cache;
        // Without a store there is nothing to share either, so identical calls are not joined.
        this.enabled = !(store instanceof NoopChatCache);
        this.keys = requireNonNull(keys, "keys");
        this.listener = requireNonNull(listener, "listener");
    }

    /** Returns whether the request may use the cache at all. */
    public boolean applies(ChatRequest request) {
        return enabled && request.cacheable();
    }

    /** Returns the key of a request sent to the resolved model. */
    public String key(ChatRequest request, String resolvedModel) {
        return keys.key(request, resolvedModel);
    }

    /**
     * Looks the request up. A hit is reported and returned with {@code source(CACHE)},
     * {@code attempts(0)}, no cost (nothing was paid) and the lookup time as its latency; a miss
     * is reported and returns empty. A request that is not cacheable returns empty and reports
     * nothing.
     */
    public Optional<ChatResponse> lookup(ChatRequest request, String resolvedModel) {
        if (!applies(request)) {
            return Optional.empty();
        }
        long start = System.nanoTime();
        Optional<ChatResponse> found = cache.get(key(request, resolvedModel));
        if (found.isEmpty()) {
            listener.onCacheMiss(new CacheEvent(resolvedModel));
            return found;
        }
        listener.onCacheHit(new CacheEvent(resolvedModel));
        return Optional.of(asHit(found.get(), Duration.ofNanos(System.nanoTime() - start)));
    }

    /**
     * Stores a response the network gave for the request, unless the request is not cacheable,
     * the response came from the cache or has no choices.
     */
    public void store(ChatRequest request, String resolvedModel, ChatResponse response) {
        if (!applies(request) || response.source() == ResponseSource.CACHE
                || response.choices().isEmpty()) {
            return;
        }
        cache.put(key(request, resolvedModel), response);
    }

    /** Returns a stored response as a cache hit. */
    public static ChatResponse asHit(ChatResponse stored, Duration latency) {
        return stored.toBuilder()
                .source(ResponseSource.CACHE)
                .attempts(0)
                .cost(null)
                .latency(latency)
                .timeToFirstToken(null)
                .build();
    }

    /** Closes the store. */
    @Override
    public void close() {
        cache.close();
    }
}

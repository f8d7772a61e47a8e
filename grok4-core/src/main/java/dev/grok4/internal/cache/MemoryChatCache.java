package dev.grok4.internal.cache;

import static java.util.Objects.requireNonNull;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.grok4.Grok4Config;
import dev.grok4.model.ChatResponse;
import dev.grok4.spi.ChatCache;
import java.time.Duration;
import java.util.Optional;

/**
 * An in-process cache on Caffeine: entries expire a fixed time after they were written, and the
 * least valuable ones are evicted beyond the size limit. Thread-safe.
 */
public final class MemoryChatCache implements ChatCache {
    private final Cache<String, ChatResponse> entries;

    /** Creates a cache with the configuration's {@code cacheTtl} and {@code cacheMaxEntries}. */
    public MemoryChatCache(Grok4Config config) {
        this(config.cacheTtl(), config.cacheMaxEntries(), Ticker.systemTicker());
    }

    /**
     * Creates a cache.
     *
     * @param ttl how long an entry lives after it was written; positive
     * @param maxEntries the most entries kept; positive
     * @param ticker the time source, {@link Ticker#systemTicker()} outside tests
     * @throws IllegalArgumentException if {@code ttl} or {@code maxEntries} is not positive
     */
    public MemoryChatCache(Duration ttl, long maxEntries, Ticker ticker) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("Invalid cacheTtl: " + ttl
                    + "; expected a positive duration");
        }
        if (maxEntries <= 0) {
            throw new IllegalArgumentException("Invalid cacheMaxEntries: " + maxEntries
                    + "; expected a positive number");
        }
        this.entries = Caffeine.newBuilder()
                .expireAfterWrite(ttl)
                .maximumSize(maxEntries)
                .ticker(requireNonNull(ticker, "ticker"))
                .build();
    }

    @Override
    public Optional<ChatResponse> get(String key) {
        return Optional.ofNullable(entries.getIfPresent(key));
    }

    @Override
    public void put(String key, ChatResponse response) {
        entries.put(requireNonNull(key, "key"), requireNonNull(response, "response"));
    }

    /** Returns the approximate number of live entries. */
    public long size() {
        entries.cleanUp();
        return entries.estimatedSize();
    }

    /** Drops every entry. */
    @Override
    public void close() {
        entries.invalidateAll();
    }

    @Override
    public String toString() {
        return "MemoryChatCache[entries=" + entries.estimatedSize() + "]";
    }
}

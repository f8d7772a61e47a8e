package dev.grok4.spi;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.grok4.internal.cache.MemoryChatCache;
import dev.grok4.internal.cache.NoopChatCache;
import dev.grok4.internal.cache.RedisChatCache;
import io.lettuce.core.RedisClient;
import java.time.Duration;

/**
 * The caches that ship with the client, for applications that build their own instead of
 * setting {@code cacheType} in the configuration, for example to share the application's Redis
 * client.
 *
 * <pre>{@code
 * ChatCache cache = ChatCaches.redis(redisClient, Duration.ofMinutes(30), "grok4:");
 * }</pre>
 *
 * <p>The Redis methods need Lettuce ({@code io.lettuce:lettuce-core} 6.x) on the class path; the
 * others do not. All returned caches are thread-safe.
 *
 * @since 0.1
 */
public final class ChatCaches {

    private ChatCaches() {}

    /**
     * Returns an in-memory cache.
     *
     * @param ttl how long an entry lives after it was written; positive
     * @param maxEntries the most entries kept; positive
     * @throws IllegalArgumentException if a value is not positive
     */
    public static ChatCache inMemory(Duration ttl, int maxEntries) {
        return new MemoryChatCache(ttl, maxEntries, Ticker.systemTicker());
    }

    /** Returns a cache that stores nothing. */
    public static ChatCache none() {
        return NoopChatCache.INSTANCE;
    }

    /**
     * Returns a Redis cache with its own Lettuce client, shut down when the cache is closed.
     *
     * @param redisUrl such as {@code redis://127.0.0.1:6379}
     * @param ttl how long an entry lives; at least a millisecond
     * @param keyPrefix prepended to every key, such as {@code grok4:}
     * @throws IllegalArgumentException if the URL or TTL is invalid
     */
    public static ChatCache redis(String redisUrl, Duration ttl, String keyPrefix) {
        return RedisChatCache.create(redisUrl, ttl, keyPrefix);
    }

    /**
     * Returns a Redis cache on the application's Lettuce client. The cache opens its own
     * connection on first use and closes it on {@link ChatCache#close()}; the client stays the
     * application's to shut down.
     *
     * @param ttl how long an entry lives; at least a millisecond
     * @param keyPrefix prepended to every key, such as {@code grok4:}
     */
    public static ChatCache redis(RedisClient client, Duration ttl, String keyPrefix) {
        return RedisChatCache.using(client, ttl, keyPrefix);
    }
}

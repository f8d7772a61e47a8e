package dev.grok4.internal.cache;

import dev.grok4.ErrorKind;
import dev.grok4.Grok4Config;
import dev.grok4.Grok4Exception;
import dev.grok4.spi.ChatCache;
import dev.grok4.spi.MetricsListener;

/** Creates the cache a configuration asks for. */
public final class CacheFactory {

    private CacheFactory() {}

    /**
     * Returns the configured cache wrapped in a {@link GuardedChatCache}: in memory, on Redis
     * (which needs Lettuce on the class path) or none.
     *
     * @param listener receives cache failures; must not throw
     * @throws Grok4Exception of kind {@code CONFIGURATION} if the Redis cache is configured but
     *     Lettuce is missing
     */
    public static GuardedChatCache create(Grok4Config config, MetricsListener listener) {
        return new GuardedChatCache(unguarded(config), listener);
    }

    private static ChatCache unguarded(Grok4Config config) {
        return switch (config.cacheType()) {
            case MEMORY -> new MemoryChatCache(config);
            case NONE -> NoopChatCache.INSTANCE;
            case REDIS -> redis(config);
        };
    }

    private static ChatCache redis(Grok4Config config) {
        try {
            Class.forName("io.lettuce.core.RedisClient", false,
                    CacheFactory.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new Grok4Exception(ErrorKind.CONFIGURATION, "Invalid cacheType: REDIS; Lettuce "
                    + "is not on the class path. Add io.lettuce:lettuce-core 6.x or use cacheType "
                    + "MEMORY", e);
        }
        return RedisChatCache.fromConfig(config);
    }
}

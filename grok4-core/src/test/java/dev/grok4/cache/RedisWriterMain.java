package dev.grok4.cache;

import dev.grok4.internal.cache.CacheKeys;
import dev.grok4.internal.cache.RedisChatCache;
import dev.grok4.model.ChatRequest;
import java.time.Duration;

/**
 * The second process of the shared-cache test: computes the cache key for a request on its own
 * and stores an answer in Redis. Arguments: the Redis URL and the answer text.
 */
public final class RedisWriterMain {
    static final String BASE_URL = "https://api.x.ai/v1";
    static final String API_KEY = "xai-two-process-key";
    static final String PROMPT = "Which process answered?";

    private RedisWriterMain() {}

    /** Stores the answer and exits 0. */
    public static void main(String[] args) {
        String key = new CacheKeys(BASE_URL, API_KEY).key(ChatRequest.ofPrompt(PROMPT), "grok-4");
        try (RedisChatCache cache = RedisChatCache.create(args[0], Duration.ofMinutes(5),
                "grok4:")) {
            cache.put(key, Responses.text(args[1]));
        }
        System.out.println("stored");
    }
}

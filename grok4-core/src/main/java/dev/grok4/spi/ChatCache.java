package dev.grok4.spi;

import dev.grok4.model.ChatResponse;
import java.util.Optional;

/**
 * A store of complete chat responses, keyed by a digest of everything in a request that can
 * change the reply.
 *
 * <p>The client computes the key (it already holds the tenant namespace), asks {@link #get}
 * before a call and {@link #put}s the response after a successful one. Implementations must be
 * thread-safe. They may throw any unchecked exception when their store fails: the client wraps
 * every cache in a guard that logs the failure and carries on as if the entry were missing, so a
 * broken cache never fails a call.
 *
 * <p>Implementations keep the server's answer (choices, usage, model); the client marks a
 * response it serves from a cache with {@code source(CACHE)} and {@code attempts(0)}.
 *
 * @since 0.1
 */
public interface ChatCache extends AutoCloseable {

    /**
     * Returns the response stored under the key, or empty when there is none or it expired.
     *
     * @param key the cache key, never null; contains no prompt text and no API key
     */
    Optional<ChatResponse> get(String key);

    /**
     * Stores a response under the key, replacing any previous one, for the cache's time to live.
     *
     * @param key the cache key, never null
     * @param response the complete response, never null
     */
    void put(String key, ChatResponse response);

    /** Releases the cache's resources; the default does nothing. Throws no checked exception. */
    @Override
    default void close() {}
}

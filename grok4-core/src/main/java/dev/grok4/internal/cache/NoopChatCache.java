package dev.grok4.internal.cache;

import dev.grok4.model.ChatResponse;
import dev.grok4.spi.ChatCache;
import java.util.Optional;

/** A cache that stores nothing, for {@code cacheType(NONE)}. Thread-safe. */
public final class NoopChatCache implements ChatCache {
    /** The shared instance. */
    public static final NoopChatCache INSTANCE = new NoopChatCache();

    private NoopChatCache() {}

    /** Returns empty. */
    @Override
    public Optional<ChatResponse> get(String key) {
        return Optional.empty();
    }

    /** Does nothing. */
    @Override
    public void put(String key, ChatResponse response) {}

    @Override
    public String toString() {
        return "NoopChatCache";
    }
}

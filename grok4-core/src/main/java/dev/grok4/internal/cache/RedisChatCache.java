package dev.grok4.internal.cache;

import static java.util.Objects.requireNonNull;

import dev.grok4.Grok4Config;
import dev.grok4.model.ChatResponse;
import dev.grok4.spi.ChatCache;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SetArgs;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A cache shared by every process that points at the same Redis, on Lettuce.
 *
 * <p>Each response is stored as JSON ({@link ChatResponseJson}) under {@code prefix + key} with
 * a time to live. The connection is opened on first use, so a client can start while Redis is
 * down; after a failed connection attempt, calls fail fast for a few seconds before the next
 * attempt. Commands fail at once while disconnected rather than queueing. Failures surface as
 * Lettuce's unchecked exceptions, which the client's {@link GuardedChatCache} turns into misses.
 *
 * <p>Lettuce is an optional dependency of the core: this class needs it on the class path, and
 * nothing else loads it. Thread-safe.
 */
public final class RedisChatCache implements ChatCache {
    private static final Duration RECONNECT_BACKOFF = Duration.ofSeconds(5);
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final Supplier<StatefulRedisConnection<String, String>> connector;
    private final @Nullable RedisClient ownedClient;
    private final boolean ownsConnection;
    private final long ttlMillis;
    private final String prefix;
    private final Object lock = new Object();
    private volatile @Nullable StatefulRedisConnection<String, String> connection;
    private volatile boolean closed;
    private long nextAttemptNanos;
    private boolean failedBefore;

    private RedisChatCache(Supplier<StatefulRedisConnection<String, String>> connector,
            @Nullable RedisClient ownedClient, boolean ownsConnection, Duration ttl,
            String prefix) {
        if (ttl.toMillis() <= 0) {
            throw new IllegalArgumentException("Invalid cacheTtl: " + ttl
                    + "; expected at least one millisecond");
        }
        this.connector = connector;
        this.ownedClient = ownedClient;
        this.ownsConnection = ownsConnection;
        this.ttlMillis = ttl.toMillis();
        this.prefix = requireNonNull(prefix, "prefix");
    }

    /**
     * Returns a cache on the configuration's {@code redisUrl}, {@code cacheTtl} and
     * {@code cacheKeyPrefix}. Returned as a {@link ChatCache} so that callers need no Lettuce
     * types.
     */
    public static ChatCache fromConfig(Grok4Config config) {
        return create(config.redisUrl(), config.cacheTtl(), config.cacheKeyPrefix());
    }

    /**
     * Returns a cache that owns a Lettuce client for the URL and shuts it down on close.
     *
     * @param redisUrl such as {@code redis://127.0.0.1:6379} or {@code rediss://:secret@host}
     * @throws IllegalArgumentException if the URL is not a Redis URL; the message does not
     *     repeat it, as it may hold a password
     */
    public static RedisChatCache create(String redisUrl, Duration ttl, String prefix) {
        RedisClient client = RedisClient.create(parse(redisUrl));
        client.setOptions(ClientOptions.builder()
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(TIMEOUT).build())
                .build());
        return new RedisChatCache(client::connect, client, true, ttl, prefix);
    }

    /**
     * Returns a cache on an application's Lettuce client. The cache opens and closes its own
     * connection; the client stays the application's to shut down.
     */
    public static RedisChatCache using(RedisClient client, Duration ttl, String prefix) {
        requireNonNull(client, "client");
        return new RedisChatCache(client::connect, null, true, ttl, prefix);
    }

    /**
     * Returns a cache on an application's open connection, which stays the application's to
     * close.
     */
    public static RedisChatCache using(StatefulRedisConnection<String, String> connection,
            Duration ttl, String prefix) {
        requireNonNull(connection, "connection");
        return new RedisChatCache(() -> connection, null, false, ttl, prefix);
    }

    @Override
    public Optional<ChatResponse> get(String key) {
        String json = commands().get(prefix + key);
        return json == null ? Optional.empty() : Optional.of(ChatResponseJson.read(json));
    }

    @Override
    public void put(String key, ChatResponse response) {
        String json = ChatResponseJson.write(requireNonNull(response, "response"));
        commands().set(prefix + requireNonNull(key, "key"), json, SetArgs.Builder.px(ttlMillis));
    }

    /** Closes the connection and the client if this cache opened them; later calls fail. */
    @Override
    public void close() {
        StatefulRedisConnection<String, String> open;
        synchronized (lock) {
            closed = true;
            open = connection;
            connection = null;
        }
        if (open != null && ownsConnection) {
            open.close();
        }
        if (ownedClient != null) {
            ownedClient.shutdown();
        }
    }

    private RedisCommands<String, String> commands() {
        StatefulRedisConnection<String, String> open = connection;
        return (open != null ? open : connect()).sync();
    }

    private StatefulRedisConnection<String, String> connect() {
        synchronized (lock) {
            StatefulRedisConnection<String, String> open = connection;
            if (open == null) {
                checkMayConnect();
                open = openConnection();
                connection = open;
            }
            return open;
        }
    }

    private void checkMayConnect() {
        if (closed) {
            throw new IllegalStateException("This Redis chat cache is closed");
        }
        if (failedBefore && System.nanoTime() - nextAttemptNanos < 0) {
            // The same exception type as the failed attempt, so the guard logs one kind.
            throw new RedisConnectionException(
                    "Redis was unreachable moments ago; waiting before the next attempt");
        }
    }

    private StatefulRedisConnection<String, String> openConnection() {
        try {
            return connector.get();
        } catch (RuntimeException e) {
            failedBefore = true;
            nextAttemptNanos = System.nanoTime() + RECONNECT_BACKOFF.toNanos();
            throw e;
        }
    }

    private static RedisURI parse(String redisUrl) {
        requireNonNull(redisUrl, "redisUrl");
        RedisURI uri;
        try {
            uri = RedisURI.create(redisUrl);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Invalid redisUrl; expected a URL such as "
                    + "redis://host:6379 or rediss://:password@host:6380");
        }
        uri.setTimeout(TIMEOUT);
        return uri;
    }

    @Override
    public String toString() {
        return "RedisChatCache[prefix=" + prefix + ", ttlMillis=" + ttlMillis + "]";
    }
}

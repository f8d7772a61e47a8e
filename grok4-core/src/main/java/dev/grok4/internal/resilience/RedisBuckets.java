package dev.grok4.internal.resilience;

import dev.grok4.ErrorKind;
import dev.grok4.Grok4Config;
import dev.grok4.Grok4Exception;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * Rate-limit buckets kept in Redis through Bucket4j's Lettuce integration, so that every
 * process calling with the same API key shares one budget.
 *
 * <p>Keys are {@code <cacheKeyPrefix>ratelimit:<fingerprint>:rpm} and {@code ...:tpm}, where the
 * fingerprint is the first 16 hex characters of the key's SHA-256: the key itself never reaches
 * Redis. Entries expire a minute after the bucket would be full again. Uses only Lettuce APIs
 * present since 6.0. Loaded only when Redis is asked for
 * and {@link RateLimiter} has checked that the optional libraries are present.
 */
final class RedisBuckets implements AutoCloseable {
    private final RedisClient client;
    private final StatefulRedisConnection<String, byte[]> connection;
    private final ProxyManager<String> buckets;

    private RedisBuckets(RedisClient client, StatefulRedisConnection<String, byte[]> connection) {
        this.client = client;
        this.connection = connection;
        this.buckets = Bucket4jLettuce.casBasedBuilder(connection)
                .expirationAfterWrite(ExpirationAfterWriteStrategy
                        .basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
                .build();
    }

    /** Returns a limiter whose buckets live in the configuration's Redis. */
    static RateLimiter limiter(Grok4Config config, @Nullable String apiKey) {
        if (apiKey == null || apiKey.isBlank()) {
            throw new Grok4Exception(ErrorKind.CONFIGURATION, "rateLimitStore REDIS needs the "
                    + "API key to name the shared buckets; set apiKey or "
                    + Grok4Config.API_KEY_ENV, null);
        }
        RedisBuckets store = connect(config.redisUrl());
        String prefix = config.cacheKeyPrefix() + "ratelimit:" + fingerprint(apiKey) + ":";
        int rpm = config.requestsPerMinute();
        int tpm = config.tokensPerMinute();
        return new RateLimiter(rpm > 0 ? store.bucket(prefix + "rpm", rpm) : null,
                tpm > 0 ? store.bucket(prefix + "tpm", tpm) : null, rpm, tpm,
                config.permitTimeout(), store);
    }

    /** Returns the first 16 hex characters of the SHA-256 of {@code apiKey}. */
    static String fingerprint(String apiKey) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(apiKey.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK provides SHA-256", e);
        }
    }

    private static RedisBuckets connect(String redisUrl) {
        RedisURI uri = RedisURI.create(redisUrl);
        RedisClient client = RedisClient.create(uri);
        // Fail a reservation at once while Redis is down instead of queueing it until reconnect.
        client.setOptions(ClientOptions.builder()
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .build());
        try {
            return new RedisBuckets(client,
                    client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE)));
        } catch (RuntimeException e) {
            client.shutdown();
            // The message names host and port only: the URL may carry a password.
            throw new Grok4Exception(ErrorKind.CONFIGURATION,
                    "Cannot reach the rate-limit Redis at " + uri.getHost() + ":" + uri.getPort()
                            + "; check redisUrl or use rateLimitStore LOCAL", e);
        }
    }

    private Bucket bucket(String key, int perMinute) {
        return buckets.builder().build(key, () -> RateLimiter.perMinute(perMinute));
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown();
    }
}

package dev.grok4.quarkus.runtime;

import dev.grok4.Grok4Config.CacheType;
import dev.grok4.Grok4Config.RateLimitStore;
import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The run-time settings of the Grok-4 client, under {@code quarkus.grok4}.
 *
 * <p>Each setting mirrors one of {@link dev.grok4.Grok4Config}, with the same default; a test
 * keeps the literal defaults here equal to core's. {@link Grok4ConfigMapper} maps them onto the
 * client builder. Durations accept {@code 10s}, {@code 5m} or ISO-8601 such as {@code PT10S}.
 *
 * @since 0.1
 */
@ConfigMapping(prefix = "quarkus.grok4")
@ConfigRoot(phase = ConfigPhase.RUN_TIME)
public interface Grok4RuntimeConfig {

    /** Whether the {@code Grok4Client} bean is active; false leaves none. Default true. */
    @WithDefault("true")
    boolean enabled();

    /** API key; absent means the {@code GROK4_API_KEY} environment variable. No default. */
    Optional<String> apiKey();

    /** Base URL ending in {@code /v1}; absent means {@code https://api.holysheep.ai/v1}. */
    Optional<String> baseUrl();

    /** Primary model name. Default {@code grok-4}. */
    @WithDefault("grok-4")
    String model();

    /** Models tried in order when the primary fails; {@code none} for none. Default grok-3. */
    @WithDefault("grok-3")
    List<String> fallbackModels();

    /** Time allowed to open a connection, a duration. Default 10s. */
    @WithDefault("10s")
    Duration connectTimeout();

    /** Time allowed for one complete HTTP exchange, a duration. Default 10m. */
    @WithDefault("10m")
    Duration requestTimeout();

    /** Whether parameters a model rejects are dropped instead of failing. Default false. */
    @WithDefault("false")
    boolean dropUnsupportedParameters();

    /** JSON file of model capabilities overriding the built-in table, a path. No default. */
    Optional<Path> capabilitiesFile();

    /** Whether streams ask the server for token usage. Default true. */
    @WithDefault("true")
    boolean streamUsage();

    /** Most requests in flight at once, a count. Default 10. */
    @WithDefault("10")
    int maxConcurrent();

    /** Longest wait for a concurrency or rate-limit permit, a duration. Default 30s. */
    @WithDefault("30s")
    Duration permitTimeout();

    /** Requests per minute, 0 for no limit. Default 0. */
    @WithDefault("0")
    int requestsPerMinute();

    /** Prompt plus output tokens per minute, 0 for no limit. Default 0. */
    @WithDefault("0")
    int tokensPerMinute();

    /** Where rate-limit buckets live, {@code local} or {@code redis}. Default local. */
    @WithDefault("local")
    RateLimitStore rateLimitStore();

    /** Retry settings. */
    Retry retry();

    /** Circuit-breaker settings. */
    CircuitBreaker circuitBreaker();

    /** Response-cache settings. */
    Cache cache();

    /** Cost settings. */
    Pricing pricing();

    /** Metrics settings. */
    Metrics metrics();

    /** Readiness-check settings. */
    Health health();

    /** How failed attempts are retried. */
    interface Retry {
        /** Attempts per model, the first try included, a count. Default 5. */
        @WithDefault("5")
        int maxAttempts();

        /** First retry delay before jitter, doubling each retry, a duration. Default 1s. */
        @WithDefault("1s")
        Duration baseDelay();

        /** Cap on the computed retry delay, a duration. Default 30s. */
        @WithDefault("30s")
        Duration maxDelay();

        /** Longest server-requested delay honoured; longer fails fast, a duration. Default 60s. */
        @WithDefault("60s")
        Duration maxServerDelay();
    }

    /** The per-model circuit breakers. */
    interface CircuitBreaker {
        /** Whether each model has a circuit breaker. Default true. */
        @WithDefault("true")
        boolean enabled();
    }

    /** The response cache. */
    interface Cache {
        /** Where responses are cached: memory, redis or none. Default memory. */
        @WithDefault("memory")
        CacheType type();

        /** How long a cached response lives, a duration. Default 1h. */
        @WithDefault("1h")
        Duration ttl();

        /** Most entries of the in-memory cache, a count. Default 10000. */
        @WithDefault("10000")
        int maxEntries();

        /** Prefix of Redis keys. Default {@code grok4:}. */
        @WithDefault("grok4:")
        String keyPrefix();

        /** Redis URL for the Redis cache and Redis rate limits. Default redis://127.0.0.1:6379. */
        @WithDefault("redis://127.0.0.1:6379")
        String redisUrl();
    }

    /** Cost figures. */
    interface Pricing {
        /** Yen per US dollar for cost figures, a rate. Default 155. */
        @WithDefault("155")
        double usdToJpy();

        /** JSON price table overriding the built-in one, a path. No default. */
        Optional<Path> file();
    }

    /** Client metrics. */
    interface Metrics {
        /** Whether the client keeps metrics, in memory and in Micrometer. Default true. */
        @WithDefault("true")
        boolean enabled();

        /** The {@code gen_ai.provider.name} metric attribute. Default {@code x_ai}. */
        @WithDefault("x_ai")
        String providerName();
    }

    /** The readiness check, present when quarkus-smallrye-health is. */
    interface Health {
        /** Whether readiness calls {@code GET /models} (result cached). Default false. */
        @WithDefault("false")
        boolean enabled();
    }
}

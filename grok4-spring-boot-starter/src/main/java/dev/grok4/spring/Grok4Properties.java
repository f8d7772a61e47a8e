package dev.grok4.spring;

import dev.grok4.Grok4Config;
import dev.grok4.Grok4Config.CacheType;
import dev.grok4.Grok4Config.RateLimitStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code grok4.*} properties: one for every setting of {@link Grok4Config}, plus the
 * starter's own switches ({@code enabled}, {@code health.*}).
 *
 * <p>Every default is read from {@link Grok4Config#defaults()}, so core stays the single source
 * of defaults. {@link Grok4PropertiesMapper} copies these onto the client builder; core
 * validates them when the client is built. Mutable JavaBean for Spring's binder; not
 * thread-safe, read once at startup.
 *
 * @since 0.1
 */
@ConfigurationProperties(Grok4Properties.PREFIX)
public class Grok4Properties {
    /** The prefix of every property. */
    public static final String PREFIX = "grok4";

    private static final Grok4Config DEFAULTS = Grok4Config.defaults();

    /** Whether to create the Grok4Client bean (boolean, default true). */
    private boolean enabled = true;

    /** API key sent as a bearer token (string, default unset: the GROK4_API_KEY variable). */
    private @Nullable String apiKey = DEFAULTS.apiKey();

    /** OpenAI-compatible API, ending in /v1 (URL, default https://api.holysheep.ai/v1). */
    private String baseUrl = DEFAULTS.baseUrl();

    /** Primary model (name, default grok-4). */
    private String model = DEFAULTS.model();

    /** Models tried in order when the primary one is unavailable (names, default grok-3). */
    private List<String> fallbackModels = new ArrayList<>(DEFAULTS.fallbackModels());

    /** Time allowed to open a connection (duration, default 10s). */
    private Duration connectTimeout = DEFAULTS.connectTimeout();

    /** Time allowed for one complete HTTP exchange (duration, default 10m). */
    private Duration requestTimeout = DEFAULTS.requestTimeout();

    /** Whether parameters a model rejects are dropped, not failing (boolean, default false). */
    private boolean dropUnsupportedParameters = DEFAULTS.dropUnsupportedParameters();

    /** JSON file of model capabilities overriding the built-in table (path, default unset). */
    private @Nullable Path capabilitiesFile = DEFAULTS.capabilitiesFile();

    /** Whether streams ask the server for token usage (boolean, default true). */
    private boolean streamUsage = DEFAULTS.streamUsage();

    /** Most requests in flight at once, a stream counting until it ends (count, default 10). */
    private int maxConcurrent = DEFAULTS.maxConcurrent();

    /** Longest wait for a concurrency or rate-limit permit (duration, default 30s). */
    private Duration permitTimeout = DEFAULTS.permitTimeout();

    /** Requests per minute, 0 for no limit (count, default 0). */
    private int requestsPerMinute = DEFAULTS.requestsPerMinute();

    /** Prompt plus output tokens per minute, 0 for no limit (count, default 0). */
    private int tokensPerMinute = DEFAULTS.tokensPerMinute();

    /** Where rate-limit buckets live (local or redis, default local). */
    private RateLimitStore rateLimitStore = DEFAULTS.rateLimitStore();

    private final Retry retry = new Retry();

    private final CircuitBreaker circuitBreaker = new CircuitBreaker();

    private final Cache cache = new Cache();

    private final Pricing pricing = new Pricing();

    private final Metrics metrics = new Metrics();

    private final Health health = new Health();

    /** Returns whether the client bean is created. */
    public boolean isEnabled() {
        return enabled;
    }

    /** Sets whether the client bean is created. */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** Returns the API key, or null to read the environment. */
    public @Nullable String getApiKey() {
        return apiKey;
    }

    /** Sets the API key. */
    public void setApiKey(@Nullable String apiKey) {
        this.apiKey = apiKey;
    }

    /** Returns the base URL. */
    public String getBaseUrl() {
        return baseUrl;
    }

    /** Sets the base URL. */
    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Returns the primary model. */
    public String getModel() {
        return model;
    }

    /** Sets the primary model. */
    public void setModel(String model) {
        this.model = model;
    }

    /** Returns the fallback models. */
    public List<String> getFallbackModels() {
        return fallbackModels;
    }

    /** Sets the fallback models; an empty list for none. */
    public void setFallbackModels(List<String> fallbackModels) {
        this.fallbackModels = fallbackModels;
    }

    /** Returns the connect timeout. */
    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    /** Sets the connect timeout. */
    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    /** Returns the timeout of one HTTP exchange. */
    public Duration getRequestTimeout() {
        return requestTimeout;
    }

    /** Sets the timeout of one HTTP exchange. */
    public void setRequestTimeout(Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    /** Returns whether rejected parameters are dropped. */
    public boolean isDropUnsupportedParameters() {
        return dropUnsupportedParameters;
    }

    /** Sets whether rejected parameters are dropped. */
    public void setDropUnsupportedParameters(boolean dropUnsupportedParameters) {
        this.dropUnsupportedParameters = dropUnsupportedParameters;
    }

    /** Returns the capabilities file, or null. */
    public @Nullable Path getCapabilitiesFile() {
        return capabilitiesFile;
    }

    /** Sets the capabilities file. */
    public void setCapabilitiesFile(@Nullable Path capabilitiesFile) {
        this.capabilitiesFile = capabilitiesFile;
    }

    /** Returns whether streams ask for usage. */
    public boolean isStreamUsage() {
        return streamUsage;
    }

    /** Sets whether streams ask for usage. */
    public void setStreamUsage(boolean streamUsage) {
        this.streamUsage = streamUsage;
    }

    /** Returns the most requests in flight. */
    public int getMaxConcurrent() {
        return maxConcurrent;
    }

    /** Sets the most requests in flight. */
    public void setMaxConcurrent(int maxConcurrent) {
        this.maxConcurrent = maxConcurrent;
    }

    /** Returns the longest wait for a permit. */
    public Duration getPermitTimeout() {
        return permitTimeout;
    }

    /** Sets the longest wait for a permit. */
    public void setPermitTimeout(Duration permitTimeout) {
        this.permitTimeout = permitTimeout;
    }

    /** Returns the requests-per-minute limit. */
    public int getRequestsPerMinute() {
        return requestsPerMinute;
    }

    /** Sets the requests-per-minute limit. */
    public void setRequestsPerMinute(int requestsPerMinute) {
        this.requestsPerMinute = requestsPerMinute;
    }

    /** Returns the tokens-per-minute limit. */
    public int getTokensPerMinute() {
        return tokensPerMinute;
    }

    /** Sets the tokens-per-minute limit. */
    public void setTokensPerMinute(int tokensPerMinute) {
        this.tokensPerMinute = tokensPerMinute;
    }

    /** Returns where rate-limit buckets live. */
    public RateLimitStore getRateLimitStore() {
        return rateLimitStore;
    }

    /** Sets where rate-limit buckets live. */
    public void setRateLimitStore(RateLimitStore rateLimitStore) {
        this.rateLimitStore = rateLimitStore;
    }

    /** Returns the {@code grok4.retry.*} properties. */
    public Retry getRetry() {
        return retry;
    }

    /** Returns the {@code grok4.circuit-breaker.*} properties. */
    public CircuitBreaker getCircuitBreaker() {
        return circuitBreaker;
    }

    /** Returns the {@code grok4.cache.*} properties. */
    public Cache getCache() {
        return cache;
    }

    /** Returns the {@code grok4.pricing.*} properties. */
    public Pricing getPricing() {
        return pricing;
    }

    /** Returns the {@code grok4.metrics.*} properties. */
    public Metrics getMetrics() {
        return metrics;
    }

    /** Returns the {@code grok4.health.*} properties. */
    public Health getHealth() {
        return health;
    }

    /** Describes the properties without the API key. */
    @Override
    public String toString() {
        return "Grok4Properties[enabled=" + enabled + ", baseUrl=" + baseUrl + ", apiKey="
                + (apiKey == null ? "unset" : "set") + ", model=" + model + "]";
    }

    /**
     * The {@code grok4.retry.*} properties.
     *
     * @since 0.1
     */
    public static class Retry {
        /** Attempts per model, the first try included (count, default 5). */
        private int maxAttempts = DEFAULTS.maxAttempts();

        /** First retry delay before jitter, doubling each retry (duration, default 1s). */
        private Duration baseDelay = DEFAULTS.retryBaseDelay();

        /** Cap on a computed retry delay (duration, default 30s). */
        private Duration maxDelay = DEFAULTS.retryMaxDelay();

        /** Longest server-requested delay slept for; longer fails fast (duration, default 60s). */
        private Duration maxServerDelay = DEFAULTS.maxServerDelay();

        /** Returns the attempts per model. */
        public int getMaxAttempts() {
            return maxAttempts;
        }

        /** Sets the attempts per model. */
        public void setMaxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
        }

        /** Returns the first retry delay. */
        public Duration getBaseDelay() {
            return baseDelay;
        }

        /** Sets the first retry delay. */
        public void setBaseDelay(Duration baseDelay) {
            this.baseDelay = baseDelay;
        }

        /** Returns the cap on computed delays. */
        public Duration getMaxDelay() {
            return maxDelay;
        }

        /** Sets the cap on computed delays. */
        public void setMaxDelay(Duration maxDelay) {
            this.maxDelay = maxDelay;
        }

        /** Returns the longest server-requested delay slept for. */
        public Duration getMaxServerDelay() {
            return maxServerDelay;
        }

        /** Sets the longest server-requested delay slept for. */
        public void setMaxServerDelay(Duration maxServerDelay) {
            this.maxServerDelay = maxServerDelay;
        }
    }

    /**
     * The {@code grok4.circuit-breaker.*} properties.
     *
     * @since 0.1
     */
    public static class CircuitBreaker {
        /** Whether each model has a circuit breaker (boolean, default true). */
        private boolean enabled = DEFAULTS.circuitBreakerEnabled();

        /** Returns whether circuit breakers are on. */
        public boolean isEnabled() {
            return enabled;
        }

        /** Sets whether circuit breakers are on. */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }

    /**
     * The {@code grok4.cache.*} properties.
     *
     * @since 0.1
     */
    public static class Cache {
        /** Where responses are cached (memory, redis or none, default memory). */
        private CacheType type = DEFAULTS.cacheType();

        /** How long a cached response lives (duration, default 1h). */
        private Duration ttl = DEFAULTS.cacheTtl();

        /** Most entries of the in-memory cache (count, default 10000). */
        private int maxEntries = DEFAULTS.cacheMaxEntries();

        /** Prefix of Redis keys (string, default grok4:). */
        private String keyPrefix = DEFAULTS.cacheKeyPrefix();

        /** Redis for cache and limits (URL, default the app's Redis or redis://127.0.0.1:6379). */
        private String redisUrl = DEFAULTS.redisUrl();

        /** Returns the cache type. */
        public CacheType getType() {
            return type;
        }

        /** Sets the cache type. */
        public void setType(CacheType type) {
            this.type = type;
        }

        /** Returns the time to live. */
        public Duration getTtl() {
            return ttl;
        }

        /** Sets the time to live. */
        public void setTtl(Duration ttl) {
            this.ttl = ttl;
        }

        /** Returns the most in-memory entries. */
        public int getMaxEntries() {
            return maxEntries;
        }

        /** Sets the most in-memory entries. */
        public void setMaxEntries(int maxEntries) {
            this.maxEntries = maxEntries;
        }

        /** Returns the Redis key prefix. */
        public String getKeyPrefix() {
            return keyPrefix;
        }

        /** Sets the Redis key prefix. */
        public void setKeyPrefix(String keyPrefix) {
            this.keyPrefix = keyPrefix;
        }

        /** Returns the Redis URL. */
        public String getRedisUrl() {
            return redisUrl;
        }

        /** Sets the Redis URL. */
        public void setRedisUrl(String redisUrl) {
            this.redisUrl = redisUrl;
        }
    }

    /**
     * The {@code grok4.pricing.*} properties.
     *
     * @since 0.1
     */
    public static class Pricing {
        /** Yen per US dollar in cost figures (rate, default 155). */
        private double usdToJpy = DEFAULTS.usdToJpy();

        /** JSON price table overriding the built-in one (path, default unset). */
        private @Nullable Path file = DEFAULTS.pricingFile();

        /** Returns yen per US dollar. */
        public double getUsdToJpy() {
            return usdToJpy;
        }

        /** Sets yen per US dollar. */
        public void setUsdToJpy(double usdToJpy) {
            this.usdToJpy = usdToJpy;
        }

        /** Returns the price table file, or null. */
        public @Nullable Path getFile() {
            return file;
        }

        /** Sets the price table file. */
        public void setFile(@Nullable Path file) {
            this.file = file;
        }
    }

    /**
     * The {@code grok4.metrics.*} properties.
     *
     * @since 0.1
     */
    public static class Metrics {
        /** Whether metrics are kept, and bound to Micrometer if present (boolean, default true). */
        private boolean enabled = DEFAULTS.metricsEnabled();

        /** The gen_ai.provider.name metric attribute (string, default x_ai). */
        private String providerName = DEFAULTS.providerName();

        /** Returns whether metrics are kept. */
        public boolean isEnabled() {
            return enabled;
        }

        /** Sets whether metrics are kept. */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /** Returns the provider name attribute. */
        public String getProviderName() {
            return providerName;
        }

        /** Sets the provider name attribute. */
        public void setProviderName(String providerName) {
            this.providerName = providerName;
        }
    }

    /**
     * The {@code grok4.health.*} properties of the Actuator health indicator.
     *
     * @since 0.1
     */
    public static class Health {
        /** Whether to add a health indicator; a check costs a request (boolean, default false). */
        private boolean enabled;

        /** How long a check's result is reused (duration, default 60s). */
        private Duration cacheTtl = Duration.ofSeconds(60);

        /** Returns whether the health indicator is contributed. */
        public boolean isEnabled() {
            return enabled;
        }

        /** Sets whether the health indicator is contributed. */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /** Returns how long a check's result is reused. */
        public Duration getCacheTtl() {
            return cacheTtl;
        }

        /** Sets how long a check's result is reused. */
        public void setCacheTtl(Duration cacheTtl) {
            this.cacheTtl = cacheTtl;
        }
    }
}

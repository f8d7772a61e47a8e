package dev.grok4.micronaut;

import dev.grok4.Grok4Config;
import dev.grok4.Grok4Config.CacheType;
import dev.grok4.Grok4Config.RateLimitStore;
import io.micronaut.context.annotation.ConfigurationProperties;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The {@code grok4.*} properties. Each starts at {@link Grok4Config#defaults()}, so a property
 * that is not set keeps core's default; {@link Grok4ConfigMapper} copies them onto the client's
 * builder, where they are validated.
 *
 * <p>Durations take Micronaut's forms ({@code 30s}, {@code 10m}, {@code PT1H}). This object is
 * mutable while the context binds it and must not leave the module's wiring.
 *
 * @since 0.1
 */
@ConfigurationProperties(Grok4Settings.PREFIX)
public class Grok4Configuration {
    private static final Grok4Config DEFAULTS = Grok4Config.defaults();

    private boolean enabled = true;
    private @Nullable String apiKey = DEFAULTS.apiKey();
    private String baseUrl = DEFAULTS.baseUrl();
    private String model = DEFAULTS.model();
    private List<String> fallbackModels = DEFAULTS.fallbackModels();
    private Duration connectTimeout = DEFAULTS.connectTimeout();
    private Duration requestTimeout = DEFAULTS.requestTimeout();
    private boolean dropUnsupportedParameters = DEFAULTS.dropUnsupportedParameters();
    private @Nullable String capabilitiesFile = pathText(DEFAULTS.capabilitiesFile());
    private boolean streamUsage = DEFAULTS.streamUsage();
    private int maxConcurrent = DEFAULTS.maxConcurrent();
    private Duration permitTimeout = DEFAULTS.permitTimeout();
    private int requestsPerMinute = DEFAULTS.requestsPerMinute();
    private int tokensPerMinute = DEFAULTS.tokensPerMinute();
    private RateLimitStore rateLimitStore = DEFAULTS.rateLimitStore();
    private Retry retry = new Retry();
    private CircuitBreaker circuitBreaker = new CircuitBreaker();
    private Cache cache = new Cache();
    private Pricing pricing = new Pricing();
    private Metrics metrics = new Metrics();
    private Health health = new Health();

    /** {@code grok4.enabled}: false removes the client bean. Default true. */
    public boolean isEnabled() {
        return enabled;
    }

    /** Sets {@code grok4.enabled}. */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** {@code grok4.api-key}: the key, or null to read {@code GROK4_API_KEY}. Never logged. */
    public @Nullable String getApiKey() {
        return apiKey;
    }

    /** Sets {@code grok4.api-key}. */
    public void setApiKey(@Nullable String apiKey) {
        this.apiKey = apiKey;
    }

    /** {@code grok4.base-url}: the endpoint, ending in {@code /v1}. */
    public String getBaseUrl() {
        return baseUrl;
    }

    /** Sets {@code grok4.base-url}. */
    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** {@code grok4.model}: the primary model. Default {@code grok-4}. */
    public String getModel() {
        return model;
    }

    /** Sets {@code grok4.model}. */
    public void setModel(String model) {
        this.model = model;
    }

    /** {@code grok4.fallback-models}: tried in order; blank entries are ignored. */
    public List<String> getFallbackModels() {
        return fallbackModels;
    }

    /** Sets {@code grok4.fallback-models}; an empty value means none. */
    public void setFallbackModels(List<String> fallbackModels) {
        this.fallbackModels = List.copyOf(fallbackModels);
    }

    /** {@code grok4.connect-timeout}: time to open a connection. Default 10 s. */
    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    /** Sets {@code grok4.connect-timeout}. */
    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    /** {@code grok4.request-timeout}: time for one HTTP exchange. Default 10 min. */
    public Duration getRequestTimeout() {
        return requestTimeout;
    }

    /** Sets {@code grok4.request-timeout}. */
    public void setRequestTimeout(Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    /** {@code grok4.drop-unsupported-parameters}: drop instead of fail. Default false. */
    public boolean isDropUnsupportedParameters() {
        return dropUnsupportedParameters;
    }

    /** Sets {@code grok4.drop-unsupported-parameters}. */
    public void setDropUnsupportedParameters(boolean dropUnsupportedParameters) {
        this.dropUnsupportedParameters = dropUnsupportedParameters;
    }

    /** {@code grok4.capabilities-file}: a JSON capability table, or null for the built-in. */
    public @Nullable String getCapabilitiesFile() {
        return capabilitiesFile;
    }

    /** Sets {@code grok4.capabilities-file}. */
    public void setCapabilitiesFile(@Nullable String capabilitiesFile) {
        this.capabilitiesFile = capabilitiesFile;
    }

    /** {@code grok4.stream-usage}: ask streams for usage. Default true. */
    public boolean isStreamUsage() {
        return streamUsage;
    }

    /** Sets {@code grok4.stream-usage}. */
    public void setStreamUsage(boolean streamUsage) {
        this.streamUsage = streamUsage;
    }

    /** {@code grok4.max-concurrent}: requests in flight at once. Default 10. */
    public int getMaxConcurrent() {
        return maxConcurrent;
    }

    /** Sets {@code grok4.max-concurrent}. */
    public void setMaxConcurrent(int maxConcurrent) {
        this.maxConcurrent = maxConcurrent;
    }

    /** {@code grok4.permit-timeout}: longest wait for a permit. Default 30 s. */
    public Duration getPermitTimeout() {
        return permitTimeout;
    }

    /** Sets {@code grok4.permit-timeout}. */
    public void setPermitTimeout(Duration permitTimeout) {
        this.permitTimeout = permitTimeout;
    }

    /** {@code grok4.requests-per-minute}: 0 means no limit. Default 0. */
    public int getRequestsPerMinute() {
        return requestsPerMinute;
    }

    /** Sets {@code grok4.requests-per-minute}. */
    public void setRequestsPerMinute(int requestsPerMinute) {
        this.requestsPerMinute = requestsPerMinute;
    }

    /** {@code grok4.tokens-per-minute}: 0 means no limit. Default 0. */
    public int getTokensPerMinute() {
        return tokensPerMinute;
    }

    /** Sets {@code grok4.tokens-per-minute}. */
    public void setTokensPerMinute(int tokensPerMinute) {
        this.tokensPerMinute = tokensPerMinute;
    }

    /** {@code grok4.rate-limit-store}: {@code local} or {@code redis}. Default local. */
    public RateLimitStore getRateLimitStore() {
        return rateLimitStore;
    }

    /** Sets {@code grok4.rate-limit-store}. */
    public void setRateLimitStore(RateLimitStore rateLimitStore) {
        this.rateLimitStore = rateLimitStore;
    }

    /** The {@code grok4.retry.*} group. */
    public Retry getRetry() {
        return retry;
    }

    /** Sets the {@code grok4.retry.*} group; called by the context. */
    public void setRetry(Retry retry) {
        this.retry = retry;
    }

    /** The {@code grok4.circuit-breaker.*} group. */
    public CircuitBreaker getCircuitBreaker() {
        return circuitBreaker;
    }

    /** Sets the {@code grok4.circuit-breaker.*} group; called by the context. */
    public void setCircuitBreaker(CircuitBreaker circuitBreaker) {
        this.circuitBreaker = circuitBreaker;
    }

    /** The {@code grok4.cache.*} group. */
    public Cache getCache() {
        return cache;
    }

    /** Sets the {@code grok4.cache.*} group; called by the context. */
    public void setCache(Cache cache) {
        this.cache = cache;
    }

    /** The {@code grok4.pricing.*} group. */
    public Pricing getPricing() {
        return pricing;
    }

    /** Sets the {@code grok4.pricing.*} group; called by the context. */
    public void setPricing(Pricing pricing) {
        this.pricing = pricing;
    }

    /** The {@code grok4.metrics.*} group. */
    public Metrics getMetrics() {
        return metrics;
    }

    /** Sets the {@code grok4.metrics.*} group; called by the context. */
    public void setMetrics(Metrics metrics) {
        this.metrics = metrics;
    }

    /** The {@code grok4.health.*} group. */
    public Health getHealth() {
        return health;
    }

    /** Sets the {@code grok4.health.*} group; called by the context. */
    public void setHealth(Health health) {
        this.health = health;
    }

    private static @Nullable String pathText(@Nullable Path path) {
        return path == null ? null : path.toString();
    }

    /**
     * {@code grok4.retry.*}: attempts and back-off per model.
     *
     * @since 0.1
     */
    @ConfigurationProperties("retry")
    public static class Retry {
        private int maxAttempts = DEFAULTS.maxAttempts();
        private Duration baseDelay = DEFAULTS.retryBaseDelay();
        private Duration maxDelay = DEFAULTS.retryMaxDelay();
        private Duration maxServerDelay = DEFAULTS.maxServerDelay();

        /** {@code max-attempts}: attempts per model, the first included. Default 5. */
        public int getMaxAttempts() {
            return maxAttempts;
        }

        /** Sets {@code max-attempts}. */
        public void setMaxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
        }

        /** {@code base-delay}: first delay before jitter, doubled per retry. Default 1 s. */
        public Duration getBaseDelay() {
            return baseDelay;
        }

        /** Sets {@code base-delay}. */
        public void setBaseDelay(Duration baseDelay) {
            this.baseDelay = baseDelay;
        }

        /** {@code max-delay}: cap on computed delays. Default 30 s. */
        public Duration getMaxDelay() {
            return maxDelay;
        }

        /** Sets {@code max-delay}. */
        public void setMaxDelay(Duration maxDelay) {
            this.maxDelay = maxDelay;
        }

        /** {@code max-server-delay}: longest {@code Retry-After} honoured. Default 60 s. */
        public Duration getMaxServerDelay() {
            return maxServerDelay;
        }

        /** Sets {@code max-server-delay}. */
        public void setMaxServerDelay(Duration maxServerDelay) {
            this.maxServerDelay = maxServerDelay;
        }
    }

    /**
     * {@code grok4.circuit-breaker.*}: the per-model circuit breakers.
     *
     * @since 0.1
     */
    @ConfigurationProperties("circuit-breaker")
    public static class CircuitBreaker {
        private boolean enabled = DEFAULTS.circuitBreakerEnabled();

        /** {@code enabled}: whether each model has a breaker. Default true. */
        public boolean isEnabled() {
            return enabled;
        }

        /** Sets {@code enabled}. */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }

    /**
     * {@code grok4.cache.*}: the response cache.
     *
     * @since 0.1
     */
    @ConfigurationProperties("cache")
    public static class Cache {
        private CacheType type = DEFAULTS.cacheType();
        private Duration ttl = DEFAULTS.cacheTtl();
        private int maxEntries = DEFAULTS.cacheMaxEntries();
        private String keyPrefix = DEFAULTS.cacheKeyPrefix();
        private String redisUrl = DEFAULTS.redisUrl();

        /** {@code type}: {@code memory}, {@code redis} or {@code none}. Default memory. */
        public CacheType getType() {
            return type;
        }

        /** Sets {@code type}. */
        public void setType(CacheType type) {
            this.type = type;
        }

        /** {@code ttl}: how long an entry lives. Default 1 h. */
        public Duration getTtl() {
            return ttl;
        }

        /** Sets {@code ttl}. */
        public void setTtl(Duration ttl) {
            this.ttl = ttl;
        }

        /** {@code max-entries}: size of the in-memory cache. Default 10,000. */
        public int getMaxEntries() {
            return maxEntries;
        }

        /** Sets {@code max-entries}. */
        public void setMaxEntries(int maxEntries) {
            this.maxEntries = maxEntries;
        }

        /** {@code key-prefix}: prefix of Redis keys. Default {@code grok4:}. */
        public String getKeyPrefix() {
            return keyPrefix;
        }

        /** Sets {@code key-prefix}. */
        public void setKeyPrefix(String keyPrefix) {
            this.keyPrefix = keyPrefix;
        }

        /** {@code redis-url}: Redis for the cache and rate limits. */
        public String getRedisUrl() {
            return redisUrl;
        }

        /** Sets {@code redis-url}. */
        public void setRedisUrl(String redisUrl) {
            this.redisUrl = redisUrl;
        }
    }

    /**
     * {@code grok4.pricing.*}: cost figures.
     *
     * @since 0.1
     */
    @ConfigurationProperties("pricing")
    public static class Pricing {
        private double usdToJpy = DEFAULTS.usdToJpy();
        private @Nullable String file = pathText(DEFAULTS.pricingFile());

        /** {@code usd-to-jpy}: yen per US dollar. Default 155. */
        public double getUsdToJpy() {
            return usdToJpy;
        }

        /** Sets {@code usd-to-jpy}. */
        public void setUsdToJpy(double usdToJpy) {
            this.usdToJpy = usdToJpy;
        }

        /** {@code file}: a JSON price table, or null for the built-in one. */
        public @Nullable String getFile() {
            return file;
        }

        /** Sets {@code file}. */
        public void setFile(@Nullable String file) {
            this.file = file;
        }
    }

    /**
     * {@code grok4.metrics.*}: the metrics snapshot and its attributes.
     *
     * @since 0.1
     */
    @ConfigurationProperties("metrics")
    public static class Metrics {
        private boolean enabled = DEFAULTS.metricsEnabled();
        private String providerName = DEFAULTS.providerName();

        /** {@code enabled}: keep the in-memory metrics snapshot. Default true. */
        public boolean isEnabled() {
            return enabled;
        }

        /** Sets {@code enabled}. */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /** {@code provider-name}: the {@code gen_ai.provider.name} attribute. Default x_ai. */
        public String getProviderName() {
            return providerName;
        }

        /** Sets {@code provider-name}. */
        public void setProviderName(String providerName) {
            this.providerName = providerName;
        }
    }

    /**
     * {@code grok4.health.*}: the health indicator, used when micronaut-management is present.
     *
     * @since 0.1
     */
    @ConfigurationProperties("health")
    public static class Health {
        private boolean enabled;

        /**
         * {@code enabled}: check the API key against the endpoint ({@code GET /models}, cached)
         * instead of reporting the configuration only. Default false.
         */
        public boolean isEnabled() {
            return enabled;
        }

        /** Sets {@code enabled}. */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }
}

package dev.grok4;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Every plain setting of a {@link Grok4Client}, with the library's defaults.
 *
 * <p>This is the single source of defaults: the Spring Boot, Quarkus and Micronaut adapters map
 * their properties onto a {@link Builder} and test that their defaults equal
 * {@link #defaults()}. Instances are immutable; derive variants with {@link #toBuilder()}.
 *
 * @since 0.1
 */
public final class Grok4Config {
    /** The default endpoint: the gateway this library's first users call Grok-4 through. */
    public static final String DEFAULT_BASE_URL = "https://api.holysheep.ai/v1";

    /** xAI's own endpoint. */
    public static final String XAI_BASE_URL = "https://api.x.ai/v1";

    /** The environment variable read when no API key is configured. */
    public static final String API_KEY_ENV = "GROK4_API_KEY";

    private static final Grok4Config DEFAULTS = new Builder().build();

    /** Where the response cache lives. */
    public enum CacheType {
        /** In this JVM, on Caffeine. */
        MEMORY,
        /** In Redis, shared by every process that uses the same Redis and key prefix. */
        REDIS,
        /** No caching. */
        NONE
    }

    /** Where the rate-limit buckets live. */
    public enum RateLimitStore {
        /** In this JVM. */
        LOCAL,
        /** In Redis, so that processes sharing an API key share its quota. */
        REDIS
    }

    private final String baseUrl;
    private final @Nullable String apiKey;
    private final String model;
    private final List<String> fallbackModels;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final boolean dropUnsupportedParameters;
    private final @Nullable Path capabilitiesFile;
    private final boolean streamUsage;
    private final int maxConcurrent;
    private final Duration permitTimeout;
    private final int requestsPerMinute;
    private final int tokensPerMinute;
    private final RateLimitStore rateLimitStore;
    private final int maxAttempts;
    private final Duration retryBaseDelay;
    private final Duration retryMaxDelay;
    private final Duration maxServerDelay;
    private final boolean circuitBreakerEnabled;
    private final CacheType cacheType;
    private final Duration cacheTtl;
    private final int cacheMaxEntries;
    private final String cacheKeyPrefix;
    private final String redisUrl;
    private final double usdToJpy;
    private final @Nullable Path pricingFile;
    private final boolean metricsEnabled;
    private final String providerName;

    private Grok4Config(Builder b) {
        this.baseUrl = b.baseUrl;
        this.apiKey = b.apiKey;
        this.model = b.model;
        this.fallbackModels = List.copyOf(b.fallbackModels);
        this.connectTimeout = b.connectTimeout;
        this.requestTimeout = b.requestTimeout;
        this.dropUnsupportedParameters = b.dropUnsupportedParameters;
        this.capabilitiesFile = b.capabilitiesFile;
        this.streamUsage = b.streamUsage;
        this.maxConcurrent = b.maxConcurrent;
        this.permitTimeout = b.permitTimeout;
        this.requestsPerMinute = b.requestsPerMinute;
        this.tokensPerMinute = b.tokensPerMinute;
        this.rateLimitStore = b.rateLimitStore;
        this.maxAttempts = b.maxAttempts;
        this.retryBaseDelay = b.retryBaseDelay;
        this.retryMaxDelay = b.retryMaxDelay;
        this.maxServerDelay = b.maxServerDelay;
        this.circuitBreakerEnabled = b.circuitBreakerEnabled;
        this.cacheType = b.cacheType;
        this.cacheTtl = b.cacheTtl;
        this.cacheMaxEntries = b.cacheMaxEntries;
        this.cacheKeyPrefix = b.cacheKeyPrefix;
        this.redisUrl = b.redisUrl;
        this.usdToJpy = b.usdToJpy;
        this.pricingFile = b.pricingFile;
        this.metricsEnabled = b.metricsEnabled;
        this.providerName = b.providerName;
    }

    /** Returns the library's defaults. */
    public static Grok4Config defaults() {
        return DEFAULTS;
    }

    /** Returns a builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns a builder holding these settings. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Base URL of an OpenAI-compatible API, ending in {@code /v1}. Default
     * {@value #DEFAULT_BASE_URL}.
     */
    public String baseUrl() {
        return baseUrl;
    }

    /**
     * The configured API key, or null to read {@value #API_KEY_ENV}. Never printed by
     * {@link #toString()}.
     */
    public @Nullable String apiKey() {
        return apiKey;
    }

    /** The primary model. Default {@code grok-4}. */
    public String model() {
        return model;
    }

    /** Models tried in order when the primary one is unavailable. Default {@code [grok-3]}. */
    public List<String> fallbackModels() {
        return fallbackModels;
    }

    /** Time allowed to open a connection. Default 10 s. */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /**
     * Time allowed for one complete HTTP exchange. Default 10 min: reasoning is slow. A stream
     * gets this long for its headers, and then this long for each wait for more of its body.
     */
    public Duration requestTimeout() {
        return requestTimeout;
    }

    /** Whether parameters a model rejects are dropped instead of failing. Default false. */
    public boolean dropUnsupportedParameters() {
        return dropUnsupportedParameters;
    }

    /** A JSON file of model capabilities that overrides the built-in table, or null. */
    public @Nullable Path capabilitiesFile() {
        return capabilitiesFile;
    }

    /** Whether streams ask for usage ({@code stream_options.include_usage}). Default true. */
    public boolean streamUsage() {
        return streamUsage;
    }

    /** Requests in flight at once, a stream counting until it ends. Default 10. */
    public int maxConcurrent() {
        return maxConcurrent;
    }

    /** Longest wait for a concurrency or rate-limit permit before failing. Default 30 s. */
    public Duration permitTimeout() {
        return permitTimeout;
    }

    /** Requests per minute; 0 means no limit. Default 0. */
    public int requestsPerMinute() {
        return requestsPerMinute;
    }

    /** Tokens per minute, prompt plus output; 0 means no limit. Default 0. */
    public int tokensPerMinute() {
        return tokensPerMinute;
    }

    /** Where rate-limit buckets live. Default {@link RateLimitStore#LOCAL}. */
    public RateLimitStore rateLimitStore() {
        return rateLimitStore;
    }

    /** Attempts per model, the first try included. Default 5. */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** First retry delay before jitter; it doubles each retry. Default 1 s. */
    public Duration retryBaseDelay() {
        return retryBaseDelay;
    }

    /** Cap on the computed retry delay. Default 30 s. */
    public Duration retryMaxDelay() {
        return retryMaxDelay;
    }

    /** Longest server-requested delay we sleep for; a longer one fails fast. Default 60 s. */
    public Duration maxServerDelay() {
        return maxServerDelay;
    }

    /** Whether each model has a circuit breaker. Default true. */
    public boolean circuitBreakerEnabled() {
        return circuitBreakerEnabled;
    }

    /** The response cache. Default {@link CacheType#MEMORY}. */
    public CacheType cacheType() {
        return cacheType;
    }

    /** How long a cached response lives. Default 1 h. */
    public Duration cacheTtl() {
        return cacheTtl;
    }

    /** Most entries the in-memory cache keeps. Default 10,000. */
    public int cacheMaxEntries() {
        return cacheMaxEntries;
    }

    /** Prefix of Redis keys. Default {@code grok4:}. */
    public String cacheKeyPrefix() {
        return cacheKeyPrefix;
    }

    /** Redis URL for the Redis cache and rate limits. Default {@code redis://127.0.0.1:6379}. */
    public String redisUrl() {
        return redisUrl;
    }

    /** Yen per US dollar for cost figures. Default 155. */
    public double usdToJpy() {
        return usdToJpy;
    }

    /** A JSON price table that overrides the built-in one, or null. */
    public @Nullable Path pricingFile() {
        return pricingFile;
    }

    /** Whether the in-memory metrics snapshot is kept. Default true. */
    public boolean metricsEnabled() {
        return metricsEnabled;
    }

    /** The {@code gen_ai.provider.name} metric attribute. Default {@code x_ai}. */
    public String providerName() {
        return providerName;
    }

    /** Describes the settings; the API key shows only as set or not set. */
    @Override
    public String toString() {
        return "Grok4Config[baseUrl=" + baseUrl + ", apiKey=" + (apiKey == null ? "unset" : "set")
                + ", model=" + model + ", fallbackModels=" + fallbackModels + ", maxConcurrent="
                + maxConcurrent + ", requestsPerMinute=" + requestsPerMinute + ", tokensPerMinute="
                + tokensPerMinute + ", maxAttempts=" + maxAttempts + ", cacheType=" + cacheType
                + "]";
    }

    /**
     * Builds a {@link Grok4Config}. Starts from the defaults. Not thread-safe.
     *
     * @since 0.1
     */
    public static final class Builder {
        private String baseUrl = DEFAULT_BASE_URL;
        private @Nullable String apiKey;
        private String model = "grok-4";
        private List<String> fallbackModels = List.of("grok-3");
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofMinutes(10);
        private boolean dropUnsupportedParameters;
        private @Nullable Path capabilitiesFile;
        private boolean streamUsage = true;
        private int maxConcurrent = 10;
        private Duration permitTimeout = Duration.ofSeconds(30);
        private int requestsPerMinute;
        private int tokensPerMinute;
        private RateLimitStore rateLimitStore = RateLimitStore.LOCAL;
        private int maxAttempts = 5;
        private Duration retryBaseDelay = Duration.ofSeconds(1);
        private Duration retryMaxDelay = Duration.ofSeconds(30);
        private Duration maxServerDelay = Duration.ofSeconds(60);
        private boolean circuitBreakerEnabled = true;
        private CacheType cacheType = CacheType.MEMORY;
        private Duration cacheTtl = Duration.ofHours(1);
        private int cacheMaxEntries = 10_000;
        private String cacheKeyPrefix = "grok4:";
        private String redisUrl = "redis://127.0.0.1:6379";
        private double usdToJpy = 155;
        private @Nullable Path pricingFile;
        private boolean metricsEnabled = true;
        private String providerName = "x_ai";

        private Builder() {}

        private Builder(Grok4Config c) {
            baseUrl = c.baseUrl;
            apiKey = c.apiKey;
            model = c.model;
            fallbackModels = c.fallbackModels;
            connectTimeout = c.connectTimeout;
            requestTimeout = c.requestTimeout;
            dropUnsupportedParameters = c.dropUnsupportedParameters;
            capabilitiesFile = c.capabilitiesFile;
            streamUsage = c.streamUsage;
            maxConcurrent = c.maxConcurrent;
            permitTimeout = c.permitTimeout;
            requestsPerMinute = c.requestsPerMinute;
            tokensPerMinute = c.tokensPerMinute;
            rateLimitStore = c.rateLimitStore;
            maxAttempts = c.maxAttempts;
            retryBaseDelay = c.retryBaseDelay;
            retryMaxDelay = c.retryMaxDelay;
            maxServerDelay = c.maxServerDelay;
            circuitBreakerEnabled = c.circuitBreakerEnabled;
            cacheType = c.cacheType;
            cacheTtl = c.cacheTtl;
            cacheMaxEntries = c.cacheMaxEntries;
            cacheKeyPrefix = c.cacheKeyPrefix;
            redisUrl = c.redisUrl;
            usdToJpy = c.usdToJpy;
            pricingFile = c.pricingFile;
            metricsEnabled = c.metricsEnabled;
            providerName = c.providerName;
        }

        /** Sets the base URL, for example {@value Grok4Config#XAI_BASE_URL}. */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = requireNonNull(baseUrl, "baseUrl").strip();
            return this;
        }

        /** Sets the API key; surrounding whitespace is trimmed, and blank means unset. */
        public Builder apiKey(@Nullable String apiKey) {
            this.apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey.strip();
            return this;
        }

        /** Sets the primary model. */
        public Builder model(String model) {
            this.model = requireNonNull(model, "model").strip();
            return this;
        }

        /** Sets the fallback models, tried in order; empty for none. */
        public Builder fallbackModels(List<String> fallbackModels) {
            this.fallbackModels = List.copyOf(fallbackModels);
            return this;
        }

        /** Sets the connect timeout. */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = requireNonNull(connectTimeout, "connectTimeout");
            return this;
        }

        /** Sets the timeout of one HTTP exchange. */
        public Builder requestTimeout(Duration requestTimeout) {
            this.requestTimeout = requireNonNull(requestTimeout, "requestTimeout");
            return this;
        }

        /** Drops parameters the model rejects instead of failing the call. */
        public Builder dropUnsupportedParameters(boolean drop) {
            this.dropUnsupportedParameters = drop;
            return this;
        }

        /** Sets a JSON file of model capabilities that overrides the built-in table. */
        public Builder capabilitiesFile(@Nullable Path capabilitiesFile) {
            this.capabilitiesFile = capabilitiesFile;
            return this;
        }

        /** Sets whether streams ask for usage; turn off for gateways that reject it. */
        public Builder streamUsage(boolean streamUsage) {
            this.streamUsage = streamUsage;
            return this;
        }

        /** Sets the most requests in flight at once. */
        public Builder maxConcurrent(int maxConcurrent) {
            this.maxConcurrent = maxConcurrent;
            return this;
        }

        /** Sets the longest wait for a concurrency or rate-limit permit. */
        public Builder permitTimeout(Duration permitTimeout) {
            this.permitTimeout = requireNonNull(permitTimeout, "permitTimeout");
            return this;
        }

        /** Sets the requests-per-minute limit; 0 for none. */
        public Builder requestsPerMinute(int requestsPerMinute) {
            this.requestsPerMinute = requestsPerMinute;
            return this;
        }

        /** Sets the tokens-per-minute limit; 0 for none. */
        public Builder tokensPerMinute(int tokensPerMinute) {
            this.tokensPerMinute = tokensPerMinute;
            return this;
        }

        /** Sets where rate-limit buckets live. */
        public Builder rateLimitStore(RateLimitStore rateLimitStore) {
            this.rateLimitStore = requireNonNull(rateLimitStore, "rateLimitStore");
            return this;
        }

        /** Sets the attempts per model, the first try included. */
        public Builder maxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
            return this;
        }

        /** Sets the first retry delay. */
        public Builder retryBaseDelay(Duration retryBaseDelay) {
            this.retryBaseDelay = requireNonNull(retryBaseDelay, "retryBaseDelay");
            return this;
        }

        /** Sets the cap on computed retry delays. */
        public Builder retryMaxDelay(Duration retryMaxDelay) {
            this.retryMaxDelay = requireNonNull(retryMaxDelay, "retryMaxDelay");
            return this;
        }

        /** Sets the longest server-requested delay to sleep for. */
        public Builder maxServerDelay(Duration maxServerDelay) {
            this.maxServerDelay = requireNonNull(maxServerDelay, "maxServerDelay");
            return this;
        }

        /** Turns the per-model circuit breakers on or off. */
        public Builder circuitBreakerEnabled(boolean enabled) {
            this.circuitBreakerEnabled = enabled;
            return this;
        }

        /** Sets the cache type. */
        public Builder cacheType(CacheType cacheType) {
            this.cacheType = requireNonNull(cacheType, "cacheType");
            return this;
        }

        /** Sets the cache time to live. */
        public Builder cacheTtl(Duration cacheTtl) {
            this.cacheTtl = requireNonNull(cacheTtl, "cacheTtl");
            return this;
        }

        /** Sets the most entries of the in-memory cache. */
        public Builder cacheMaxEntries(int cacheMaxEntries) {
            this.cacheMaxEntries = cacheMaxEntries;
            return this;
        }

        /** Sets the Redis key prefix. */
        public Builder cacheKeyPrefix(String cacheKeyPrefix) {
            this.cacheKeyPrefix = requireNonNull(cacheKeyPrefix, "cacheKeyPrefix");
            return this;
        }

        /** Sets the Redis URL, such as {@code redis://127.0.0.1:6379}. */
        public Builder redisUrl(String redisUrl) {
            this.redisUrl = requireNonNull(redisUrl, "redisUrl").strip();
            return this;
        }

        /** Sets the yen per US dollar. */
        public Builder usdToJpy(double usdToJpy) {
            this.usdToJpy = usdToJpy;
            return this;
        }

        /** Sets a JSON price table that overrides the built-in one. */
        public Builder pricingFile(@Nullable Path pricingFile) {
            this.pricingFile = pricingFile;
            return this;
        }

        /** Turns the in-memory metrics snapshot on or off. */
        public Builder metricsEnabled(boolean metricsEnabled) {
            this.metricsEnabled = metricsEnabled;
            return this;
        }

        /** Sets the {@code gen_ai.provider.name} attribute, for a gateway for example. */
        public Builder providerName(String providerName) {
            this.providerName = requireNonNull(providerName, "providerName");
            return this;
        }

        /**
         * Returns the settings.
         *
         * @throws IllegalArgumentException naming the setting, when a value is out of range
         */
        public Grok4Config build() {
            checkUrl("baseUrl", baseUrl, "http", "https");
            checkBaseUrlParts(baseUrl);
            checkUrl("redisUrl", redisUrl, "redis", "rediss");
            require(!model.isEmpty(), "model", model, "a model name such as grok-4");
            require(fallbackModels.stream().noneMatch(String::isBlank), "fallbackModels",
                    fallbackModels, "model names, none blank");
            positive("connectTimeout", connectTimeout);
            positive("requestTimeout", requestTimeout);
            require(maxConcurrent >= 1, "maxConcurrent", maxConcurrent, "at least 1");
            // The concurrency limiter needs a positive wait; zero used to pass here and then fail
            // when the client was built.
            positive("permitTimeout", permitTimeout);
            require(requestsPerMinute >= 0, "requestsPerMinute", requestsPerMinute,
                    "0 (no limit) or more");
            require(tokensPerMinute >= 0, "tokensPerMinute", tokensPerMinute,
                    "0 (no limit) or more");
            require(maxAttempts >= 1, "maxAttempts", maxAttempts, "at least 1");
            require(!retryBaseDelay.isNegative(), "retryBaseDelay", retryBaseDelay, "0 or more");
            require(retryMaxDelay.compareTo(retryBaseDelay) >= 0, "retryMaxDelay", retryMaxDelay,
                    "at least retryBaseDelay (" + retryBaseDelay + ")");
            require(!maxServerDelay.isNegative(), "maxServerDelay", maxServerDelay, "0 or more");
            positive("cacheTtl", cacheTtl);
            require(cacheMaxEntries >= 1, "cacheMaxEntries", cacheMaxEntries, "at least 1");
            require(usdToJpy > 0 && Double.isFinite(usdToJpy), "usdToJpy", usdToJpy,
                    "a positive rate such as 155");
            require(!providerName.isBlank(), "providerName", providerName, "a name such as x_ai");
            return new Grok4Config(this);
        }

        private static void positive(String name, Duration value) {
            require(!value.isNegative() && !value.isZero(), name, value, "a positive duration");
        }

        private static void require(boolean ok, String name, Object value, String expected) {
            if (!ok) {
                throw new IllegalArgumentException(
                        "Invalid " + name + ": " + value + "; expected " + expected);
            }
        }

        /**
         * Rejects parts of a base URL that would go wrong, without quoting them: a query or
         * fragment would sit in front of the appended /chat/completions, and user info is not
         * sent by the client but would show in messages and toString (it may hold a key).
         */
        private static void checkBaseUrlParts(String value) {
            URI uri = URI.create(value);
            String shown = uri.getScheme() + "://" + uri.getHost()
                    + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + uri.getRawPath();
            if (uri.getRawUserInfo() != null) {
                throw new IllegalArgumentException("Invalid baseUrl: " + shown + " has user"
                        + " info (user:password@), which is never sent; remove it and pass the"
                        + " key with apiKey");
            }
            if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw new IllegalArgumentException("Invalid baseUrl: " + shown + " is followed"
                        + " by a ?query or #fragment; expected a URL without them, such as"
                        + " https://api.x.ai/v1");
            }
        }

        private static void checkUrl(String name, String value, String... schemes) {
            URI uri;
            try {
                uri = new URI(value);
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("Invalid " + name + ": '" + value
                        + "' is not a URL; expected for example " + schemes[0] + "://host", e);
            }
            String scheme = uri.getScheme();
            boolean known = scheme != null && List.of(schemes).contains(scheme.toLowerCase());
            require(known && uri.getHost() != null, name, "'" + value + "'",
                    "an absolute " + String.join(" or ", schemes) + " URL with a host");
        }
    }
}

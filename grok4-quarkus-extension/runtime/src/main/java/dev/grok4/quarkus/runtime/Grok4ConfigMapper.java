package dev.grok4.quarkus.runtime;

import dev.grok4.Grok4Client;
import dev.grok4.Grok4Config;
import io.quarkus.runtime.configuration.ConfigurationException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps {@link Grok4RuntimeConfig} onto the core builder: the one place where Quarkus property
 * names meet core setting names. Stateless and thread-safe.
 */
final class Grok4ConfigMapper {
    static final String PREFIX = "quarkus.grok4.";

    /** Core's setting names, as its validation messages spell them, to our property names. */
    private static final Map<String, String> PROPERTIES = Map.ofEntries(
            Map.entry("baseUrl", "base-url"),
            Map.entry("apiKey", "api-key"),
            Map.entry("model", "model"),
            Map.entry("fallbackModels", "fallback-models"),
            Map.entry("connectTimeout", "connect-timeout"),
            Map.entry("requestTimeout", "request-timeout"),
            Map.entry("capabilitiesFile", "capabilities-file"),
            Map.entry("maxConcurrent", "max-concurrent"),
            Map.entry("permitTimeout", "permit-timeout"),
            Map.entry("requestsPerMinute", "requests-per-minute"),
            Map.entry("tokensPerMinute", "tokens-per-minute"),
            Map.entry("rateLimitStore", "rate-limit-store"),
            Map.entry("maxAttempts", "retry.max-attempts"),
            Map.entry("retryBaseDelay", "retry.base-delay"),
            Map.entry("retryMaxDelay", "retry.max-delay"),
            Map.entry("maxServerDelay", "retry.max-server-delay"),
            Map.entry("cacheType", "cache.type"),
            Map.entry("cacheTtl", "cache.ttl"),
            Map.entry("cacheMaxEntries", "cache.max-entries"),
            Map.entry("cacheKeyPrefix", "cache.key-prefix"),
            Map.entry("redisUrl", "cache.redis-url"),
            Map.entry("usdToJpy", "pricing.usd-to-jpy"),
            Map.entry("pricingFile", "pricing.file"),
            Map.entry("providerName", "metrics.provider-name"));

    private static final Pattern CORE_NAME = Pattern.compile("^Invalid ([A-Za-z]+)\\b");

    private Grok4ConfigMapper() {}

    /**
     * Returns a client builder holding every setting of {@code config}; absent optional values
     * keep core's defaults.
     */
    static Grok4Client.Builder toBuilder(Grok4RuntimeConfig config) {
        Grok4Client.Builder client = Grok4Client.builder();
        Grok4Config.Builder settings = client.settings();
        config.baseUrl().ifPresent(settings::baseUrl);
        settings.apiKey(config.apiKey().orElse(null))
                .model(config.model())
                .fallbackModels(fallbackModels(config.fallbackModels()))
                .connectTimeout(config.connectTimeout())
                .requestTimeout(config.requestTimeout())
                .dropUnsupportedParameters(config.dropUnsupportedParameters())
                .capabilitiesFile(config.capabilitiesFile().orElse(null))
                .streamUsage(config.streamUsage());
        limits(config, settings);
        retry(config.retry(), settings);
        cache(config.cache(), settings);
        settings.circuitBreakerEnabled(config.circuitBreaker().enabled())
                .usdToJpy(config.pricing().usdToJpy())
                .pricingFile(config.pricing().file().orElse(null))
                .metricsEnabled(config.metrics().enabled())
                .providerName(config.metrics().providerName());
        return client;
    }

    /**
     * Validates {@code config} the way core does.
     *
     * @throws ConfigurationException naming the Quarkus property, when a value is out of range
     */
    static Grok4Config validate(Grok4RuntimeConfig config) {
        try {
            return toBuilder(config).settings().build();
        } catch (IllegalArgumentException e) {
            throw renamed(e);
        }
    }

    /** Rewrites "Invalid maxConcurrent: ..." as "Invalid quarkus.grok4.max-concurrent: ...". */
    static RuntimeException renamed(IllegalArgumentException e) {
        String message = String.valueOf(e.getMessage());
        Matcher matcher = CORE_NAME.matcher(message);
        String property = matcher.find() ? PROPERTIES.get(matcher.group(1)) : null;
        if (property == null) {
            return new ConfigurationException("Invalid quarkus.grok4 configuration: " + message, e,
                    Set.of());
        }
        String name = PREFIX + property;
        String text = "Invalid " + name + message.substring(matcher.end(1));
        return new ConfigurationException(text, e, Set.of(name));
    }

    private static List<String> fallbackModels(List<String> models) {
        boolean none = models.size() == 1 && "none".equalsIgnoreCase(models.get(0).strip());
        return none ? List.of() : models.stream().map(String::strip).toList();
    }

    private static void limits(Grok4RuntimeConfig config, Grok4Config.Builder settings) {
        settings.maxConcurrent(config.maxConcurrent())
                .permitTimeout(config.permitTimeout())
                .requestsPerMinute(config.requestsPerMinute())
                .tokensPerMinute(config.tokensPerMinute())
                .rateLimitStore(config.rateLimitStore());
    }

    private static void retry(Grok4RuntimeConfig.Retry retry, Grok4Config.Builder settings) {
        settings.maxAttempts(retry.maxAttempts())
                .retryBaseDelay(retry.baseDelay())
                .retryMaxDelay(retry.maxDelay())
                .maxServerDelay(retry.maxServerDelay());
    }

    private static void cache(Grok4RuntimeConfig.Cache cache, Grok4Config.Builder settings) {
        settings.cacheType(cache.type())
                .cacheTtl(cache.ttl())
                .cacheMaxEntries(cache.maxEntries())
                .cacheKeyPrefix(cache.keyPrefix())
                .redisUrl(cache.redisUrl());
    }
}

package dev.grok4.micronaut;

import dev.grok4.Grok4Client;
import dev.grok4.Grok4Config;
import io.micronaut.context.exceptions.ConfigurationException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Copies {@link Grok4Configuration} onto core's builders, the one place where property names
 * meet core's setting names. Core validates; this class turns its errors into messages that name
 * the property to fix.
 */
final class Grok4ConfigMapper {
    /** Core's setting names, as its messages print them, and the property that sets each. */
    private static final Map<String, String> KEYS = Map.ofEntries(
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

    private static final Pattern CORE_MESSAGE = Pattern.compile("^Invalid (\\w+):(.*)$",
            Pattern.DOTALL);

    private Grok4ConfigMapper() {}

    /** Sets every plain setting of {@code settings} from {@code c}. */
    static void apply(Grok4Configuration c, Grok4Config.Builder settings) {
        settings.baseUrl(c.getBaseUrl())
                .apiKey(c.getApiKey())
                .model(c.getModel())
                .fallbackModels(withoutBlanks(c.getFallbackModels()))
                .connectTimeout(c.getConnectTimeout())
                .requestTimeout(c.getRequestTimeout())
                .dropUnsupportedParameters(c.isDropUnsupportedParameters())
                .capabilitiesFile(path(c.getCapabilitiesFile()))
                .streamUsage(c.isStreamUsage())
                .maxConcurrent(c.getMaxConcurrent())
                .permitTimeout(c.getPermitTimeout())
                .requestsPerMinute(c.getRequestsPerMinute())
                .tokensPerMinute(c.getTokensPerMinute())
                .rateLimitStore(c.getRateLimitStore());
        applyGroups(c, settings);
    }

    /** Returns the settings {@code c} describes. */
    static Grok4Config toConfig(Grok4Configuration c) {
        Grok4Config.Builder settings = Grok4Config.builder();
        apply(c, settings);
        try {
            return settings.build();
        } catch (IllegalArgumentException e) {
            throw invalid(e);
        }
    }

    /**
     * Builds the client.
     *
     * @throws ConfigurationException naming the {@code grok4.*} property, for a value core rejects
     */
    static Grok4Client build(Grok4Client.Builder builder) {
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw invalid(e);
        }
    }

    /** Rewrites "Invalid maxConcurrent: 0; ..." as "Invalid grok4.max-concurrent: 0; ...". */
    static ConfigurationException invalid(IllegalArgumentException e) {
        String message = String.valueOf(e.getMessage());
        Matcher m = CORE_MESSAGE.matcher(message);
        String key = m.matches() ? KEYS.get(m.group(1)) : null;
        if (key == null) {
            return new ConfigurationException("Invalid " + Grok4Settings.PREFIX
                    + " configuration: " + message, e);
        }
        return new ConfigurationException(
                "Invalid " + Grok4Settings.PREFIX + "." + key + ":" + m.group(2), e);
    }

    private static void applyGroups(Grok4Configuration c, Grok4Config.Builder settings) {
        Grok4Configuration.Retry retry = c.getRetry();
        Grok4Configuration.Cache cache = c.getCache();
        settings.maxAttempts(retry.getMaxAttempts())
                .retryBaseDelay(retry.getBaseDelay())
                .retryMaxDelay(retry.getMaxDelay())
                .maxServerDelay(retry.getMaxServerDelay())
                .circuitBreakerEnabled(c.getCircuitBreaker().isEnabled())
                .cacheType(cache.getType())
                .cacheTtl(cache.getTtl())
                .cacheMaxEntries(cache.getMaxEntries())
                .cacheKeyPrefix(cache.getKeyPrefix())
                .redisUrl(cache.getRedisUrl())
                .usdToJpy(c.getPricing().getUsdToJpy())
                .pricingFile(path(c.getPricing().getFile()))
                .metricsEnabled(c.getMetrics().isEnabled())
                .providerName(c.getMetrics().getProviderName());
    }

    // An empty property value binds as one blank entry; "none" is what the user meant.
    private static List<String> withoutBlanks(List<String> models) {
        return models.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static @Nullable Path path(@Nullable String value) {
        return value == null || value.isBlank() ? null : Path.of(value.strip());
    }
}

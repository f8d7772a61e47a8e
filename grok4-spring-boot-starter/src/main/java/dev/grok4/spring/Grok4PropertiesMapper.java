package dev.grok4.spring;

import dev.grok4.ErrorKind;
import dev.grok4.Grok4Client;
import dev.grok4.Grok4Config;
import dev.grok4.Grok4Exception;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Maps {@link Grok4Properties} onto a {@link Grok4Client.Builder}, and turns core's validation
 * errors, which name a setting such as {@code maxConcurrent}, into errors naming the property,
 * such as {@code grok4.max-concurrent}. Stateless.
 */
final class Grok4PropertiesMapper {
    private static final Map<String, String> PROPERTY_BY_SETTING = propertyBySetting();

    private static final Pattern FIRST_SETTING = Pattern.compile("Invalid (\\w+)");

    private static final Pattern OTHER_SETTING = Pattern.compile("\\b("
            + String.join("|", PROPERTY_BY_SETTING.keySet().stream()
                    .filter(name -> !name.equals(name.toLowerCase(Locale.ROOT))).toList())
            + ")\\b");

    // A Redis URL may carry a password; core quotes rejected URLs whole.
    private static final Pattern URL_CREDENTIALS = Pattern.compile("//[^/@\\s']*@");

    private Grok4PropertiesMapper() {}

    /**
     * Copies every property onto the settings of {@code builder}.
     *
     * @param applicationRedisUrl the application's own Redis, used when
     *     {@code grok4.cache.redis-url} is not set; null for none
     * @throws InvalidGrok4PropertyException when a required property has no value
     */
    static void apply(Grok4Properties p, @Nullable String applicationRedisUrl,
            Grok4Client.Builder builder) {
        try {
            copy(p, applicationRedisUrl, builder.settings());
        } catch (NullPointerException e) {
            throw invalid(e, "Invalid " + e.getMessage() + ": no value; expected a value");
        }
    }

    /**
     * Builds the client.
     *
     * @throws InvalidGrok4PropertyException naming the property, when core rejects a value or
     *     cannot use it (a Redis that cannot be reached, for example)
     */
    static Grok4Client build(Grok4Client.Builder builder) {
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw invalid(e, String.valueOf(e.getMessage()));
        } catch (Grok4Exception e) {
            if (e.kind() != ErrorKind.CONFIGURATION) {
                throw e;
            }
            throw invalid(e, String.valueOf(e.getMessage()));
        }
    }

    /** Returns the property of a core setting, or {@code grok4.<setting>} for an unknown one. */
    static String propertyOf(String setting) {
        return PROPERTY_BY_SETTING.getOrDefault(setting, Grok4Properties.PREFIX + "." + setting);
    }

    private static void copy(Grok4Properties p, @Nullable String applicationRedisUrl,
            Grok4Config.Builder s) {
        s.apiKey(p.getApiKey()).baseUrl(p.getBaseUrl()).model(p.getModel())
                .fallbackModels(p.getFallbackModels()).connectTimeout(p.getConnectTimeout())
                .requestTimeout(p.getRequestTimeout())
                .dropUnsupportedParameters(p.isDropUnsupportedParameters())
                .capabilitiesFile(p.getCapabilitiesFile()).streamUsage(p.isStreamUsage());
        s.maxConcurrent(p.getMaxConcurrent()).permitTimeout(p.getPermitTimeout())
                .requestsPerMinute(p.getRequestsPerMinute())
                .tokensPerMinute(p.getTokensPerMinute()).rateLimitStore(p.getRateLimitStore());
        copyNested(p, applicationRedisUrl, s);
    }

    private static void copyNested(Grok4Properties p, @Nullable String applicationRedisUrl,
            Grok4Config.Builder s) {
        Grok4Properties.Retry retry = p.getRetry();
        s.maxAttempts(retry.getMaxAttempts()).retryBaseDelay(retry.getBaseDelay())
                .retryMaxDelay(retry.getMaxDelay()).maxServerDelay(retry.getMaxServerDelay())
                .circuitBreakerEnabled(p.getCircuitBreaker().isEnabled());
        Grok4Properties.Cache cache = p.getCache();
        s.cacheType(cache.getType()).cacheTtl(cache.getTtl()).cacheMaxEntries(cache.getMaxEntries())
                .cacheKeyPrefix(cache.getKeyPrefix())
                .redisUrl(applicationRedisUrl != null ? applicationRedisUrl : cache.getRedisUrl());
        s.usdToJpy(p.getPricing().getUsdToJpy()).pricingFile(p.getPricing().getFile())
                .metricsEnabled(p.getMetrics().isEnabled())
                .providerName(p.getMetrics().getProviderName());
    }

    private static InvalidGrok4PropertyException invalid(RuntimeException e, String coreMessage) {
        Matcher first = FIRST_SETTING.matcher(coreMessage);
        boolean invalid = first.lookingAt();
        String named = invalid ? "Invalid " + propertyOf(first.group(1))
                + coreMessage.substring(first.end()) : coreMessage;
        // Only camel-case names are replaced in the rest: "model" is also an ordinary word.
        Matcher other = OTHER_SETTING.matcher(named);
        String property = invalid ? propertyOf(first.group(1))
                : other.find() ? propertyOf(other.group(1)) : Grok4Properties.PREFIX;
        String message = other.replaceAll(r -> propertyOf(r.group(1)));
        String masked = URL_CREDENTIALS.matcher(message).replaceAll("//***@");
        return new InvalidGrok4PropertyException(property, masked, e);
    }

    private static Map<String, String> propertyBySetting() {
        Map<String, String> map = new LinkedHashMap<>();
        for (String setting : new String[] {"apiKey", "baseUrl", "model", "fallbackModels",
                "connectTimeout", "requestTimeout", "dropUnsupportedParameters",
                "capabilitiesFile", "streamUsage", "maxConcurrent", "permitTimeout",
                "requestsPerMinute", "tokensPerMinute", "rateLimitStore"}) {
            map.put(setting, Grok4Properties.PREFIX + "." + kebab(setting));
        }
        map.put("maxAttempts", "grok4.retry.max-attempts");
        map.put("retryBaseDelay", "grok4.retry.base-delay");
        map.put("retryMaxDelay", "grok4.retry.max-delay");
        map.put("maxServerDelay", "grok4.retry.max-server-delay");
        map.put("circuitBreakerEnabled", "grok4.circuit-breaker.enabled");
        map.put("cacheType", "grok4.cache.type");
        map.put("cacheTtl", "grok4.cache.ttl");
        map.put("cacheMaxEntries", "grok4.cache.max-entries");
        map.put("cacheKeyPrefix", "grok4.cache.key-prefix");
        map.put("redisUrl", "grok4.cache.redis-url");
        map.put("usdToJpy", "grok4.pricing.usd-to-jpy");
        map.put("pricingFile", "grok4.pricing.file");
        map.put("metricsEnabled", "grok4.metrics.enabled");
        map.put("providerName", "grok4.metrics.provider-name");
        return Map.copyOf(map);
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}

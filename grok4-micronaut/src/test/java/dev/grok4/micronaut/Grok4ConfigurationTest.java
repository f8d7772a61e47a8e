package dev.grok4.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import dev.grok4.Grok4Config;
import dev.grok4.Grok4Config.CacheType;
import dev.grok4.Grok4Config.RateLimitStore;
import io.micronaut.context.ApplicationContext;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Grok4ConfigurationTest {
    /** Every grok4.* property, each with a value that is not core's default. */
    static final Map<String, Object> EVERY_PROPERTY = Map.ofEntries(
            Map.entry("grok4.enabled", "false"),
            Map.entry("grok4.api-key", "xai-binding-test"),
            Map.entry("grok4.base-url", "http://127.0.0.1:9/v1"),
            Map.entry("grok4.model", "grok-4-fast"),
            Map.entry("grok4.fallback-models", "grok-3-mini,grok-2"),
            Map.entry("grok4.connect-timeout", "3s"),
            Map.entry("grok4.request-timeout", "2m"),
            Map.entry("grok4.drop-unsupported-parameters", "true"),
            Map.entry("grok4.capabilities-file", "/etc/grok4/capabilities.json"),
            Map.entry("grok4.stream-usage", "false"),
            Map.entry("grok4.max-concurrent", "3"),
            Map.entry("grok4.permit-timeout", "5s"),
            Map.entry("grok4.requests-per-minute", "60"),
            Map.entry("grok4.tokens-per-minute", "1000"),
            Map.entry("grok4.rate-limit-store", "redis"),
            Map.entry("grok4.retry.max-attempts", "2"),
            Map.entry("grok4.retry.base-delay", "200ms"),
            Map.entry("grok4.retry.max-delay", "2s"),
            Map.entry("grok4.retry.max-server-delay", "7s"),
            Map.entry("grok4.circuit-breaker.enabled", "false"),
            Map.entry("grok4.cache.type", "none"),
            Map.entry("grok4.cache.ttl", "5m"),
            Map.entry("grok4.cache.max-entries", "50"),
            Map.entry("grok4.cache.key-prefix", "app:"),
            Map.entry("grok4.cache.redis-url", "redis://127.0.0.1:6390"),
            Map.entry("grok4.pricing.usd-to-jpy", "150.5"),
            Map.entry("grok4.pricing.file", "/etc/grok4/prices.json"),
            Map.entry("grok4.metrics.enabled", "false"),
            Map.entry("grok4.metrics.provider-name", "gateway"),
            Map.entry("grok4.health.enabled", "true"));

    @Test
    void defaultsEqualCoreDefaults() {
        try (ApplicationContext context = ApplicationContext.run()) {
            Grok4Configuration configuration = context.getBean(Grok4Configuration.class);

            Grok4Config mapped = Grok4ConfigMapper.toConfig(configuration);

            for (Method accessor : settingAccessors()) {
                assertThat(invoke(accessor, mapped)).as(accessor.getName())
                        .isEqualTo(invoke(accessor, Grok4Config.defaults()));
            }
            assertThat(configuration.isEnabled()).isTrue();
            assertThat(configuration.getHealth().isEnabled()).isFalse();
        }
    }

    @Test
    void bindsEveryProperty() {
        try (ApplicationContext context = ApplicationContext.run(EVERY_PROPERTY)) {
            Grok4Configuration configuration = context.getBean(Grok4Configuration.class);

            Grok4Config c = Grok4ConfigMapper.toConfig(configuration);

            assertThat(c.apiKey()).isEqualTo("xai-binding-test");
            assertThat(c.baseUrl()).isEqualTo("http://127.0.0.1:9/v1");
            assertThat(c.model()).isEqualTo("grok-4-fast");
            assertThat(c.fallbackModels()).containsExactly("grok-3-mini", "grok-2");
            assertThat(c.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
            assertThat(c.requestTimeout()).isEqualTo(Duration.ofMinutes(2));
            assertThat(c.dropUnsupportedParameters()).isTrue();
            assertThat(c.capabilitiesFile()).isEqualTo(Path.of("/etc/grok4/capabilities.json"));
            assertThat(c.streamUsage()).isFalse();
            assertThat(c.maxConcurrent()).isEqualTo(3);
            assertThat(c.permitTimeout()).isEqualTo(Duration.ofSeconds(5));
            assertThat(c.requestsPerMinute()).isEqualTo(60);
            assertThat(c.tokensPerMinute()).isEqualTo(1000);
            assertThat(c.rateLimitStore()).isEqualTo(RateLimitStore.REDIS);
            assertThat(c.maxAttempts()).isEqualTo(2);
            assertThat(c.retryBaseDelay()).isEqualTo(Duration.ofMillis(200));
            assertThat(c.retryMaxDelay()).isEqualTo(Duration.ofSeconds(2));
            assertThat(c.maxServerDelay()).isEqualTo(Duration.ofSeconds(7));
            assertThat(c.circuitBreakerEnabled()).isFalse();
            assertThat(c.cacheType()).isEqualTo(CacheType.NONE);
            assertThat(c.cacheTtl()).isEqualTo(Duration.ofMinutes(5));
            assertThat(c.cacheMaxEntries()).isEqualTo(50);
            assertThat(c.cacheKeyPrefix()).isEqualTo("app:");
            assertThat(c.redisUrl()).isEqualTo("redis://127.0.0.1:6390");
            assertThat(c.usdToJpy()).isEqualTo(150.5);
            assertThat(c.pricingFile()).isEqualTo(Path.of("/etc/grok4/prices.json"));
            assertThat(c.metricsEnabled()).isFalse();
            assertThat(c.providerName()).isEqualTo("gateway");
            assertThat(configuration.isEnabled()).isFalse();
            assertThat(configuration.getHealth().isEnabled()).isTrue();
        }
    }

    @Test
    void everyCoreSettingHasAProperty() {
        try (ApplicationContext context = ApplicationContext.run(EVERY_PROPERTY)) {
            Grok4Config bound = Grok4ConfigMapper.toConfig(
                    context.getBean(Grok4Configuration.class));

            // A setting core adds later keeps its default here until the module maps it.
            for (Method accessor : settingAccessors()) {
                assertThat(invoke(accessor, bound)).as(accessor.getName())
                        .isNotEqualTo(invoke(accessor, Grok4Config.defaults()));
            }
        }
    }

    @Test
    void emptyFallbackModelsMeansNone() {
        Map<String, Object> properties = Map.of("grok4.fallback-models", "");

        try (ApplicationContext context = ApplicationContext.run(properties)) {
            Grok4Config c = Grok4ConfigMapper.toConfig(context.getBean(Grok4Configuration.class));

            assertThat(c.fallbackModels()).isEmpty();
        }
    }

    static List<Method> settingAccessors() {
        return Arrays.stream(Grok4Config.class.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()))
                .filter(m -> !Modifier.isStatic(m.getModifiers()))
                .filter(m -> m.getParameterCount() == 0)
                .filter(m -> !List.of("toBuilder", "toString", "hashCode").contains(m.getName()))
                .toList();
    }

    private static Object invoke(Method accessor, Grok4Config config) {
        try {
            return accessor.invoke(config);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(accessor.getName(), e);
        }
    }
}

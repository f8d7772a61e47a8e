package dev.grok4.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.grok4.Grok4Client;
import dev.grok4.Grok4Config;
import dev.grok4.Grok4Config.CacheType;
import dev.grok4.Grok4Config.RateLimitStore;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every quarkus.grok4 property reaches the injected client's settings. */
class Grok4BindingTest {
    /**
     * The client reads these files when it is built, so they must exist. Fixed paths,
     * because this class is loaded twice (JUnit's and the application's class loader).
     */
    private static final Path CAPABILITIES = write("target/grok4-binding-capabilities.json",
            "{\"models\":{\"grok-4-fast\":{\"unsupported\":[\"stop\"]}}}");
    private static final Path PRICES = write("target/grok4-binding-prices.json",
            "{\"models\":[{\"model\":\"grok-4-fast\",\"input\":0.2,\"output\":0.5}]}");

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withEmptyApplication()
            .overrideConfigKey("quarkus.grok4.base-url", "http://127.0.0.1:9/v1")
            .overrideConfigKey("quarkus.grok4.api-key", "xai-binding-test-key")
            .overrideConfigKey("quarkus.grok4.model", "grok-4-fast")
            .overrideConfigKey("quarkus.grok4.fallback-models", "grok-3,grok-3-mini")
            .overrideConfigKey("quarkus.grok4.connect-timeout", "3s")
            .overrideConfigKey("quarkus.grok4.request-timeout", "PT2M")
            .overrideConfigKey("quarkus.grok4.drop-unsupported-parameters", "true")
            .overrideConfigKey("quarkus.grok4.capabilities-file", CAPABILITIES.toString())
            .overrideConfigKey("quarkus.grok4.stream-usage", "false")
            .overrideConfigKey("quarkus.grok4.max-concurrent", "3")
            .overrideConfigKey("quarkus.grok4.permit-timeout", "5s")
            .overrideConfigKey("quarkus.grok4.requests-per-minute", "60")
            .overrideConfigKey("quarkus.grok4.tokens-per-minute", "90000")
            .overrideConfigKey("quarkus.grok4.rate-limit-store", "LOCAL")
            .overrideConfigKey("quarkus.grok4.retry.max-attempts", "2")
            .overrideConfigKey("quarkus.grok4.retry.base-delay", "200ms")
            .overrideConfigKey("quarkus.grok4.retry.max-delay", "4s")
            .overrideConfigKey("quarkus.grok4.retry.max-server-delay", "20s")
            .overrideConfigKey("quarkus.grok4.circuit-breaker.enabled", "false")
            .overrideConfigKey("quarkus.grok4.cache.type", "none")
            .overrideConfigKey("quarkus.grok4.cache.ttl", "15m")
            .overrideConfigKey("quarkus.grok4.cache.max-entries", "50")
            .overrideConfigKey("quarkus.grok4.cache.key-prefix", "app:")
            .overrideConfigKey("quarkus.grok4.cache.redis-url", "redis://127.0.0.1:6380")
            .overrideConfigKey("quarkus.grok4.pricing.usd-to-jpy", "150.5")
            .overrideConfigKey("quarkus.grok4.pricing.file", PRICES.toString())
            .overrideConfigKey("quarkus.grok4.metrics.enabled", "false")
            .overrideConfigKey("quarkus.grok4.metrics.provider-name", "holysheep");

    @Inject
    Grok4Client client;

    private static Path write(String name, String json) {
        try {
            return Files.writeString(Path.of(name).toAbsolutePath(), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void endpointAndModels() {
        Grok4Config config = client.config();

        assertThat(config.baseUrl()).isEqualTo("http://127.0.0.1:9/v1");
        assertThat(config.apiKey()).isEqualTo("xai-binding-test-key");
        assertThat(config.model()).isEqualTo("grok-4-fast");
        assertThat(config.fallbackModels()).containsExactly("grok-3", "grok-3-mini");
        assertThat(config.dropUnsupportedParameters()).isTrue();
        assertThat(config.capabilitiesFile()).isEqualTo(CAPABILITIES);
        assertThat(config.streamUsage()).isFalse();
    }

    @Test
    void timeoutsLimitsAndRetries() {
        Grok4Config config = client.config();

        assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(config.requestTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(config.maxConcurrent()).isEqualTo(3);
        assertThat(config.permitTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.requestsPerMinute()).isEqualTo(60);
        assertThat(config.tokensPerMinute()).isEqualTo(90_000);
        // REDIS would need Lettuce and a server to build the client; LOCAL in capitals at least
        // shows the enum converter at work.
        assertThat(config.rateLimitStore()).isEqualTo(RateLimitStore.LOCAL);
        assertThat(config.maxAttempts()).isEqualTo(2);
        assertThat(config.retryBaseDelay()).isEqualTo(Duration.ofMillis(200));
        assertThat(config.retryMaxDelay()).isEqualTo(Duration.ofSeconds(4));
        assertThat(config.maxServerDelay()).isEqualTo(Duration.ofSeconds(20));
        assertThat(config.circuitBreakerEnabled()).isFalse();
    }

    @Test
    void cachePricingAndMetrics() {
        Grok4Config config = client.config();

        assertThat(config.cacheType()).isEqualTo(CacheType.NONE);
        assertThat(config.cacheTtl()).isEqualTo(Duration.ofMinutes(15));
        assertThat(config.cacheMaxEntries()).isEqualTo(50);
        assertThat(config.cacheKeyPrefix()).isEqualTo("app:");
        assertThat(config.redisUrl()).isEqualTo("redis://127.0.0.1:6380");
        assertThat(config.usdToJpy()).isEqualTo(150.5);
        assertThat(config.pricingFile()).isEqualTo(PRICES);
        assertThat(config.metricsEnabled()).isFalse();
        assertThat(config.providerName()).isEqualTo("holysheep");
    }

    @Test
    void keyStaysOutOfDescriptions() {
        assertThat(client.toString()).doesNotContain("xai-binding-test-key");
        assertThat(client.config().toString()).doesNotContain("xai-binding-test-key");
        assertThat(List.of(client.config().toString())).allMatch(s -> s.contains("apiKey=set"));
    }
}

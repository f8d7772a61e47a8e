package dev.grok4.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.grok4.Grok4Client;
import dev.grok4.Grok4Config;
import dev.grok4.Grok4Config.CacheType;
import dev.grok4.Grok4Config.RateLimitStore;
import dev.grok4.testkit.Grok4Simulator;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

class Grok4AutoConfigurationTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(Grok4AutoConfiguration.class));

    @Test
    void createsAClientWithCoreDefaults() {
        runner.run(context -> {
            Grok4Config config = context.getBean(Grok4Client.class).config();

            for (var accessor : Grok4PropertiesDefaultsTest.settingAccessors()) {
                assertThat(accessor.invoke(config)).as(accessor.getName())
                        .isEqualTo(accessor.invoke(Grok4Config.defaults()));
            }
        });
    }

    @Test
    void bindsEveryPropertyOntoTheClient(@TempDir Path dir) throws Exception {
        try (RedisServer redis = RedisServer.start()) {
            bindsEveryProperty(dir, redis.url());
        }
    }

    private void bindsEveryProperty(Path dir, String redisUrl) throws IOException {
        Path capabilities = Files.writeString(dir.resolve("capabilities.json"),
                "{\"models\": {\"grok-4\": {\"unsupported\": [\"stop\"]}}}");
        Path prices = Files.writeString(dir.resolve("prices.json"),
                "{\"models\": [{\"model\": \"grok-4\", \"input\": 3.0, \"output\": 15.0}]}");

        runner.withPropertyValues("grok4.api-key=xai-TESTSECRET-9f3b2c",
                "grok4.base-url=http://127.0.0.1:9/v1", "grok4.model=grok-4-fast",
                "grok4.fallback-models=grok-3-mini,grok-2", "grok4.connect-timeout=3s",
                "grok4.request-timeout=2m", "grok4.drop-unsupported-parameters=true",
                "grok4.capabilities-file=" + capabilities, "grok4.stream-usage=false",
                "grok4.max-concurrent=3", "grok4.permit-timeout=250ms",
                "grok4.requests-per-minute=60", "grok4.tokens-per-minute=90000",
                "grok4.rate-limit-store=redis", "grok4.retry.max-attempts=2",
                "grok4.retry.base-delay=200ms", "grok4.retry.max-delay=5s",
                "grok4.retry.max-server-delay=7s", "grok4.circuit-breaker.enabled=false",
                "grok4.cache.type=none", "grok4.cache.ttl=5m", "grok4.cache.max-entries=42",
                "grok4.cache.key-prefix=app1:", "grok4.cache.redis-url=" + redisUrl,
                "grok4.pricing.usd-to-jpy=148.5", "grok4.pricing.file=" + prices,
                "grok4.metrics.enabled=false", "grok4.metrics.provider-name=holysheep")
                .run(context -> {
                    Grok4Config c = context.getBean(Grok4Client.class).config();

                    assertThat(c.apiKey()).isEqualTo("xai-TESTSECRET-9f3b2c");
                    assertThat(c.baseUrl()).isEqualTo("http://127.0.0.1:9/v1");
                    assertThat(c.model()).isEqualTo("grok-4-fast");
                    assertThat(c.fallbackModels()).containsExactly("grok-3-mini", "grok-2");
                    assertThat(c.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
                    assertThat(c.requestTimeout()).isEqualTo(Duration.ofMinutes(2));
                    assertThat(c.dropUnsupportedParameters()).isTrue();
                    assertThat(c.capabilitiesFile()).isEqualTo(capabilities);
                    assertThat(c.streamUsage()).isFalse();
                    assertThat(c.maxConcurrent()).isEqualTo(3);
                    assertThat(c.permitTimeout()).isEqualTo(Duration.ofMillis(250));
                    assertThat(c.requestsPerMinute()).isEqualTo(60);
                    assertThat(c.tokensPerMinute()).isEqualTo(90000);
                    assertThat(c.rateLimitStore()).isEqualTo(RateLimitStore.REDIS);
                    assertThat(c.maxAttempts()).isEqualTo(2);
                    assertThat(c.retryBaseDelay()).isEqualTo(Duration.ofMillis(200));
                    assertThat(c.retryMaxDelay()).isEqualTo(Duration.ofSeconds(5));
                    assertThat(c.maxServerDelay()).isEqualTo(Duration.ofSeconds(7));
                    assertThat(c.circuitBreakerEnabled()).isFalse();
                    assertThat(c.cacheType()).isEqualTo(CacheType.NONE);
                    assertThat(c.cacheTtl()).isEqualTo(Duration.ofMinutes(5));
                    assertThat(c.cacheMaxEntries()).isEqualTo(42);
                    assertThat(c.cacheKeyPrefix()).isEqualTo("app1:");
                    assertThat(c.redisUrl()).isEqualTo(redisUrl);
                    assertThat(c.usdToJpy()).isEqualTo(148.5);
                    assertThat(c.pricingFile()).isEqualTo(prices);
                    assertThat(c.metricsEnabled()).isFalse();
                    assertThat(c.providerName()).isEqualTo("holysheep");
                });
    }

    @Test
    void anEmptyFallbackListMeansNoFallback() {
        runner.withPropertyValues("grok4.fallback-models=").run(context ->
                assertThat(context.getBean(Grok4Client.class).config().fallbackModels())
                        .isEmpty());
    }

    @Test
    void usesTheApplicationsRedisWhenGrok4HasNone() {
        runner.withPropertyValues("spring.data.redis.host=redis.internal",
                "spring.data.redis.port=6380", "spring.data.redis.database=2")
                .run(context -> assertThat(context.getBean(Grok4Client.class).config().redisUrl())
                        .isEqualTo("redis://redis.internal:6380/2"));
        runner.withPropertyValues("spring.data.redis.host=redis.internal",
                "spring.data.redis.username=app", "spring.data.redis.password=p@ss word")
                .run(context -> assertThat(context.getBean(Grok4Client.class).config().redisUrl())
                        .isEqualTo("redis://app:p%40ss%20word@redis.internal:6379/0"));
        runner.withPropertyValues("spring.data.redis.url=rediss://cache.internal:6390")
                .run(context -> assertThat(context.getBean(Grok4Client.class).config().redisUrl())
                        .isEqualTo("rediss://cache.internal:6390"));
        runner.withPropertyValues("spring.data.redis.host=redis.internal",
                "grok4.cache.redis-url=redis://own.internal:6379")
                .run(context -> assertThat(context.getBean(Grok4Client.class).config().redisUrl())
                        .isEqualTo("redis://own.internal:6379"));
    }

    @Test
    void backsOffWhenTheApplicationDefinesAClient() {
        runner.withUserConfiguration(OwnClient.class).run(context -> {
            assertThat(context).hasSingleBean(Grok4Client.class);
            assertThat(context.getBean(Grok4Client.class).config().model())
                    .isEqualTo("own-model");
        });
    }

    @Test
    void isDisabledByProperty() {
        runner.withPropertyValues("grok4.enabled=false").run(context -> {
            assertThat(context).doesNotHaveBean(Grok4Client.class);
            assertThat(context).doesNotHaveBean(Grok4Properties.class);
        });
    }

    @Test
    void appliesCustomizersInOrderAfterTheProperties() {
        runner.withPropertyValues("grok4.model=from-property", "grok4.max-concurrent=4")
                .withUserConfiguration(Customizers.class).run(context -> {
                    Grok4Config config = context.getBean(Grok4Client.class).config();

                    assertThat(config.model()).isEqualTo("second");
                    assertThat(config.maxConcurrent()).isEqualTo(4);
                    assertThat(config.requestsPerMinute()).isEqualTo(30);
                });
    }

    @Test
    void failsStartupNamingTheProperty() {
        runner.withPropertyValues("grok4.max-concurrent=0").run(context -> {
            Throwable failure = context.getStartupFailure();

            assertThat(failure).hasRootCauseInstanceOf(IllegalArgumentException.class);
            InvalidGrok4PropertyException invalid = findInvalid(failure);
            assertThat(invalid.getProperty()).isEqualTo("grok4.max-concurrent");
            assertThat(invalid.getMessage())
                    .isEqualTo("Invalid grok4.max-concurrent: 0; expected at least 1");
        });
    }

    @Test
    void namesNestedPropertiesInTheMessage() {
        runner.withPropertyValues("grok4.retry.base-delay=10s", "grok4.retry.max-delay=1s")
                .run(context -> assertThat(findInvalid(context.getStartupFailure()).getMessage())
                        .isEqualTo("Invalid grok4.retry.max-delay: PT1S; expected at least "
                                + "grok4.retry.base-delay (PT10S)"));
        runner.withPropertyValues("grok4.base-url=ftp://example.com")
                .run(context -> assertThat(findInvalid(context.getStartupFailure()).getMessage())
                        .startsWith("Invalid grok4.base-url: 'ftp://example.com'"));
        runner.withPropertyValues("grok4.cache.redis-url=redis://:hunter2@")
                .run(context -> assertThat(findInvalid(context.getStartupFailure()).getMessage())
                        .startsWith("Invalid grok4.cache.redis-url: 'redis://***@'")
                        .doesNotContain("hunter2"));
        runner.withPropertyValues("grok4.model= ")
                .run(context -> assertThat(findInvalid(context.getStartupFailure()).getMessage())
                        .startsWith("Invalid grok4.model: ; expected a model name"));
    }

    @Test
    void namesThePropertiesWhenCoreCannotUseThem() throws IOException {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        runner.withPropertyValues("grok4.rate-limit-store=redis",
                "grok4.requests-per-minute=10", "grok4.api-key=test-key",
                "grok4.cache.redis-url=redis://127.0.0.1:" + closedPort).run(context -> {
                    InvalidGrok4PropertyException invalid =
                            findInvalid(context.getStartupFailure());

                    assertThat(invalid.getProperty()).isEqualTo("grok4.cache.redis-url");
                    assertThat(invalid.getMessage()).contains("127.0.0.1:" + closedPort)
                            .contains("grok4.cache.redis-url").contains("grok4.rate-limit-store");
                });
        runner.withPropertyValues("grok4.rate-limit-store=redis", "grok4.requests-per-minute=10")
                .run(context -> assertThat(findInvalid(context.getStartupFailure()).getMessage())
                        .startsWith("grok4.rate-limit-store REDIS needs the API key"));
    }

    @Test
    void failureAnalysisTellsWhichPropertyToChange() {
        runner.withPropertyValues("grok4.cache.max-entries=-1").run(context -> {
            FailureAnalysis analysis = new InvalidGrok4PropertyFailureAnalyzer()
                    .analyze(context.getStartupFailure());

            assertThat(analysis.getDescription())
                    .isEqualTo("Invalid grok4.cache.max-entries: -1; expected at least 1");
            assertThat(analysis.getAction()).startsWith("Change grok4.cache.max-entries in");
        });
    }

    @Test
    void bindsMicrometerWhenARegistryExists() {
        runner.withBean(SimpleMeterRegistry.class)
                .withPropertyValues("grok4.metrics.provider-name=gateway").run(context -> {
                    MicrometerGrok4Binding binding = context.getBean(MicrometerGrok4Binding.class);

                    assertThat(binding.registry()).isSameAs(context.getBean(MeterRegistry.class));
                    assertThat(binding.providerName()).isEqualTo("gateway");
                });
    }

    @Test
    void recordsCallsInTheApplicationsRegistry() {
        try (Grok4Simulator simulator = Grok4Simulator.start()) {
            runner.withBean(SimpleMeterRegistry.class).withPropertyValues(
                    "grok4.base-url=" + simulator.baseUrl(), "grok4.api-key=test-key",
                    "grok4.metrics.provider-name=gateway").run(context -> {
                        context.getBean(Grok4Client.class).ask("Count me");

                        MeterRegistry registry = context.getBean(MeterRegistry.class);
                        assertThat(registry.find("gen_ai.client.operation.duration")
                                .tag("gen_ai.provider.name", "gateway").summary())
                                .isNotNull().satisfies(t -> assertThat(t.count()).isOne());
                    });
        }
    }

    @Test
    void skipsMicrometerWithoutRegistryOrLibraryOrWhenDisabled() {
        runner.run(context -> assertThat(context).doesNotHaveBean(MicrometerGrok4Binding.class));
        runner.withBean(SimpleMeterRegistry.class).withPropertyValues("grok4.metrics.enabled=false")
                .run(context -> assertThat(context)
                        .doesNotHaveBean(MicrometerGrok4Binding.class));
        runner.withClassLoader(new FilteredClassLoader("io.micrometer")).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasSingleBean(Grok4Client.class);
            assertThat(context).doesNotHaveBean(MicrometerGrok4Binding.class);
        });
    }

    @Test
    void masksTheKeyAndOffersHealthOnlyWithActuator() {
        runner.withPropertyValues("grok4.health.enabled=true").run(context -> {
            assertThat(context).hasSingleBean(Grok4ApiKeySanitizer.class);
            assertThat(context.getBean("grok4HealthIndicator"))
                    .isInstanceOf(presentHealthIndicatorType());
        });
        runner.withPropertyValues("grok4.health.enabled=true")
                .withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate",
                        "org.springframework.boot.health"))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).hasSingleBean(Grok4Client.class);
                    assertThat(context).doesNotHaveBean(Grok4ApiKeySanitizer.class);
                    assertThat(context).doesNotHaveBean("grok4HealthIndicator");
                });
    }

    @Test
    void healthIsOffByDefault() {
        runner.run(context -> {
            assertThat(context).doesNotHaveBean("grok4HealthIndicator");
            assertThat(context).doesNotHaveBean(Grok4HealthProbe.class);
        });
    }

    /** Boot 4 and Boot 3.5 name the indicator type differently; this suite runs on both. */
    static Class<?> presentHealthIndicatorType() throws ClassNotFoundException {
        ClassLoader loader = Grok4AutoConfigurationTest.class.getClassLoader();
        try {
            return Class.forName(Grok4AutoConfiguration.BOOT4_HEALTH_INDICATOR, false, loader);
        } catch (ClassNotFoundException e) {
            return Class.forName(Boot3Grok4HealthIndicatorRegistrar.HEALTH_INDICATOR, false,
                    loader);
        }
    }

    private static InvalidGrok4PropertyException findInvalid(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof InvalidGrok4PropertyException invalid) {
                return invalid;
            }
        }
        throw new AssertionError("No InvalidGrok4PropertyException in " + failure);
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnClient {
        @Bean
        Grok4Client ownClient() {
            return Grok4Client.builder().model("own-model").build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Customizers {
        @Bean
        @Order(2)
        Grok4ClientBuilderCustomizer second() {
            return builder -> builder.model("second");
        }

        @Bean
        @Order(1)
        Grok4ClientBuilderCustomizer first() {
            return builder -> builder.model("first").settings().requestsPerMinute(30);
        }
    }
}

package dev.grok4.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import dev.grok4.Grok4Client;
import dev.grok4.spi.TokenUsageEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Grok4MicrometerBindingTest {
    private static final String REGISTRY = "test.meter-registry";

    @Test
    void bindsToTheApplicationsRegistry() {
        Map<String, Object> properties = Map.of(
                REGISTRY, "true",
                "micronaut.metrics.enabled", "false",
                "grok4.base-url", "http://127.0.0.1:9/v1",
                "grok4.metrics.provider-name", "gateway");

        try (ApplicationContext context = ApplicationContext.run(properties)) {
            Grok4MicrometerBinding binding = context.getBean(Grok4MicrometerBinding.class);
            MeterRegistry registry = context.getBean(MeterRegistry.class);

            binding.listener().onTokens(new TokenUsageEvent("grok-4", "grok-4-0709", 12, 3));

            assertThat(registry.find("gen_ai.client.token.usage")
                    .tag("gen_ai.provider.name", "gateway")
                    .tag("gen_ai.token.type", "input")
                    .summary().totalAmount()).isEqualTo(12.0);
            assertThat(context.getBean(Grok4Client.class).config().providerName())
                    .isEqualTo("gateway");
        }
    }

    @Test
    void noRegistryMeansNoBinding() {
        Map<String, Object> properties = Map.of(
                "micronaut.metrics.enabled", "false",
                "grok4.base-url", "http://127.0.0.1:9/v1");

        try (ApplicationContext context = ApplicationContext.run(properties)) {
            assertThat(context.containsBean(MeterRegistry.class)).isFalse();
            assertThat(context.containsBean(Grok4MicrometerBinding.class)).isFalse();
            assertThat(context.getBean(Grok4Client.class).config().baseUrl())
                    .isEqualTo("http://127.0.0.1:9/v1");
        }
    }

    @Factory
    @Requires(property = REGISTRY, value = "true")
    static class RegistryFactory {
        @Singleton
        MeterRegistry registry() {
            return new SimpleMeterRegistry();
        }
    }
}

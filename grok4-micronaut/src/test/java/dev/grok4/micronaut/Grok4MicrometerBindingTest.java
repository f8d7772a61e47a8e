package dev.grok4.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import dev.grok4.Grok4Client;
import dev.grok4.testkit.Grok4Simulator;
import dev.grok4.testkit.ScriptedResponse;
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
    void callsAreRecordedInTheApplicationsRegistry() {
        try (Grok4Simulator simulator = Grok4Simulator.start();
                ApplicationContext context = ApplicationContext.run(Map.of(
                        REGISTRY, "true",
                        "micronaut.metrics.enabled", "false",
                        "grok4.base-url", simulator.baseUrl().toString(),
                        "grok4.api-key", "xai-metrics-test",
                        "grok4.metrics.provider-name", "gateway"))) {
            simulator.enqueue(ScriptedResponse.json(200, """
                    {"id":"c1","object":"chat.completion","created":1,"model":"grok-4",
                     "choices":[{"index":0,"message":{"role":"assistant","content":"ok"},
                       "finish_reason":"stop"}],
                     "usage":{"prompt_tokens":12,"completion_tokens":3,"total_tokens":15}}"""));

            context.getBean(Grok4Client.class).ask("hi");

            MeterRegistry registry = context.getBean(MeterRegistry.class);
            assertThat(registry.find("gen_ai.client.token.usage")
                    .tag("gen_ai.provider.name", "gateway")
                    .tag("gen_ai.token.type", "input")
                    .summary().totalAmount()).isEqualTo(12.0);
            assertThat(registry.find("gen_ai.client.operation.duration")
                    .tag("gen_ai.provider.name", "gateway")
                    .summary().count()).isEqualTo(1);
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

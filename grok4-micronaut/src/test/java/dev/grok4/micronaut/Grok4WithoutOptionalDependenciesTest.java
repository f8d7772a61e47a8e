package dev.grok4.micronaut;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.grok4.Grok4Client;
import io.micronaut.context.ApplicationContext;
import io.micronaut.inject.BeanDefinition;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Runs in its own Surefire execution whose class path lacks Micrometer and
 * micronaut-management, as an application without them would.
 */
class Grok4WithoutOptionalDependenciesTest {
    @Test
    void clientStartsWithoutMetricsOrHealth() {
        assertThatThrownBy(() -> Class.forName("io.micrometer.core.instrument.MeterRegistry"))
                .isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> Class.forName(
                "io.micronaut.management.health.indicator.HealthIndicator"))
                .isInstanceOf(ClassNotFoundException.class);

        try (ApplicationContext context = ApplicationContext.run(
                Map.of("grok4.base-url", "http://127.0.0.1:9/v1"))) {
            Grok4Client client = context.getBean(Grok4Client.class);

            List<String> ours = context.getAllBeanDefinitions().stream()
                    .map(BeanDefinition::getBeanType)
                    .map(Class::getName)
                    .filter(name -> name.startsWith("dev.grok4.micronaut."))
                    .toList();
            assertThat(ours).doesNotContain("dev.grok4.micronaut.Grok4MicrometerBinding",
                    "dev.grok4.micronaut.Grok4HealthIndicator");
            assertThat(context.getBeansOfType(Grok4ClientCustomizer.class)).isEmpty();
            assertThat(client.config().baseUrl()).isEqualTo("http://127.0.0.1:9/v1");
        }
    }
}

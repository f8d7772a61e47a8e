package dev.grok4.micronaut;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.grok4.Grok4Client;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.exceptions.BeanInstantiationException;
import io.micronaut.context.exceptions.ConfigurationException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Grok4FactoryTest {
    private static final Map<String, Object> LOCAL = Map.of(
            "grok4.base-url", "http://127.0.0.1:9/v1",
            "grok4.api-key", "xai-factory-test");

    @Test
    void createsTheClientFromProperties() {
        Map<String, Object> properties = with("grok4.model", "grok-4-fast");

        try (ApplicationContext context = ApplicationContext.run(properties)) {
            Grok4Client client = context.getBean(Grok4Client.class);

            assertThat(client.config().baseUrl()).isEqualTo("http://127.0.0.1:9/v1");
            assertThat(client.config().model()).isEqualTo("grok-4-fast");
            assertThat(client.config().apiKey()).isEqualTo("xai-factory-test");
        }
    }

    @Test
    void userClientWins() {
        try (ApplicationContext context = ApplicationContext.run(
                with(TestBeans.USER_CLIENT, "true"))) {
            assertThat(context.getBeansOfType(Grok4Client.class))
                    .containsExactly(context.getBean(TestBeans.UserClientFactory.class).client);
            assertThat(context.getBean(Grok4Client.class).config().model())
                    .isEqualTo("user-model");
        }
    }

    @Test
    void disabledLeavesNoClient() {
        try (ApplicationContext context = ApplicationContext.run(with("grok4.enabled", "false"))) {
            assertThat(context.containsBean(Grok4Client.class)).isFalse();
            assertThat(context.getBeansOfType(Grok4HealthIndicator.class)).isEmpty();
        }
    }

    @Test
    void customizersRunAfterTheProperties() {
        Map<String, Object> properties = with(TestBeans.CUSTOMIZER, "true");
        properties.put("grok4.retry.max-attempts", "4");

        try (ApplicationContext context = ApplicationContext.run(properties)) {
            Grok4Client client = context.getBean(Grok4Client.class);

            assertThat(client.config().maxAttempts()).isEqualTo(TestBeans.CUSTOM_ATTEMPTS);
        }
    }

    @Test
    void customizersRunInOrder() {
        Map<String, Object> properties = with(TestBeans.ORDERED, "true");
        properties.put("grok4.model", "grok-4");

        try (ApplicationContext context = ApplicationContext.run(properties)) {
            Grok4Client client = context.getBean(Grok4Client.class);

            assertThat(client.config().model()).isEqualTo("grok-4-first-second");
        }
    }

    @Test
    void invalidValueFailsNamingTheProperty() {
        Map<String, Object> properties = with("grok4.max-concurrent", "0");

        try (ApplicationContext context = ApplicationContext.run(properties)) {
            assertThatThrownBy(() -> context.getBean(Grok4Client.class))
                    .isInstanceOf(BeanInstantiationException.class)
                    .rootCause().isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> context.getBean(Grok4Client.class))
                    .cause().isInstanceOf(ConfigurationException.class)
                    .hasMessage("Invalid grok4.max-concurrent: 0; expected at least 1");
        }
    }

    @Test
    void invalidGroupValueNamesTheNestedProperty() {
        try (ApplicationContext context = ApplicationContext.run(
                with("grok4.retry.max-attempts", "0"))) {
            assertThatThrownBy(() -> context.getBean(Grok4Client.class))
                    .hasMessageContaining(
                            "Invalid grok4.retry.max-attempts: 0; expected at least 1");
        }
    }

    @Test
    void invalidUrlNamesThePropertyWithoutTheKey() {
        try (ApplicationContext context = ApplicationContext.run(
                with("grok4.base-url", "api.x.ai/v1"))) {
            assertThatThrownBy(() -> context.getBean(Grok4Client.class))
                    .hasMessageContaining("Invalid grok4.base-url: 'api.x.ai/v1'")
                    .hasMessageNotContaining("xai-factory-test");
        }
    }

    private static Map<String, Object> with(String key, Object value) {
        Map<String, Object> properties = new HashMap<>(LOCAL);
        properties.put(key, value);
        return properties;
    }
}

package dev.grok4.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.grok4.quarkus.Grok4ClientCustomizer;
import dev.grok4.quarkus.runtime.Grok4MicrometerCustomizer;
import dev.grok4.quarkus.runtime.Grok4ReadinessCheck;
import io.quarkus.arc.InjectableInstance;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * With quarkus-smallrye-health, readiness reports the client without calling the endpoint; with
 * quarkus-micrometer, the Micrometer customizer is registered.
 */
class Grok4HealthAndMetricsTest {
    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withEmptyApplication()
            .overrideConfigKey("quarkus.grok4.devservices.enabled", "false")
            .overrideConfigKey("quarkus.grok4.base-url", "http://127.0.0.1:9/v1")
            .overrideConfigKey("quarkus.grok4.api-key", "xai-readiness-test-key")
            .overrideConfigKey("quarkus.grok4.model", "grok-4-ready");

    @Inject
    @Readiness
    Grok4ReadinessCheck check;

    @Inject
    InjectableInstance<Grok4ClientCustomizer> customizers;

    @Test
    void reportsUpWithoutARequest() {
        HealthCheckResponse response = check.call();

        assertThat(response.getName()).isEqualTo("Grok-4 client");
        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(response.getData()).hasValueSatisfying(data -> {
            assertThat(data).containsEntry("baseUrl", "http://127.0.0.1:9/v1")
                    .containsEntry("model", "grok-4-ready")
                    .containsEntry("verified", false);
            assertThat(data.values()).noneMatch(v -> v.toString().contains("xai-readiness"));
        });
    }

    @Test
    void micrometerCustomizerIsRegistered() {
        assertThat(customizers.stream().map(c -> c.getClass().getName()))
                .anyMatch(name -> name.startsWith(Grok4MicrometerCustomizer.class.getName()));
    }
}

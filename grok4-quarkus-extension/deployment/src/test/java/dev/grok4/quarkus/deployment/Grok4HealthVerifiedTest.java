package dev.grok4.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.grok4.quarkus.runtime.Grok4ReadinessCheck;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * With quarkus.grok4.health.enabled=true, readiness checks the key against the endpoint: the
 * Dev Services simulator accepts it.
 */
class Grok4HealthVerifiedTest {
    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withEmptyApplication()
            .overrideRuntimeConfigKey("quarkus.grok4.health.enabled", "true");

    @Inject
    @Readiness
    Grok4ReadinessCheck check;

    @Test
    void simulatorAcceptsTheKey() {
        HealthCheckResponse response = check.call();

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(response.getData()).hasValueSatisfying(data -> assertThat(data)
                .containsEntry("verified", true)
                .doesNotContainKey("error"));
    }
}

package dev.grok4.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.grok4.quarkus.runtime.Grok4ReadinessCheck;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** With verification on and an endpoint that refuses connections, readiness is DOWN. */
class Grok4HealthDownTest {
    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withEmptyApplication()
            .overrideConfigKey("quarkus.grok4.base-url", "http://127.0.0.1:" + closedPort() + "/v1")
            .overrideConfigKey("quarkus.grok4.api-key", "xai-health-down-key")
            .overrideRuntimeConfigKey("quarkus.grok4.retry.max-attempts", "1")
            .overrideRuntimeConfigKey("quarkus.grok4.health.enabled", "true");

    @Inject
    @Readiness
    Grok4ReadinessCheck check;

    @Test
    void refusedConnectionIsDown() {
        HealthCheckResponse first = check.call();
        HealthCheckResponse second = check.call();

        assertThat(first.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(first.getData()).hasValueSatisfying(data -> assertThat(data)
                .containsEntry("verified", true)
                .containsEntry("error", "connection"));
        assertThat(second.getData()).isEqualTo(first.getData());
    }

    /** A loopback port that was free a moment ago, so nothing listens there. */
    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.grok4.spring;

import static java.util.Objects.requireNonNull;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The health indicator on Spring Boot 4, where health types live in
 * {@code org.springframework.boot.health.contributor}. Loaded only when that package is present.
 */
final class Boot4Grok4HealthIndicator implements HealthIndicator {
    private final Grok4HealthProbe probe;

    Boot4Grok4HealthIndicator(Grok4HealthProbe probe) {
        this.probe = requireNonNull(probe, "probe");
    }

    @Override
    public Health health() {
        Grok4HealthProbe.Result result = probe.check();
        Health.Builder builder = result.up() ? Health.up() : Health.down();
        return builder.withDetails(result.details()).build();
    }
}

package dev.grok4.quarkus.runtime;

import dev.grok4.Grok4Client;
import dev.grok4.Grok4Exception;
import io.quarkus.arc.InjectableInstance;
import io.quarkus.arc.InstanceHandle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.jspecify.annotations.Nullable;

/**
 * Reports the Grok-4 client in {@code /q/health/ready}; registered only when the application
 * has quarkus-smallrye-health.
 *
 * <p>By default the check is free: it reports the configured endpoint and model as UP without a
 * request. With {@code quarkus.grok4.health.enabled=true} it checks the API key with one
 * {@code GET /models} and keeps the answer for {@value #CACHE_SECONDS} seconds, so that frequent
 * probes do not spend the endpoint's rate limit. Thread-safe.
 *
 * @since 0.1
 */
@Readiness
@ApplicationScoped
public class Grok4ReadinessCheck implements HealthCheck {
    static final String NAME = "Grok-4 client";
    static final long CACHE_SECONDS = 60;

    private final InjectableInstance<Grok4Client> client;
    private final Grok4RuntimeConfig config;
    private final Clock clock = Clock.systemUTC();
    private volatile @Nullable Verification last;

    /** Receives the client and the configuration; called by CDI. */
    @Inject
    public Grok4ReadinessCheck(InjectableInstance<Grok4Client> client, Grok4RuntimeConfig config) {
        this.client = client;
        this.config = config;
    }

    /** Reports UP with the endpoint and model, or DOWN when credentials were checked and failed. */
    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).up();
        InstanceHandle<Grok4Client> handle = client.isResolvable() ? client.getHandle() : null;
        if (handle == null || !handle.getBean().isActive()) {
            return response.withData("enabled", false).build();
        }
        Grok4Client active = handle.get();
        response.withData("baseUrl", active.config().baseUrl())
                .withData("model", active.config().model());
        if (!config.health().enabled()) {
            return response.withData("verified", false).build();
        }
        Verification verification = verification(active);
        response.withData("verified", true).status(verification.error() == null);
        return verification.error() == null ? response.build()
                : response.withData("error", verification.error()).build();
    }

    private Verification verification(Grok4Client active) {
        Verification cached = last;
        Instant now = clock.instant();
        if (cached != null && cached.at().plus(Duration.ofSeconds(CACHE_SECONDS)).isAfter(now)) {
            return cached;
        }
        Verification fresh = new Verification(now, verify(active));
        last = fresh;
        return fresh;
    }

    /** Returns null when the endpoint accepts the key, else the error kind, never its text. */
    private static @Nullable String verify(Grok4Client active) {
        try {
            active.verifyCredentials();
            return null;
        } catch (Grok4Exception e) {
            return e.kind().wireName();
        } catch (RuntimeException e) {
            return e.getClass().getSimpleName();
        }
    }

    private record Verification(Instant at, @Nullable String error) {}
}

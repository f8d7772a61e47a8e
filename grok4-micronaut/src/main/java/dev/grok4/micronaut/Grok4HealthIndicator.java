package dev.grok4.micronaut;

import dev.grok4.Grok4Client;
import dev.grok4.Grok4Exception;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;

/**
 * Reports the client under the name {@value #NAME}. By default it only describes the
 * configuration and makes no call, so health probes cost nothing. With
 * {@code grok4.health.enabled=true} it checks the API key with one {@code GET /models} and keeps
 * the result for {@link #CHECK_TTL}, so frequent probes do not spend the rate limit.
 */
@Singleton
@Requires(classes = HealthIndicator.class)
@Requires(beans = Grok4Client.class)
final class Grok4HealthIndicator implements HealthIndicator {
    static final String NAME = "grok4";

    static final Duration CHECK_TTL = Duration.ofMinutes(1);

    private final Grok4Client client;
    private final boolean checkCredentials;
    private final ExecutorService executor;
    private @Nullable Checked last;

    Grok4HealthIndicator(Grok4Client client, Grok4Configuration configuration,
            @Named(TaskExecutors.BLOCKING) ExecutorService executor) {
        this.client = client;
        this.checkCredentials = configuration.getHealth().isEnabled();
        this.executor = executor;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        if (!checkCredentials) {
            return Publishers.just(result(HealthStatus.UP, "not checked"));
        }
        return Publishers.fromCompletableFuture(
                () -> CompletableFuture.supplyAsync(this::cachedCheck, executor));
    }

    // Synchronized so that concurrent probes share one call instead of each making their own.
    private synchronized HealthResult cachedCheck() {
        long now = System.nanoTime();
        Checked previous = last;
        if (previous != null && now - previous.at() < CHECK_TTL.toNanos()) {
            return previous.result();
        }
        HealthResult result = check();
        last = new Checked(result, now);
        return result;
    }

    private HealthResult check() {
        try {
            client.verifyCredentials();
            return result(HealthStatus.UP, "accepted");
        } catch (Grok4Exception e) {
            return result(HealthStatus.DOWN, e.kind().wireName());
        }
    }

    private HealthResult result(HealthStatus status, String credentials) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("baseUrl", client.config().baseUrl());
        details.put("model", client.config().model());
        details.put("credentials", credentials);
        return HealthResult.builder(NAME, status).details(details).build();
    }

    private record Checked(HealthResult result, long at) {}
}

package dev.grok4.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import dev.grok4.testkit.Grok4Simulator;
import dev.grok4.testkit.RecordedRequest;
import io.micronaut.context.ApplicationContext;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

class Grok4HealthIndicatorTest {
    @Test
    void reportsTheConfigurationWithoutCallingByDefault() throws Exception {
        try (Grok4Simulator simulator = Grok4Simulator.start();
                ApplicationContext context = ApplicationContext.run(properties(simulator))) {
            HealthResult result = first(indicator(context).getResult());

            assertThat(result.getName()).isEqualTo("grok4");
            assertThat(result.getStatus()).isEqualTo(HealthStatus.UP);
            assertThat(details(result)).containsEntry("credentials", "not checked")
                    .containsEntry("baseUrl", simulator.baseUrl().toString());
            assertThat(simulator.requests()).isEmpty();
        }
    }

    @Test
    void checksCredentialsOnceWhenEnabled() throws Exception {
        try (Grok4Simulator simulator = Grok4Simulator.start()) {
            Map<String, Object> properties = properties(simulator);
            properties.put("grok4.health.enabled", "true");

            try (ApplicationContext context = ApplicationContext.run(properties)) {
                HealthResult first = first(indicator(context).getResult());
                HealthResult second = first(indicator(context).getResult());

                assertThat(first.getStatus()).isEqualTo(HealthStatus.UP);
                assertThat(details(first)).containsEntry("credentials", "accepted");
                assertThat(second).isSameAs(first);
                assertThat(simulator.requests()).extracting(RecordedRequest::path)
                        .containsExactly("/v1/models");
            }
        }
    }

    @Test
    void reportsDownWhenTheEndpointIsUnreachable() throws Exception {
        Map<String, Object> properties = new HashMap<>(Map.of(
                "grok4.base-url", "http://127.0.0.1:1/v1",
                "grok4.api-key", "xai-health-test",
                "grok4.retry.max-attempts", "1",
                "grok4.fallback-models", "",
                "grok4.health.enabled", "true"));

        try (ApplicationContext context = ApplicationContext.run(properties)) {
            HealthResult result = first(indicator(context).getResult());

            assertThat(result.getStatus()).isEqualTo(HealthStatus.DOWN);
            assertThat(details(result)).containsEntry("credentials", "connection");
            assertThat(result.toString()).doesNotContain("xai-health-test");
        }
    }

    private static Map<String, Object> properties(Grok4Simulator simulator) {
        return new HashMap<>(Map.of(
                "grok4.base-url", simulator.baseUrl().toString(),
                "grok4.api-key", "xai-health-test"));
    }

    private static HealthIndicator indicator(ApplicationContext context) {
        List<HealthIndicator> ours = context.getBeansOfType(HealthIndicator.class).stream()
                .filter(Grok4HealthIndicator.class::isInstance)
                .toList();
        assertThat(ours).hasSize(1);
        return ours.get(0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> details(HealthResult result) {
        return (Map<String, Object>) result.getDetails();
    }

    static <T> T first(Publisher<T> publisher) throws Exception {
        CompletableFuture<T> future = new CompletableFuture<>();
        publisher.subscribe(new Subscriber<T>() {
            @Override
            public void onSubscribe(Subscription s) {
                s.request(1);
            }

            @Override
            public void onNext(T item) {
                future.complete(item);
            }

            @Override
            public void onError(Throwable t) {
                future.completeExceptionally(t);
            }

            @Override
            public void onComplete() {
                future.completeExceptionally(new AssertionError("completed without an item"));
            }
        });
        return future.get(30, TimeUnit.SECONDS);
    }
}

package dev.grok4.micronaut;

import dev.grok4.Grok4Client;
import dev.grok4.micrometer.MicrometerMetricsListener;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/**
 * Reports the client's metrics to the application's {@link MeterRegistry}, when
 * micronaut-micrometer provides one, tagged with {@code grok4.metrics.provider-name}. A separate
 * class, so that applications without Micrometer never load a Micrometer type.
 */
@Singleton
@Requires(classes = MeterRegistry.class)
@Requires(beans = MeterRegistry.class)
final class Grok4MicrometerBinding implements Grok4ClientCustomizer {
    private final MicrometerMetricsListener listener;

    Grok4MicrometerBinding(MeterRegistry registry, Grok4Configuration configuration) {
        this.listener = new MicrometerMetricsListener(registry,
                configuration.getMetrics().getProviderName());
    }

    @Override
    public void customize(Grok4Client.Builder builder) {
        builder.addMetricsListener(listener);
    }
}

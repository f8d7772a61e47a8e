package dev.grok4.micronaut;

import dev.grok4.Grok4Client;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/**
 * Reports the client's metrics to the application's {@link MeterRegistry}, when
 * micronaut-micrometer provides one. A separate class, so that applications without Micrometer
 * never load a Micrometer type.
 */
@Singleton
@Requires(classes = MeterRegistry.class)
@Requires(beans = MeterRegistry.class)
final class Grok4MicrometerBinding implements Grok4ClientCustomizer {
    private final MeterRegistry registry;
    private final String providerName;

    Grok4MicrometerBinding(MeterRegistry registry, Grok4Configuration configuration) {
        this.registry = registry;
        this.providerName = configuration.getMetrics().getProviderName();
    }

    @Override
    public void customize(Grok4Client.Builder builder) {
        // TODO(#8): register new MicrometerMetricsListener(registry, providerName) on the builder
        // once dev.grok4.spi.MetricsListener lands from branch cache; until then nothing is bound.
    }

    MeterRegistry registry() {
        return registry;
    }

    String providerName() {
        return providerName;
    }
}

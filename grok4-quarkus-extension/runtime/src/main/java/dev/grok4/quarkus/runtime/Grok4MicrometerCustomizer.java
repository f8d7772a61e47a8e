package dev.grok4.quarkus.runtime;

import dev.grok4.Grok4Client;
import dev.grok4.micrometer.MicrometerMetricsListener;
import dev.grok4.quarkus.Grok4ClientCustomizer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * Reports the client's metrics to the application's Micrometer registry, tagged with
 * {@code quarkus.grok4.metrics.provider-name}; registered only when the application has
 * quarkus-micrometer, and inert when {@code quarkus.grok4.metrics.enabled} is false.
 *
 * @since 0.1
 */
@Singleton
public class Grok4MicrometerCustomizer implements Grok4ClientCustomizer {
    private final MeterRegistry registry;
    private final Grok4RuntimeConfig config;

    /** Receives the registry and the configuration; called by CDI. */
    @Inject
    public Grok4MicrometerCustomizer(MeterRegistry registry, Grok4RuntimeConfig config) {
        this.registry = registry;
        this.config = config;
    }

    /** Attaches a listener that records into the registry, unless metrics are turned off. */
    @Override
    public void customize(Grok4Client.Builder builder) {
        if (!config.metrics().enabled()) {
            return;
        }
        builder.addMetricsListener(
                new MicrometerMetricsListener(registry, config.metrics().providerName()));
    }

    /**
     * Gives successful operation durations {@code error.type=none}, so that every duration meter
     * has the same tag keys, as Prometheus requires. Quarkus applies {@link MeterFilter} beans to
     * its registries at startup, before the first call.
     */
    @Produces
    @Singleton
    MeterFilter grok4UniformErrorType() {
        return MicrometerMetricsListener.uniformErrorTypeFilter();
    }
}

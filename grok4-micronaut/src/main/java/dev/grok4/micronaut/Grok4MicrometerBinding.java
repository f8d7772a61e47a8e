package dev.grok4.micronaut;

import dev.grok4.Grok4Client;
import dev.grok4.micrometer.MicrometerMetricsListener;
import dev.grok4.spi.MetricsListener;
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
        // TODO(#8): pass listener to the builder once Grok4Client.Builder accepts a
        // MetricsListener (the SPI is on main, the builder method is not); until then the
        // listener is built but the client does not report to it.
    }

    MetricsListener listener() {
        return listener;
    }
}

package dev.grok4.spring;

import static java.util.Objects.requireNonNull;

import dev.grok4.Grok4Client;
import dev.grok4.micrometer.MicrometerMetricsListener;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Binds the client's metrics to the application's Micrometer {@link MeterRegistry}: request
 * durations and token usage under the OpenTelemetry {@code gen_ai.*} names, tagged with
 * {@code grok4.metrics.provider-name}. Loaded only when Micrometer is on the class path and a
 * registry bean exists.
 */
final class MicrometerGrok4Binding implements Grok4ClientBuilderCustomizer {
    private final MeterRegistry registry;
    private final String providerName;

    MicrometerGrok4Binding(MeterRegistry registry, String providerName) {
        this.registry = requireNonNull(registry, "registry");
        this.providerName = requireNonNull(providerName, "providerName");
    }

    /** Returns the registry the metrics go to. */
    MeterRegistry registry() {
        return registry;
    }

    /** Returns the {@code gen_ai.provider.name} tag value. */
    String providerName() {
        return providerName;
    }

    /** Adds a {@link MicrometerMetricsListener} on the registry to the builder. */
    @Override
    public void customize(Grok4Client.Builder builder) {
        builder.addMetricsListener(new MicrometerMetricsListener(registry, providerName));
    }
}

package dev.grok4.quarkus.runtime;

import dev.grok4.Grok4Client;
import dev.grok4.quarkus.Grok4ClientCustomizer;
import io.quarkus.arc.ActiveResult;
import io.quarkus.arc.Arc;
import io.quarkus.arc.SyntheticCreationalContext;
import io.quarkus.runtime.RuntimeValue;
import io.quarkus.runtime.annotations.Recorder;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Creates the {@link Grok4Client} bean at run time from {@link Grok4RuntimeConfig}.
 *
 * @since 0.1
 */
@Recorder
public class Grok4Recorder {
    private final RuntimeValue<Grok4RuntimeConfig> config;

    /** Receives the run-time configuration; called by Quarkus. */
    public Grok4Recorder(RuntimeValue<Grok4RuntimeConfig> config) {
        this.config = config;
    }

    /** Returns whether the client bean is active, following {@code quarkus.grok4.enabled}. */
    public Supplier<ActiveResult> active() {
        return () -> config.getValue().enabled()
                ? ActiveResult.active()
                : ActiveResult.inactive("quarkus.grok4.enabled is false");
    }

    /**
     * Validates the configuration now, at startup, and returns the bean's factory. The factory
     * applies every {@link Grok4ClientCustomizer} bean before building the client.
     *
     * @throws io.quarkus.runtime.configuration.ConfigurationException naming the property, when
     *     a value is out of range
     */
    public Function<SyntheticCreationalContext<Grok4Client>, Grok4Client> client() {
        Grok4RuntimeConfig settings = config.getValue();
        if (settings.enabled()) {
            Grok4ConfigMapper.validate(settings);
        }
        return context -> create(settings);
    }

    private static Grok4Client create(Grok4RuntimeConfig settings) {
        Grok4Client.Builder builder = Grok4ConfigMapper.toBuilder(settings);
        Iterable<Grok4ClientCustomizer> customizers =
                Arc.container().select(Grok4ClientCustomizer.class);
        for (Grok4ClientCustomizer customizer : customizers) {
            customizer.customize(builder);
        }
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw Grok4ConfigMapper.renamed(e);
        }
    }
}

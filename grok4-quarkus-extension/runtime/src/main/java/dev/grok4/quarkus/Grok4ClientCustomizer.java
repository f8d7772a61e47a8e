package dev.grok4.quarkus;

import dev.grok4.Grok4Client;

/**
 * Adjusts the builder of the injected {@link Grok4Client} after the {@code quarkus.grok4}
 * properties have been applied: an executor, a metrics listener, anything without a property.
 *
 * <p>Declare implementations as {@code @Singleton} or {@code @ApplicationScoped} beans; every one
 * is applied, in no particular order, when the client bean is first created. A customizer is
 * called once, on one thread.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface Grok4ClientCustomizer {

    /**
     * Changes the builder in place.
     *
     * @param builder the builder holding the configured settings, never null
     */
    void customize(Grok4Client.Builder builder);
}

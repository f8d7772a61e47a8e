package dev.grok4.spring;

import dev.grok4.Grok4Client;

/**
 * Changes the {@link Grok4Client.Builder} that the auto-configuration prepared from the
 * {@code grok4.*} properties, before the client is built.
 *
 * <p>Every customizer bean is applied in {@link org.springframework.core.Ordered order}, after
 * the properties, so a customizer overrides a property. Customizers run once, on the thread that
 * creates the client bean.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface Grok4ClientBuilderCustomizer {
    /**
     * Customizes the builder.
     *
     * @param builder the builder holding the settings from the properties, never null
     */
    void customize(Grok4Client.Builder builder);
}

package dev.grok4.micronaut;

import dev.grok4.Grok4Client;

/**
 * Adjusts the {@link Grok4Client.Builder} after the {@code grok4.*} properties are applied and
 * before the client is built. Declare one as a bean to set what properties cannot express, such
 * as an executor; beans run in {@code @Order} order.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface Grok4ClientCustomizer {
    /**
     * Changes the builder. Called once, on the thread that creates the client bean.
     *
     * @param builder the builder holding the configured settings; never null
     */
    void customize(Grok4Client.Builder builder);
}

/**
 * Grok-4 in Quarkus: inject {@link dev.grok4.Grok4Client}, stream with {@link
 * dev.grok4.quarkus.Grok4Multi}, adjust the client with a {@link
 * dev.grok4.quarkus.Grok4ClientCustomizer} bean.
 *
 * @since 0.1
 */
@NullMarked
package dev.grok4.quarkus;

import org.jspecify.annotations.NullMarked;

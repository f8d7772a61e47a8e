/**
 * Build steps of the Grok-4 Quarkus extension: the client bean, optional integrations, Dev
 * Services and native-image metadata.
 *
 * @since 0.1
 */
@NullMarked
package dev.grok4.quarkus.deployment;

import org.jspecify.annotations.NullMarked;

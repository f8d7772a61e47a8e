/**
 * Publishes the client's metrics to a Micrometer {@code MeterRegistry} under the OpenTelemetry
 * GenAI semantic-convention names. Micrometer is an optional dependency of the core.
 *
 * @since 0.1
 */
@NullMarked
package dev.grok4.micrometer;

import org.jspecify.annotations.NullMarked;

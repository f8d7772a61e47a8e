/**
 * The extension's run-time side: configuration, recorder, readiness check and metrics binding.
 * Not an API; only the configuration properties are.
 *
 * @since 0.1
 */
@NullMarked
package dev.grok4.quarkus.runtime;

import org.jspecify.annotations.NullMarked;

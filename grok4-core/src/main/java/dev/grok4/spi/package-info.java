/**
 * Extension points that integrators implement: caches and metrics listeners.
 *
 * @since 0.1
 */
@NullMarked
package dev.grok4.spi;

import org.jspecify.annotations.NullMarked;

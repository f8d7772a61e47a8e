/**
 * The Grok-4 client: {@link dev.grok4.Grok4Client}, its configuration and its exceptions.
 *
 * @since 0.1
 */
@NullMarked
package dev.grok4;

import org.jspecify.annotations.NullMarked;

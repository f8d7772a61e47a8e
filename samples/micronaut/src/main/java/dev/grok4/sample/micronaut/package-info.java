/**
 * A Micronaut application that answers chat prompts through grok4-micronaut: {@code POST /chat}
 * for a whole reply and {@code GET /chat/stream} for server-sent events.
 *
 * @since 0.1
 */
@NullMarked
package dev.grok4.sample.micronaut;

import org.jspecify.annotations.NullMarked;

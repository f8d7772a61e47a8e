/**
 * Request, response and stream-chunk types of the chat-completions API.
 *
 * <p>Every type here is immutable and safe to share between threads. Parsing never fails on
 * fields or enum values that this version does not know.
 *
 * @since 0.1
 */
@NullMarked
package dev.grok4.model;

import org.jspecify.annotations.NullMarked;

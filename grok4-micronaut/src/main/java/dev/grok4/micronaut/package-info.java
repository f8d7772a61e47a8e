/**
 * Micronaut integration of grok4-java: {@code grok4.*} configuration, a {@link
 * dev.grok4.Grok4Client} bean, Micrometer and health integration when those modules are present,
 * and a Reactive Streams view of streamed replies.
 *
 * <p>Every bean is produced at compile time by Micronaut's annotation processors; nothing here
 * relies on reflection.
 *
 * @since 0.1
 */
@NullMarked
package dev.grok4.micronaut;

import org.jspecify.annotations.NullMarked;

/**
 * A Quarkus REST application that chats with Grok-4 through the grok4 extension.
 *
 * @since 0.1
 */
@NullMarked
package dev.grok4.sample.quarkus;

import org.jspecify.annotations.NullMarked;

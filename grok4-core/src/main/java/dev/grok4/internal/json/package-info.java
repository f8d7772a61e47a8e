/** Streaming JSON encoding and decoding of the chat-completions wire format. Internal. */
@NullMarked
package dev.grok4.internal.json;

import org.jspecify.annotations.NullMarked;

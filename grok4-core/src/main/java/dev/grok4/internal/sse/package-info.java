/** A push parser for {@code text/event-stream} bodies. Internal. */
@NullMarked
package dev.grok4.internal.sse;

import org.jspecify.annotations.NullMarked;

/** JSON schemas for structured output and reading replies into classes. Internal. */
@NullMarked
package dev.grok4.internal.structured;

import org.jspecify.annotations.NullMarked;

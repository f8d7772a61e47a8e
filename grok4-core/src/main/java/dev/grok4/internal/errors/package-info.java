/** Mapping of HTTP failures to typed exceptions, and redaction of secrets. Internal. */
@NullMarked
package dev.grok4.internal.errors;

import org.jspecify.annotations.NullMarked;

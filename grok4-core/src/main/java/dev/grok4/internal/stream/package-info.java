/**
 * Streamed chat completions: chunk parsing, accumulation into a response, the demand-driven
 * publisher and the blocking stream. Internal.
 */
@NullMarked
package dev.grok4.internal.stream;

import org.jspecify.annotations.NullMarked;

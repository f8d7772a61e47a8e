/**
 * Metrics: the built-in in-memory counters and histogram, and the guard that keeps a failing
 * listener from breaking a call.
 */
@NullMarked
package dev.grok4.internal.metrics;

import org.jspecify.annotations.NullMarked;

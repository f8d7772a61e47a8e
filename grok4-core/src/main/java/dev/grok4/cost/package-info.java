/**
 * Prices and costs: the per-model price table users can override, the cost of a call from its
 * usage, and price comparisons across models.
 *
 * @since 0.1
 */
@NullMarked
package dev.grok4.cost;

import org.jspecify.annotations.NullMarked;

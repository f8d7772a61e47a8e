/**
 * Resilience around each call: retries with backoff, the concurrency limit, request and token
 * rate limits (local or in Redis), per-model circuit breakers, the model fallback chain and
 * batches. Internal; the client wires these units into its call path in this order: cache,
 * concurrency permit, rate-limit reservation, fallback over retries over the transport, usage
 * correction, permit release.
 */
@NullMarked
package dev.grok4.internal.resilience;

import org.jspecify.annotations.NullMarked;

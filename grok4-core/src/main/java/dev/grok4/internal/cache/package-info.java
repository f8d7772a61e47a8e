/**
 * Response caching: cache keys, the in-memory, Redis and no-op caches, the failure guard,
 * in-flight coalescing and replay of cached responses as streams.
 */
@NullMarked
package dev.grok4.internal.cache;

import org.jspecify.annotations.NullMarked;

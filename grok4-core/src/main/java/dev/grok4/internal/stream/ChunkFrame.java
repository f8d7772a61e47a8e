package dev.grok4.internal.stream;

import dev.grok4.model.ChatChunk;
import org.jspecify.annotations.Nullable;

/**
 * One parsed {@code data} payload: a chunk, or an error the server reported instead.
 * Exactly one of the two is set.
 *
 * @since 0.1
 */
public record ChunkFrame(@Nullable ChatChunk chunk, @Nullable ErrorFrame error) {}

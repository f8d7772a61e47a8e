package dev.grok4;

import dev.grok4.model.ChatChunk;
import dev.grok4.model.ChatResponse;

/**
 * Callbacks for a streamed chat response, called on the HTTP client's threads, one at a time
 * and in order: {@link #onChunk} for each chunk, then exactly one of {@link #onComplete} or
 * {@link #onError}. Keep the callbacks short; a slow callback slows the stream, which is read
 * only as fast as it is handled.
 *
 * <p>An exception thrown by {@link #onChunk} cancels the stream; the call's future then
 * completes with that exception and neither {@code onComplete} nor {@code onError} is called.
 *
 * @since 0.1
 */
public interface StreamHandler {

    /** Receives the next chunk. */
    void onChunk(ChatChunk chunk);

    /** Receives the accumulated response after the last chunk. Does nothing by default. */
    default void onComplete(ChatResponse response) {}

    /**
     * Receives the failure that ended the stream; {@link Grok4Exception#partialContent()}
     * holds the content that arrived before it. Does nothing by default.
     */
    default void onError(Grok4Exception error) {}
}

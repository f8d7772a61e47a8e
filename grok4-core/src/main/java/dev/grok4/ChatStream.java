package dev.grok4;

import dev.grok4.model.ChatChunk;
import dev.grok4.model.ChatResponse;
import java.util.Iterator;
import java.util.stream.Stream;

/**
 * A streamed chat response read on the caller's thread, one chunk at a time.
 *
 * <p>Iterate it, or use {@link #chunks()}, to see each chunk as it arrives; call
 * {@link #response()} for the whole response. Both can be combined: {@code response()} reads
 * what is left and returns everything accumulated since the start. Reading blocks only while
 * the next bytes are on their way; nothing is read ahead of the consumer beyond one network
 * buffer.
 *
 * <pre>{@code
 * try (ChatStream stream = client.stream(request)) {
 *     for (ChatChunk chunk : stream) {
 *         System.out.print(chunk.content());
 *     }
 *     ChatResponse whole = stream.response();   // usage, finish reason, tool calls
 * }
 * }</pre>
 *
 * <p>Always close a stream that was not read to its end: closing stops reading and releases
 * the connection. Errors surface from {@code hasNext()}, {@code next()} and {@code response()}
 * as {@link Grok4Exception}s; {@link Grok4Exception#partialContent()} holds the content that
 * arrived before the failure, and a stream that stops early without a finish reason fails with
 * a {@link StreamTruncatedException}.
 *
 * <p>Not thread-safe, except {@link #close()}, which may be called from any thread to abandon a
 * stream another thread is reading.
 *
 * @since 0.1
 */
public interface ChatStream extends AutoCloseable, Iterable<ChatChunk> {

    /**
     * Returns an iterator over the chunks not yet read. Every call returns a view of the same
     * position; chunks are read once. {@code hasNext()} blocks until a chunk or the end arrives.
     *
     * @throws Grok4Exception from {@code hasNext()} or {@code next()} when the stream fails
     */
    @Override
    Iterator<ChatChunk> iterator();

    /**
     * Returns the chunks not yet read as a sequential stream. Closing the returned stream closes
     * this {@code ChatStream}.
     */
    Stream<ChatChunk> chunks();

    /**
     * Reads the stream to its end and returns the accumulated response: content, reasoning,
     * tool calls, finish reason, usage, the model as answered and the time to first token.
     * Calling it again returns the same response.
     *
     * @throws Grok4Exception if the stream fails, carrying the content received before it
     * @throws IllegalStateException if the stream was closed before its end
     */
    ChatResponse response();

    /** Stops reading and releases the connection. Does nothing if already closed or finished. */
    @Override
    void close();
}

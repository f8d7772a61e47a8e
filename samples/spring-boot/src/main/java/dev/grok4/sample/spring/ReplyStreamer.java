package dev.grok4.sample.spring;

import static java.util.Objects.requireNonNull;

import dev.grok4.ChatStream;
import dev.grok4.Grok4Client;
import dev.grok4.Grok4Exception;
import dev.grok4.model.ChatChunk;
import dev.grok4.model.ChatRequest;
import java.io.IOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Relays a streamed reply as server-sent events, one content delta per event.
 *
 * <p>The stream is opened, and its first delta awaited, on the request thread, so that an
 * upstream failure before any content still becomes a 502. The rest is relayed from
 * {@code executor}. A failure after the first event can no longer change the status: it is sent
 * as an {@code error} event and the response ends.
 */
final class ReplyStreamer {
    private static final Logger LOG = LoggerFactory.getLogger(ReplyStreamer.class);

    private final Grok4Client client;
    private final Executor executor;

    ReplyStreamer(Grok4Client client, Executor executor) {
        this.client = requireNonNull(client, "client");
        this.executor = requireNonNull(executor, "executor");
    }

    /**
     * Opens the stream and returns the emitter that relays it.
     *
     * @throws Grok4Exception if the call fails before its first delta
     */
    SseEmitter stream(ChatRequest request) {
        Deltas deltas = open(request);
        SseEmitter emitter = new SseEmitter(client.config().requestTimeout().toMillis());
        // The relay thread may be blocked reading: closing from here frees the connection.
        emitter.onTimeout(deltas::close);
        emitter.onError(failure -> deltas.close());
        executor.execute(() -> relay(deltas, emitter));
        return emitter;
    }

    private void relay(Deltas deltas, SseEmitter emitter) {
        try (deltas) {
            while (deltas.hasNext()) {
                emitter.send(SseEmitter.event().data(framed(deltas.next()), MediaType.TEXT_PLAIN));
            }
            emitter.complete();
        } catch (Grok4Exception e) {
            LOG.warn("Stream failed after it started ({}): {}", e.kind().wireName(),
                    e.getMessage());
            sendError(emitter, e);
        } catch (IOException | IllegalStateException e) {
            LOG.debug("The client went away during a stream", e);
        }
    }

    /**
     * Returns the delta as event data that SSE readers give back unchanged: Spring writes
     * {@code data:} with no space, and a reader drops one space after the colon, so each line
     * gets one space to lose. Spring prefixes each line after a newline with {@code data:}.
     */
    static String framed(String delta) {
        return " " + delta.replace("\n", "\n ");
    }

    private static void sendError(SseEmitter emitter, Grok4Exception e) {
        try {
            emitter.send(SseEmitter.event().name("error")
                    .data(framed(e.kind().wireName() + ": " + e.getMessage()),
                            MediaType.TEXT_PLAIN));
            emitter.complete();
        } catch (IOException | IllegalStateException gone) {
            LOG.debug("The client went away before the error event", gone);
        }
    }

    private Deltas open(ChatRequest request) {
        ChatStream stream = client.stream(request);
        try {
            return new ChunkDeltas(stream);
        } catch (RuntimeException e) {
            stream.close();
            throw e;
        }
    }

    /**
     * The non-empty content deltas of a {@link ChatStream}. The first is read on construction;
     * each later one only when asked for, so a failure never hides a delta already read.
     */
    private static final class ChunkDeltas implements Deltas {
        private final ChatStream stream;
        private final Iterator<ChatChunk> chunks;
        private @Nullable String next;

        ChunkDeltas(ChatStream stream) {
            this.stream = stream;
            this.chunks = stream.iterator();
            hasNext();
        }

        @Override
        public boolean hasNext() {
            while (next == null && chunks.hasNext()) {
                String content = chunks.next().content();
                next = content.isEmpty() ? null : content;
            }
            return next != null;
        }

        @Override
        public String next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            String current = next;
            next = null;
            return current;
        }

        @Override
        public void close() {
            stream.close();
        }
    }

    /** The content deltas of one reply; closing releases the connection. */
    private interface Deltas extends Iterator<String>, AutoCloseable {
        @Override
        void close();
    }
}

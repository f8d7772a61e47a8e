package dev.grok4.internal.stream;

import dev.grok4.ChatStream;
import dev.grok4.ConnectionException;
import dev.grok4.Grok4Exception;
import dev.grok4.internal.http.HttpStreamResult;
import dev.grok4.model.ChatChunk;
import dev.grok4.model.ChatResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/**
 * A {@link ChatStream} read on the caller's thread. The body subscriber hands each list of
 * buffers over through a queue of a few slots; one list is requested only when the consumer
 * has used up the previous one, so nothing is read ahead. No thread is started.
 */
final class BlockingChatStream implements ChatStream, BodyPipe.Sink {
    private static final Object CLOSED = new Object();

    private final CompletableFuture<HttpStreamResult> future;
    private final StreamSettings settings;
    private final StreamCompletion completion;
    private final ChunkReader reader;
    private final BlockingQueue<Object> handoff = new ArrayBlockingQueue<>(4);
    private final Cursor cursor = new Cursor();
    private volatile @Nullable BodyPipe pipe;
    private volatile boolean closed;
    private boolean started;

    BlockingChatStream(CompletableFuture<HttpStreamResult> future, StreamSettings settings) {
        this.future = future;
        this.settings = settings;
        this.completion = new StreamCompletion(settings.observer());
        this.reader = new ChunkReader(settings, completion);
    }

    @Override
    public Iterator<ChatChunk> iterator() {
        return cursor;
    }

    @Override
    public Stream<ChatChunk> chunks() {
        Spliterator<ChatChunk> split = Spliterators.spliteratorUnknownSize(cursor,
                Spliterator.ORDERED | Spliterator.NONNULL);
        return StreamSupport.stream(split, false).onClose(this::close);
    }

    @Override
    public ChatResponse response() {
        while (cursor.hasNext()) {
            cursor.next();
        }
        ChatResponse response = reader.response();
        if (response == null) {
            throw new IllegalStateException("The stream was closed before its end, so there is"
                    + " no complete response; read response() before close()");
        }
        return response;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        BodyPipe body = pipe;
        if (body != null && !reader.isFinished()) {
            body.cancel();
        } else if (body == null) {
            // Cancelling the future would not reach the exchange behind a dependent future,
            // so the response is let arrive and its body cancelled.
            future.thenAccept(this::releaseUnread);
        }
        handoff.offer(CLOSED);
        completion.cancelled();
    }

    @Override
    public void onBuffers(List<ByteBuffer> buffers) {
        offer(buffers);
    }

    @Override
    public void onEnd(@Nullable Throwable error) {
        offer(error == null ? End.OK : new End(error));
    }

    private void offer(Object item) {
        if (!handoff.offer(item)) {
            // Only possible if the body ignored demand; the stream cannot go on.
            pipe.cancel();
            handoff.clear();
            handoff.offer(new End(new IllegalStateException(
                    "The response body delivered more than was requested")));
        }
    }

    private void releaseUnread(HttpStreamResult result) {
        if (pipe == null) {
            BodyPipe unwanted = new BodyPipe(this);
            unwanted.cancel();
            result.body().subscribe(unwanted);
        }
    }

    private @Nullable ChatChunk pull() {
        start();
        while (!closed) {
            ChatChunk chunk = reader.next();
            if (chunk != null) {
                return chunk;
            }
            if (reader.isFinished()) {
                return finish();
            }
            if (!reader.needsInput()) {
                continue;
            }
            pipe.request();
            take();
        }
        return null;
    }

    private @Nullable ChatChunk finish() {
        if (reader.failure() != null) {
            pipe.cancel();
            throw reader.failure();
        }
        pipe.discardRest();
        return null;
    }

    private void take() {
        Object item;
        try {
            Duration idle = settings.idleTimeout();
            item = idle == null ? handoff.take()
                    : handoff.poll(idle.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new ConnectionException("Interrupted while waiting for the stream", e);
        }
        if (item == null) {
            Grok4Exception timeout = StreamErrors.idle(settings.idleTimeout());
            pipe.cancel();
            reader.fail(timeout);
            throw timeout;
        }
        if (item instanceof End end) {
            reader.endOfInput(end.error);
        } else if (item != CLOSED) {
            @SuppressWarnings("unchecked")
            List<ByteBuffer> buffers = (List<ByteBuffer>) item;
            reader.feed(buffers);
        }
    }

    private void start() {
        if (started || closed) {
            return;
        }
        started = true;
        HttpStreamResult result = await(future);
        BodyPipe body = new BodyPipe(this);
        pipe = body;
        if (!WholeBody.isEventStream(result)) {
            reader.whole(readWhole(result));
            return;
        }
        result.body().subscribe(body);
        if (closed) {
            body.cancel();
        }
    }

    /** Reads a complete answer sent instead of a stream; throws the error it reports. */
    private ChatChunk readWhole(HttpStreamResult result) {
        WholeBody.Answer answer;
        try {
            answer = WholeBody.read(result, settings).join();
        } catch (CompletionException e) {
            answer = new WholeBody.Answer(null, settings.failureMapper().apply(e));
        }
        if (answer.chunk() == null) {
            reader.fail(answer.error());
            throw answer.error();
        }
        return answer.chunk();
    }

    private HttpStreamResult await(CompletableFuture<HttpStreamResult> response) {
        try {
            return response.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new ConnectionException("Interrupted while waiting for the stream", e);
        } catch (ExecutionException | RuntimeException e) {
            Grok4Exception error = settings.failureMapper().apply(e);
            reader.fail(error);
            throw error;
        }
    }

    /** The end of the body, with the error that ended it early. */
    private record End(@Nullable Throwable error) {
        static final End OK = new End(null);
    }

    /** The one iterator over this stream. */
    private final class Cursor implements Iterator<ChatChunk> {
        private @Nullable ChatChunk next;

        @Override
        public boolean hasNext() {
            if (next == null) {
                if (reader.failure() != null) {
                    throw reader.failure();
                }
                next = pull();
            }
            return next != null;
        }

        @Override
        public ChatChunk next() {
            if (!hasNext()) {
                throw new NoSuchElementException("The stream has no more chunks");
            }
            ChatChunk chunk = next;
            next = null;
            return chunk;
        }
    }
}

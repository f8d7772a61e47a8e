package dev.grok4.internal.stream;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.Flow;
import org.jspecify.annotations.Nullable;

/**
 * Subscribes to a response body and passes its buffers on one request at a time. After the
 * stream's end it can read and discard the rest of the body, so the HTTP client returns the
 * connection to its pool, and it cancels instead when the rest is unexpectedly long.
 *
 * <p>{@link #request()}, {@link #cancel()} and {@link #discardRest()} may be called from any
 * thread, also before the subscription arrives.
 */
final class BodyPipe implements Flow.Subscriber<List<ByteBuffer>> {
    /** The most bytes read and discarded after the end before the connection is given up. */
    static final long DISCARD_LIMIT = 64 * 1024;

    /** Receives what the body delivers. */
    interface Sink {
        /** Receives the buffers answering one {@link #request()}. */
        void onBuffers(List<ByteBuffer> buffers);

        /** Receives the end of the body, with the error that ended it, if any. */
        void onEnd(@Nullable Throwable error);
    }

    private final Sink sink;
    private Flow.@Nullable Subscription subscription;
    private long pending;
    private boolean cancelled;
    private volatile boolean discarding;
    private long discarded;

    BodyPipe(Sink sink) {
        this.sink = sink;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        long toRequest;
        synchronized (this) {
            if (subscription != null || cancelled) {
                s.cancel();
                return;
            }
            subscription = s;
            toRequest = discarding ? Long.MAX_VALUE : pending;
        }
        if (toRequest > 0) {
            s.request(toRequest);
        }
    }

    /** Asks the body for one more list of buffers. */
    void request() {
        Flow.Subscription s;
        synchronized (this) {
            s = subscription;
            if (s == null) {
                pending++;
                return;
            }
        }
        s.request(1);
    }

    /** Stops the body and releases the connection. */
    void cancel() {
        Flow.Subscription s;
        synchronized (this) {
            cancelled = true;
            s = subscription;
        }
        if (s != null) {
            s.cancel();
        }
    }

    /** Reads the rest of the body without passing it on. */
    void discardRest() {
        Flow.Subscription s;
        synchronized (this) {
            discarding = true;
            s = subscription;
        }
        if (s != null) {
            s.request(Long.MAX_VALUE);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (!discarding) {
            sink.onBuffers(buffers);
            return;
        }
        for (ByteBuffer buffer : buffers) {
            discarded += buffer.remaining();
        }
        if (discarded > DISCARD_LIMIT) {
            cancel();
        }
    }

    @Override
    public void onError(Throwable error) {
        if (!discarding) {
            sink.onEnd(error);
        }
    }

    @Override
    public void onComplete() {
        if (!discarding) {
            sink.onEnd(null);
        }
    }
}

package dev.grok4.internal.stream;

import dev.grok4.Grok4Exception;
import dev.grok4.internal.http.HttpStreamResult;
import dev.grok4.model.ChatChunk;
import dev.grok4.model.ChatResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * The chunks of one streamed response as a {@link Flow.Publisher} that honours demand: body
 * buffers are requested from the HTTP client one list at a time, only when the subscriber has
 * asked for a chunk that the buffers already read cannot supply, so at most one network read
 * is held. Cancelling cancels the body and releases the connection; a finished stream reads
 * the rest of its body so the connection goes back to the pool.
 *
 * <p>Runs on the HTTP client's threads and the subscriber's {@code request} calls; signals are
 * serialized by a drain loop. Accepts one subscriber; later ones get {@code onError}.
 */
final class ChunkPublisher implements Flow.Publisher<ChatChunk>, BodyPipe.Sink {
    private static final System.Logger LOG = System.getLogger(ChunkPublisher.class.getName());
    private static final long NOT_WAITING = Long.MIN_VALUE;

    private final CompletableFuture<HttpStreamResult> response;
    private final StreamSettings settings;
    private final StreamCompletion completion;
    private final ChunkReader reader;
    private final AtomicBoolean subscribed = new AtomicBoolean();
    private final AtomicInteger wip = new AtomicInteger();
    private final AtomicLong requested = new AtomicLong();
    private volatile Flow.@Nullable Subscriber<? super ChatChunk> downstream;
    private volatile @Nullable BodyPipe pipe;
    private volatile @Nullable List<ByteBuffer> pending;
    private volatile @Nullable ChatChunk wholeChunk;
    private volatile boolean upstreamEnded;
    private volatile @Nullable Throwable endCause;
    private volatile @Nullable Grok4Exception early;
    private volatile @Nullable Throwable badRequest;
    private volatile boolean cancelled;
    private volatile boolean abandoned;
    private volatile long waitingSince = NOT_WAITING;
    private volatile boolean idleExpired;
    private volatile @Nullable ScheduledFuture<?> idleTask;
    private boolean awaiting;
    private boolean terminated;

    ChunkPublisher(CompletableFuture<HttpStreamResult> response, StreamSettings settings) {
        this.response = response;
        this.settings = settings;
        this.completion = new StreamCompletion(settings.observer());
        this.reader = new ChunkReader(settings, completion);
    }

    @Override
    public void subscribe(Flow.Subscriber<? super ChatChunk> subscriber) {
        if (!subscribed.compareAndSet(false, true)) {
            subscriber.onSubscribe(new Flow.Subscription() {
                @Override
                public void request(long n) {}

                @Override
                public void cancel() {}
            });
            subscriber.onError(new IllegalStateException("A chat stream can be read once"));
            return;
        }
        downstream = subscriber;
        subscriber.onSubscribe(new Demand());
        response.whenComplete(this::onResponse);
    }

    /** Runs an action once the stream's end hook has run, however the stream ended. */
    void afterEnd(Runnable action) {
        completion.afterEnd(action);
    }

    /** Returns the accumulated response once the subscriber saw {@code onComplete}. */
    @Nullable ChatResponse result() {
        return reader.response();
    }

    private void onResponse(@Nullable HttpStreamResult result, @Nullable Throwable error) {
        if (result == null) {
            early = settings.failureMapper().apply(error == null
                    ? new IllegalStateException("No response") : error);
            drain();
        } else if (cancelled) {
            BodyPipe unwanted = new BodyPipe(this);
            unwanted.cancel();
            result.body().subscribe(unwanted);
        } else if (!WholeBody.isEventStream(result)) {
            WholeBody.read(result, settings).whenComplete((answer, failure) -> {
                onWholeAnswer(answer, failure);
                drain();
            });
        } else {
            BodyPipe body = new BodyPipe(this);
            pipe = body;
            startIdleWatch();
            result.body().subscribe(body);
            if (cancelled || abandoned) {
                body.cancel();
            }
            drain();
        }
    }

    private void onWholeAnswer(WholeBody.@Nullable Answer answer, @Nullable Throwable failure) {
        if (answer == null || answer.chunk() == null) {
            early = answer != null ? answer.error() : settings.failureMapper().apply(failure);
        } else {
            wholeChunk = answer.chunk();
            pipe = new BodyPipe(this);
        }
    }

    private void startIdleWatch() {
        Duration timeout = settings.idleTimeout();
        if (timeout != null) {
            scheduleIdleCheck(timeout.toNanos());
        }
    }

    /** Fails the stream if it has waited too long for the body, else checks again later. */
    private void checkIdle() {
        Duration timeout = settings.idleTimeout();
        if (timeout == null || completion.isEnded()) {
            return;
        }
        long since = waitingSince;
        long waited = since == NOT_WAITING ? 0 : System.nanoTime() - since;
        if (waited >= timeout.toNanos()) {
            idleExpired = true;
            drain();
        } else {
            scheduleIdleCheck(timeout.toNanos() - waited);
        }
    }

    private void scheduleIdleCheck(long delayNanos) {
        idleTask = StreamTimer.schedule(this::checkIdle, delayNanos);
    }

    private void stopIdle() {
        ScheduledFuture<?> task = idleTask;
        if (task != null) {
            task.cancel(false);
        }
    }

    @Override
    public void onBuffers(List<ByteBuffer> buffers) {
        waitingSince = NOT_WAITING;
        pending = buffers;
        drain();
    }

    @Override
    public void onEnd(@Nullable Throwable error) {
        waitingSince = NOT_WAITING;
        endCause = error;
        upstreamEnded = true;
        drain();
    }

    private void drain() {
        if (wip.getAndIncrement() != 0) {
            return;
        }
        int missed = 1;
        do {
            drainOnce();
            missed = wip.addAndGet(-missed);
        } while (missed != 0);
    }

    private void drainOnce() {
        if (terminated) {
            return;
        }
        if (cancelled) {
            terminateCancelled();
        } else if (badRequest != null) {
            terminateWith(new IllegalArgumentException("request(n) needs n > 0", badRequest));
        } else if (early != null) {
            terminateWith(early);
        } else if (idleExpired) {
            terminateWith(StreamErrors.idle(settings.idleTimeout()));
        } else if (pipe != null) {
            emit();
        }
    }

    /** Feeds the reader what the body delivered; returns whether there was anything. */
    private boolean takeInput() {
        boolean ended = upstreamEnded;
        List<ByteBuffer> buffers = pending;
        if (buffers != null) {
            pending = null;
            awaiting = false;
            reader.feed(buffers);
            return true;
        }
        if (ended) {
            reader.endOfInput(endCause);
            return true;
        }
        return false;
    }

    private void emit() {
        Flow.Subscriber<? super ChatChunk> s = downstream;
        ChatChunk whole = wholeChunk;
        if (whole != null) {
            wholeChunk = null;
            reader.whole(whole);
        }
        while (!cancelled && !reader.isFinished()) {
            if (reader.needsInput() && !takeInput()) {
                break;
            }
            if (requested.get() == 0 && !reader.onlyEndRemains()) {
                break;
            }
            ChatChunk chunk = reader.next();
            if (chunk != null) {
                requested.getAndUpdate(r -> r == Long.MAX_VALUE ? r : r - 1);
                deliver(s, chunk);
            }
        }
        if (cancelled) {
            terminateCancelled();
        } else if (reader.response() != null) {
            terminated = true;
            stopIdle();
            pipe.discardRest();
            s.onComplete();
        } else if (reader.failure() != null) {
            terminateWith(reader.failure());
        } else if (requested.get() > 0 && !awaiting && reader.needsInput()) {
            awaiting = true;
            waitingSince = System.nanoTime();
            pipe.request();
        }
    }

    private void deliver(Flow.Subscriber<? super ChatChunk> s, ChatChunk chunk) {
        try {
            s.onNext(chunk);
        } catch (RuntimeException e) {
            // The Flow contract forbids throwing here; treat it as a cancellation.
            LOG.log(System.Logger.Level.WARNING, "A chat stream subscriber threw from onNext;"
                    + " the stream is cancelled", e);
            cancelled = true;
        }
    }

    private void terminateWith(Throwable error) {
        terminated = true;
        abandoned = true;
        stopIdle();
        BodyPipe body = pipe;
        if (body != null) {
            body.cancel();
        }
        if (error instanceof Grok4Exception e) {
            reader.fail(e);
        } else {
            completion.cancelled();
        }
        downstream.onError(error);
    }

    private void terminateCancelled() {
        terminated = true;
        abandoned = true;
        stopIdle();
        BodyPipe body = pipe;
        if (body != null) {
            body.cancel();
        }
        completion.cancelled();
    }

    /** The subscriber's side: demand and cancellation. */
    private final class Demand implements Flow.Subscription {
        @Override
        public void request(long n) {
            if (n <= 0) {
                badRequest = new IllegalArgumentException("n = " + n);
            } else {
                requested.getAndUpdate(r -> r + n < 0 ? Long.MAX_VALUE : r + n);
            }
            drain();
        }

        @Override
        public void cancel() {
            cancelled = true;
            drain();
        }
    }
}

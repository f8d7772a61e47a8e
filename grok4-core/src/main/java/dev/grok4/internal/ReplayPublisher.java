package dev.grok4.internal;

import dev.grok4.model.ChatChunk;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;

/** Publishes known chunks to one subscriber, as fast as it asks for them. */
final class ReplayPublisher implements Flow.Publisher<ChatChunk> {
    private final List<ChatChunk> chunks;
    private final AtomicBoolean subscribed = new AtomicBoolean();

    ReplayPublisher(List<ChatChunk> chunks) {
        this.chunks = List.copyOf(chunks);
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
            subscriber.onError(new IllegalStateException("This stream has one subscriber"));
            return;
        }
        subscriber.onSubscribe(new Replay(subscriber));
    }

    private final class Replay implements Flow.Subscription {
        private final Flow.Subscriber<? super ChatChunk> subscriber;
        private long demand;
        private int next;
        private boolean emitting;
        private boolean done;

        Replay(Flow.Subscriber<? super ChatChunk> subscriber) {
            this.subscriber = subscriber;
        }

        @Override
        public void request(long n) {
            synchronized (this) {
                if (done) {
                    return;
                }
                if (n <= 0) {
                    done = true;
                } else {
                    demand = demand + n < 0 ? Long.MAX_VALUE : demand + n;
                }
                if (emitting) {
                    return;
                }
                emitting = true;
            }
            if (n <= 0) {
                subscriber.onError(new IllegalArgumentException(
                        "Flow rule 3.9: request(" + n + ") must be positive"));
                return;
            }
            drain();
        }

        // Re-entrant requests from onNext only raise the demand; this loop does the emitting.
        private void drain() {
            while (true) {
                ChatChunk chunk;
                synchronized (this) {
                    if (done) {
                        return;
                    }
                    if (next == chunks.size()) {
                        done = true;
                        break;
                    }
                    if (demand == 0) {
                        emitting = false;
                        return;
                    }
                    demand--;
                    chunk = chunks.get(next++);
                }
                subscriber.onNext(chunk);
            }
            subscriber.onComplete();
        }

        @Override
        public synchronized void cancel() {
            done = true;
        }
    }
}

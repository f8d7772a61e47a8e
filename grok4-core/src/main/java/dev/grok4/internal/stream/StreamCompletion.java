package dev.grok4.internal.stream;

import dev.grok4.Grok4Exception;
import dev.grok4.model.ChatResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/** Calls a {@link StreamObserver}'s end hook exactly once, shielding the stream from it. */
final class StreamCompletion {
    private static final System.Logger LOG = System.getLogger(StreamCompletion.class.getName());

    private final StreamObserver observer;
    private final AtomicBoolean ended = new AtomicBoolean();
    private final CompletableFuture<@Nullable Void> afterEnd = new CompletableFuture<>();

    StreamCompletion(StreamObserver observer) {
        this.observer = observer;
    }

    void firstToken(@Nullable Duration timeToFirstToken) {
        if (timeToFirstToken == null) {
            return;
        }
        try {
            observer.onFirstToken(timeToFirstToken);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "A stream observer failed on the first token", e);
        }
    }

    void succeeded(ChatResponse response) {
        end(response, null);
    }

    void failed(Grok4Exception error) {
        end(null, error);
    }

    void cancelled() {
        end(null, null);
    }

    boolean isEnded() {
        return ended.get();
    }

    /** Runs an action once the observer has seen the end; at once if it already has. */
    void afterEnd(Runnable action) {
        afterEnd.thenRun(action);
    }

    private void end(@Nullable ChatResponse response, @Nullable Grok4Exception error) {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        try {
            observer.onEnd(response, error);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "A stream observer failed at the end", e);
        } finally {
            afterEnd.complete(null);
        }
    }
}

package dev.grok4.internal.stream;

import dev.grok4.Grok4Exception;
import dev.grok4.StreamHandler;
import dev.grok4.model.ChatChunk;
import dev.grok4.model.ChatResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import org.jspecify.annotations.Nullable;

/**
 * Feeds a {@link StreamHandler} from a {@link ChunkPublisher} and completes a future with the
 * accumulated response. Cancelling the future cancels the stream.
 */
final class HandlerSubscriber implements Flow.Subscriber<ChatChunk> {
    private static final System.Logger LOG = System.getLogger(HandlerSubscriber.class.getName());

    private final StreamHandler handler;
    private final ChunkPublisher publisher;
    private final CompletableFuture<ChatResponse> result = new CompletableFuture<>();
    private volatile Flow.@Nullable Subscription subscription;

    HandlerSubscriber(StreamHandler handler, ChunkPublisher publisher) {
        this.handler = handler;
        this.publisher = publisher;
        result.whenComplete((response, error) -> {
            Flow.Subscription s = subscription;
            if (result.isCancelled() && s != null) {
                s.cancel();
            }
        });
    }

    CompletableFuture<ChatResponse> result() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (result.isDone()) {
            s.cancel();
            return;
        }
        // Unbounded demand is safe: the publisher still reads one network buffer at a time.
        s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(ChatChunk chunk) {
        if (result.isDone()) {
            return;
        }
        try {
            handler.onChunk(chunk);
        } catch (RuntimeException | Error e) {
            // Completed only after the end hook, so a permit is free when the caller sees it.
            publisher.afterEnd(() -> result.completeExceptionally(e));
            subscription.cancel();
        }
    }

    @Override
    public void onError(Throwable error) {
        if (result.isDone()) {
            return;
        }
        if (error instanceof Grok4Exception e) {
            call(() -> handler.onError(e));
        }
        result.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        ChatResponse response = publisher.result();
        if (result.isDone() || response == null) {
            return;
        }
        call(() -> handler.onComplete(response));
        result.complete(response);
    }

    /** Runs an end callback; its failure must not break the stream's signals, so it is logged. */
    private static void call(Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "A stream handler failed at the end", e);
        }
    }
}

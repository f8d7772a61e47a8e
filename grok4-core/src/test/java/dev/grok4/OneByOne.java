package dev.grok4;

import dev.grok4.model.ChatChunk;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import org.jspecify.annotations.Nullable;

/** Asks for one chunk at a time; {@code end} completes with the error, or null. */
final class OneByOne implements Flow.Subscriber<ChatChunk> {
    final StringBuffer text = new StringBuffer();
    final CompletableFuture<@Nullable Throwable> end = new CompletableFuture<>();
    private Flow.@Nullable Subscription subscription;

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        s.request(1);
    }

    @Override
    public void onNext(ChatChunk chunk) {
        text.append(chunk.content());
        subscription.request(1);
    }

    @Override
    public void onError(Throwable error) {
        end.complete(error);
    }

    @Override
    public void onComplete() {
        end.complete(null);
    }
}

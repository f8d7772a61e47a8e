package dev.grok4.internal.stream;

import dev.grok4.model.ChatChunk;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;

/**
 * A subscriber that records what it receives. With a positive batch it requests that many
 * chunks after each batch arrives; with 0 it requests only when told to.
 */
class TestSubscriber implements Flow.Subscriber<ChatChunk> {
    private final int batch;
    private final List<ChatChunk> chunks = new CopyOnWriteArrayList<>();
    private final CountDownLatch end = new CountDownLatch(1);
    private volatile Flow.Subscription subscription;
    private volatile Throwable error;
    private volatile boolean completed;
    private int inBatch;

    TestSubscriber(int batch) {
        this.batch = batch;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (batch > 0) {
            s.request(batch);
        }
    }

    @Override
    public void onNext(ChatChunk chunk) {
        chunks.add(chunk);
        if (batch > 0 && ++inBatch == batch) {
            inBatch = 0;
            subscription.request(batch);
        }
    }

    @Override
    public void onError(Throwable throwable) {
        error = throwable;
        end.countDown();
    }

    @Override
    public void onComplete() {
        completed = true;
        end.countDown();
    }

    void request(long n) {
        subscription.request(n);
    }

    void cancel() {
        subscription.cancel();
    }

    void awaitEnd() throws InterruptedException {
        if (!end.await(30, TimeUnit.SECONDS)) {
            throw new AssertionError("The stream did not end within 30 s; got " + chunks.size()
                    + " chunks");
        }
    }

    boolean awaitEnd(long millis) throws InterruptedException {
        return end.await(millis, TimeUnit.MILLISECONDS);
    }

    List<ChatChunk> chunks() {
        return chunks;
    }

    Throwable error() {
        return error;
    }

    boolean completed() {
        return completed;
    }
}

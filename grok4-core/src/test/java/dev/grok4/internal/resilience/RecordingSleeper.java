package dev.grok4.internal.resilience;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/** A sleeper that records each requested wait and returns at once. */
final class RecordingSleeper implements Sleeper {
    final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    @Override
    public void sleep(Duration duration) {
        sleeps.add(duration);
    }

    @Override
    public CompletableFuture<Void> delay(Duration duration) {
        sleeps.add(duration);
        return CompletableFuture.completedFuture(null);
    }
}

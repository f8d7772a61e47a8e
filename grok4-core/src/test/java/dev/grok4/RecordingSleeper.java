package dev.grok4;

import dev.grok4.internal.resilience.Sleeper;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Records each wait and returns at once, so that retry tests never really wait. */
record RecordingSleeper(List<Duration> sleeps) implements Sleeper {
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

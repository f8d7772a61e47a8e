package dev.grok4.testkit;

import java.io.InterruptedIOException;
import java.time.Duration;

/** Sleeps on a connection thread; an interrupt (from {@code close()}) ends the connection. */
final class Pause {
    private Pause() {
    }

    static void sleep(Duration duration) throws InterruptedIOException {
        if (duration.isZero() || duration.isNegative()) {
            return;
        }
        try {
            Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("simulator is shutting down");
        }
    }
}

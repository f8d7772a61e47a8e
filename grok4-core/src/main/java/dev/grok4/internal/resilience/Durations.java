package dev.grok4.internal.resilience;

import java.time.Duration;

/** Formats durations the way our messages show them: {@code 30s}, {@code 200ms}, {@code 2m}. */
final class Durations {
    private Durations() {
    }

    static String format(Duration d) {
        long millis = d.toMillis();
        if (millis % 60_000 == 0 && millis > 0) {
            return millis / 60_000 + "m";
        }
        if (millis % 1000 == 0 && millis > 0) {
            return millis / 1000 + "s";
        }
        return millis + "ms";
    }
}

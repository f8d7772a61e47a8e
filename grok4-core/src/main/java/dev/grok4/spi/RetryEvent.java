package dev.grok4.spi;

import static java.util.Objects.requireNonNull;

import dev.grok4.ErrorKind;
import java.time.Duration;

/**
 * An attempt failed and the call will try the same model again.
 *
 * @param model the model being retried
 * @param attempt the number of the attempt that failed, starting at 1
 * @param reason the kind of the failure
 * @param delay how long the client waits before the next attempt
 * @since 0.1
 */
public record RetryEvent(String model, int attempt, ErrorKind reason, Duration delay) {

    /** Checks the required values are not null. */
    public RetryEvent {
        requireNonNull(model, "model");
        requireNonNull(reason, "reason");
        requireNonNull(delay, "delay");
    }
}

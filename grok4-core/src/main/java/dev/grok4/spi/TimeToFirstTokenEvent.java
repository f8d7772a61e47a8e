package dev.grok4.spi;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * The first content of a streamed response arrived.
 *
 * @param requestedModel the model the stream asked for
 * @param timeToFirstToken the time from sending the request to the first content delta
 * @since 0.1
 */
public record TimeToFirstTokenEvent(String requestedModel, Duration timeToFirstToken) {

    /** Checks the values are not null. */
    public TimeToFirstTokenEvent {
        requireNonNull(requestedModel, "requestedModel");
        requireNonNull(timeToFirstToken, "timeToFirstToken");
    }
}

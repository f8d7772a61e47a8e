package dev.grok4.spi;

import static java.util.Objects.requireNonNull;

/**
 * The cache was asked for a response: a hit or a miss, depending on the listener method.
 *
 * @param requestedModel the model of the request looked up
 * @since 0.1
 */
public record CacheEvent(String requestedModel) {

    /** Checks the model is not null. */
    public CacheEvent {
        requireNonNull(requestedModel, "requestedModel");
    }
}

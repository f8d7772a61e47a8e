package dev.grok4.spi;

import static java.util.Objects.requireNonNull;

/**
 * A call started.
 *
 * @param requestedModel the model the call asks for first, after the configured default applied
 * @param streaming whether the call streams its response
 * @since 0.1
 */
public record RequestStartEvent(String requestedModel, boolean streaming) {

    /** Checks the model is not null. */
    public RequestStartEvent {
        requireNonNull(requestedModel, "requestedModel");
    }
}

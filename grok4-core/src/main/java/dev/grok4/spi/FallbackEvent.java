package dev.grok4.spi;

import static java.util.Objects.requireNonNull;

import dev.grok4.ErrorKind;

/**
 * A model failed for good and the call moves to the next model of the fallback chain.
 *
 * @param fromModel the model that failed
 * @param toModel the model tried next
 * @param reason the kind of the last failure of {@code fromModel}
 * @since 0.1
 */
public record FallbackEvent(String fromModel, String toModel, ErrorKind reason) {

    /** Checks the values are not null. */
    public FallbackEvent {
        requireNonNull(fromModel, "fromModel");
        requireNonNull(toModel, "toModel");
        requireNonNull(reason, "reason");
    }
}

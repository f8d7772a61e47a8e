package dev.grok4.spi;

import static java.util.Objects.requireNonNull;

import dev.grok4.ErrorKind;
import dev.grok4.model.ResponseSource;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A call ended.
 *
 * @param requestedModel the model the call asked for first
 * @param responseModel the model the server named in its answer, or null when it named none or
 *     the call failed
 * @param duration the wall time of the whole call, retries and fallbacks included
 * @param errorKind the kind of failure, or null when the call succeeded
 * @param streaming whether the call streamed its response
 * @param source whether the network or the cache answered; {@code NETWORK} for failures
 * @since 0.1
 */
public record RequestEndEvent(String requestedModel, @Nullable String responseModel,
        Duration duration, @Nullable ErrorKind errorKind, boolean streaming,
        ResponseSource source) {

    /** Checks the required values are not null. */
    public RequestEndEvent {
        requireNonNull(requestedModel, "requestedModel");
        requireNonNull(duration, "duration");
        requireNonNull(source, "source");
    }

    /** Returns whether the call succeeded. */
    public boolean success() {
        return errorKind == null;
    }
}

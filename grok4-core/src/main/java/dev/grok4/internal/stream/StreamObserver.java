package dev.grok4.internal.stream;

import dev.grok4.Grok4Exception;
import dev.grok4.model.ChatResponse;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Hooks the client uses to release a concurrency permit and record metrics when a stream ends.
 * Called on whichever thread reads the stream; implementations must be quick and must not
 * throw (an exception is logged and ignored).
 *
 * @since 0.1
 */
public interface StreamObserver {
    /** An observer that does nothing. */
    StreamObserver NOOP = new StreamObserver() {};

    /** Called once when the first content, reasoning or tool-call piece arrives. */
    default void onFirstToken(Duration timeToFirstToken) {}

    /**
     * Called exactly once when the stream ends, however it ends.
     *
     * @param response the accumulated response on success, otherwise null
     * @param error the failure, or null on success and on cancellation
     */
    default void onEnd(@Nullable ChatResponse response, @Nullable Grok4Exception error) {}
}

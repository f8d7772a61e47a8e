package dev.grok4;

import org.jspecify.annotations.Nullable;

/**
 * A stream ended without {@code [DONE]} and without a finish reason, so the answer may be
 * incomplete. {@link #partialContent()} holds what arrived.
 *
 * @since 0.1
 */
public class StreamTruncatedException extends Grok4Exception {
    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public StreamTruncatedException(String message, @Nullable Throwable cause, Details details) {
        super(ErrorKind.STREAM_TRUNCATED, message, cause, details);
    }
}

package dev.grok4;

import org.jspecify.annotations.Nullable;

/**
 * The server failed (5xx), or answered 408 or 409, or sent an error inside a stream. Retryable.
 *
 * @since 0.1
 */
public class ServerException extends Grok4Exception {
    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public ServerException(String message, @Nullable Throwable cause, Details details) {
        super(ErrorKind.SERVER, message, cause, details);
    }
}

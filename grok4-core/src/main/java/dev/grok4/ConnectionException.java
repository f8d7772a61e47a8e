package dev.grok4;

import org.jspecify.annotations.Nullable;

/**
 * The connection failed before any response arrived: refused, reset or closed. Retryable.
 *
 * @since 0.1
 */
public class ConnectionException extends Grok4Exception {
    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public ConnectionException(String message, @Nullable Throwable cause) {
        super(ErrorKind.CONNECTION, message, cause);
    }
}

package dev.grok4;

import org.jspecify.annotations.Nullable;

/**
 * No complete answer arrived within the configured timeout. Retryable.
 *
 * @since 0.1
 */
public class Grok4TimeoutException extends Grok4Exception {
    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public Grok4TimeoutException(String message, @Nullable Throwable cause) {
        super(ErrorKind.TIMEOUT, message, cause);
    }
}

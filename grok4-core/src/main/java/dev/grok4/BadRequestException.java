package dev.grok4;

import org.jspecify.annotations.Nullable;

/**
 * The server rejected the request as invalid (400, 404 or 422). Not retryable;
 * {@link #param()} and {@link #providerCode()} say what to fix.
 *
 * @since 0.1
 */
public class BadRequestException extends Grok4Exception {
    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public BadRequestException(String message, @Nullable Throwable cause, Details details) {
        super(ErrorKind.BAD_REQUEST, message, cause, details);
    }
}

package dev.grok4;

import org.jspecify.annotations.Nullable;

/**
 * The server rejected the API key: HTTP 401 or 403, or xAI's HTTP 400 "Incorrect API key".
 * Not retryable: check the key's setting.
 *
 * @since 0.1
 */
public class AuthenticationException extends Grok4Exception {
    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public AuthenticationException(String message, @Nullable Throwable cause, Details details) {
        super(ErrorKind.AUTHENTICATION, message, cause, details);
    }
}

package dev.grok4;

import org.jspecify.annotations.Nullable;

/**
 * The server answered 429 because of a rate limit. Retryable; {@link #retryAfter()} gives the
 * delay the server asked for, when it gave one.
 *
 * @since 0.1
 */
public class RateLimitedException extends Grok4Exception {
    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public RateLimitedException(String message, @Nullable Throwable cause, Details details) {
        super(ErrorKind.RATE_LIMITED, message, cause, details);
    }
}

package dev.grok4;

import org.jspecify.annotations.Nullable;

/**
 * Credits or the spending limit are used up (429 {@code insufficient_quota}, or a body saying
 * so). Not retryable: top up or raise the limit.
 *
 * @since 0.1
 */
public class QuotaExhaustedException extends Grok4Exception {
    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public QuotaExhaustedException(String message, @Nullable Throwable cause, Details details) {
        super(ErrorKind.QUOTA_EXHAUSTED, message, cause, details);
    }
}

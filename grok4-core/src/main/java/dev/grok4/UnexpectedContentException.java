package dev.grok4;

import org.jspecify.annotations.Nullable;

/**
 * The server answered with a body that is not the expected JSON, such as an HTML error page
 * from a proxy. The message gives the status, the content type and at most 200 characters of
 * the body.
 *
 * @since 0.1
 */
public class UnexpectedContentException extends Grok4Exception {
    private static final long serialVersionUID = 1L;

    private final @Nullable String contentType;
    private final String snippet;

    /** Creates the exception. */
    public UnexpectedContentException(String message, @Nullable Throwable cause, Details details,
            @Nullable String contentType, String snippet) {
        super(ErrorKind.UNEXPECTED_CONTENT, message, cause, details);
        this.contentType = contentType;
        this.snippet = snippet;
    }

    /** Returns the response's content type, or null when it had none. */
    public @Nullable String contentType() {
        return contentType;
    }

    /** Returns at most 200 characters of the body, redacted. */
    public String snippet() {
        return snippet;
    }

    /** A 5xx page from a proxy is worth retrying; anything else is not. */
    @Override
    public boolean isRetryable() {
        return status() >= 500 || status() == 408 || status() == 409 || status() == 429;
    }
}

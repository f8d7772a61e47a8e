package dev.grok4.internal.json;

import java.io.IOException;

/**
 * A body that is JSON, or claims to be, but not of the expected shape. Its message describes the
 * shape problem and never quotes the body, so it cannot leak a secret the body echoes.
 *
 * @since 0.1
 */
public final class MalformedJsonException extends IOException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public MalformedJsonException(String message) {
        super(message);
    }
}

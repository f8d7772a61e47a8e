package dev.grok4;

import org.jspecify.annotations.Nullable;

/**
 * A structured-output reply could not be read into the requested class. {@link #rawContent()}
 * holds the reply as the model wrote it.
 *
 * @since 0.1
 */
public class StructuredOutputException extends Grok4Exception {
    private static final long serialVersionUID = 1L;

    private final String rawContent;

    /** Creates the exception. */
    public StructuredOutputException(String message, @Nullable Throwable cause,
            String rawContent) {
        super(ErrorKind.STRUCTURED_OUTPUT, message, cause);
        this.rawContent = rawContent;
    }

    /** Returns the reply text exactly as received. */
    public String rawContent() {
        return rawContent;
    }
}

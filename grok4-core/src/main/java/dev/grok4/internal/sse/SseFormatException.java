package dev.grok4.internal.sse;

/**
 * The body broke a limit of the event-stream parser, so it cannot be a chat stream.
 *
 * @since 0.1
 */
public final class SseFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public SseFormatException(String message) {
        super(message);
    }
}

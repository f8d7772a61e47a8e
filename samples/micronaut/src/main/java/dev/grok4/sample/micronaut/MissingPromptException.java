package dev.grok4.sample.micronaut;

/** The request had no prompt, or a blank one. */
final class MissingPromptException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MissingPromptException() {
        super("A prompt is required: send {\"prompt\": \"...\"} or ?prompt=...");
    }
}

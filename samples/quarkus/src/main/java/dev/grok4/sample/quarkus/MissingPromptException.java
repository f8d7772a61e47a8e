package dev.grok4.sample.quarkus;

/** The request carried no prompt, or a blank one. */
final class MissingPromptException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MissingPromptException() {
        super("A non-blank \"prompt\" is required", null, false, false);
    }
}

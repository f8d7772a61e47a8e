package dev.grok4.sample.spring;

import org.jspecify.annotations.Nullable;

/** A request came without a prompt, or with a blank one; answered with 400. */
final class MissingPromptException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MissingPromptException() {
        super("A prompt is required: send {\"prompt\": \"...\"} to POST /chat, or ?prompt=... to "
                + "GET /chat/stream");
    }

    /** Returns the prompt, stripped, or throws when it is missing or blank. */
    static String require(@Nullable String prompt) {
        if (prompt == null || prompt.isBlank()) {
            throw new MissingPromptException();
        }
        return prompt.strip();
    }
}

package dev.grok4.internal.errors;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Removes secrets from text that may reach a message, a log line or a snippet.
 *
 * <p>It replaces the configured API key wherever it appears, anything shaped like an xAI or
 * OpenAI secret ({@code xai-...}, {@code sk-...}) and the token after {@code Bearer}. Masked
 * echoes such as {@code xa***2c}, which servers already shortened, are left alone. Immutable and
 * thread-safe.
 *
 * @since 0.1
 */
public final class Redactor {
    /** What a removed secret is replaced with. */
    public static final String MASK = "[REDACTED]";

    private static final Pattern SECRET_SHAPES = Pattern.compile(
            "(?<![A-Za-z0-9])(?:xai|sk)-[A-Za-z0-9_\\-]{6,}"
                    + "|(?i:bearer)\\s+[A-Za-z0-9._~+/=\\-]{6,}");

    private final @Nullable String apiKey;

    /** Creates a redactor for this key; null when no key is configured. */
    public Redactor(@Nullable String apiKey) {
        this.apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey;
    }

    /** Returns the text with secrets replaced by {@link #MASK}; null stays null. */
    public @Nullable String redact(@Nullable String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = apiKey == null ? text : text.replace(apiKey, MASK);
        return SECRET_SHAPES.matcher(out).replaceAll(MASK);
    }

    /** Like {@link #redact(String)} for text known to be non-null. */
    public String clean(String text) {
        String out = redact(text);
        return out == null ? "" : out;
    }

    /**
     * Returns a throwable safe to attach as a cause: the same class name, message and stack, with
     * secrets removed from each message in the chain. Used for parser errors, which quote input.
     */
    public Throwable sanitize(Throwable t) {
        RedactedCause copy = new RedactedCause(t.getClass().getName() + ": "
                + clean(String.valueOf(t.getMessage())),
                t.getCause() == null || t.getCause() == t ? null : sanitize(t.getCause()));
        copy.setStackTrace(t.getStackTrace());
        return copy;
    }

    /** A stand-in for a throwable whose message was redacted. */
    static final class RedactedCause extends Exception {
        private static final long serialVersionUID = 1L;

        RedactedCause(String message, @Nullable Throwable cause) {
            super(message, cause);
        }
    }
}

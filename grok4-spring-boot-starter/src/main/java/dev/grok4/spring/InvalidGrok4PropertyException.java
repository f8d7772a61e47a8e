package dev.grok4.spring;

/**
 * A {@code grok4.*} property holds a value the client cannot use. The message names the
 * property, for example {@code Invalid grok4.max-concurrent: 0; expected at least 1}; it never
 * holds the API key.
 *
 * @since 0.1
 */
public final class InvalidGrok4PropertyException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String property;

    InvalidGrok4PropertyException(String property, String message, Throwable cause) {
        super(message, cause);
        this.property = property;
    }

    /** Returns the full name of the property, such as {@code grok4.max-concurrent}. */
    public String getProperty() {
        return property;
    }
}

package dev.grok4.micronaut;

/**
 * The configuration keys this module reads, for {@code @Requires} conditions and error messages.
 *
 * @since 0.1
 */
public final class Grok4Settings {
    /** Prefix of every key. */
    public static final String PREFIX = "grok4";

    /** {@code false} turns the client bean off. */
    public static final String ENABLED = PREFIX + ".enabled";

    /** {@code true} makes the health indicator check the API key against the endpoint. */
    public static final String HEALTH_ENABLED = PREFIX + ".health.enabled";

    /** The API key; never logged. */
    public static final String API_KEY = PREFIX + ".api-key";

    /** The endpoint, ending in {@code /v1}. */
    public static final String BASE_URL = PREFIX + ".base-url";

    private Grok4Settings() {}
}

package dev.grok4;

/**
 * What kind of failure a {@link Grok4Exception} reports, with a stable lower-case name for
 * machine-readable output such as the CLI's JSON.
 *
 * @since 0.1
 */
public enum ErrorKind {
    /** The API key is missing, wrong or not allowed (401, 403, xAI's 400 "Incorrect API key"). */
    AUTHENTICATION("authentication"),
    /** The server asked us to slow down (429); retryable after a delay. */
    RATE_LIMITED("rate_limited"),
    /** Credits or the spending limit are used up; retrying will not help. */
    QUOTA_EXHAUSTED("quota_exhausted"),
    /** The server rejected the request (400, 404, 422) or the client did before sending. */
    BAD_REQUEST("bad_request"),
    /** The server failed (5xx) or reported a conflict or request timeout (408, 409). */
    SERVER("server"),
    /** No complete answer arrived in time. */
    TIMEOUT("timeout"),
    /** The connection failed before any response arrived. */
    CONNECTION("connection"),
    /** The server answered with something that is not the expected JSON. */
    UNEXPECTED_CONTENT("unexpected_content"),
    /** A stream ended without its end marker or a finish reason. */
    STREAM_TRUNCATED("stream_truncated"),
    /** A structured-output reply did not fit the requested class. */
    STRUCTURED_OUTPUT("structured_output"),
    /** A local limit (concurrency or rate) could not be acquired in time. */
    LIMIT_EXCEEDED("limit_exceeded"),
    /** The model's circuit breaker is open after repeated failures. */
    CIRCUIT_OPEN("circuit_open"),
    /** The client is not configured well enough to send this call. */
    CONFIGURATION("configuration");

    private final String wireName;

    ErrorKind(String wireName) {
        this.wireName = wireName;
    }

    /** Returns the stable lower-case name, such as {@code rate_limited}. */
    public String wireName() {
        return wireName;
    }
}

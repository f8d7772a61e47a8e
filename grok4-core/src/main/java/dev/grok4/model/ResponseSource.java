package dev.grok4.model;

/**
 * Where a response came from.
 *
 * @since 0.1
 */
public enum ResponseSource {
    /** The server answered this call. */
    NETWORK,
    /** The client's cache answered; no request was sent. */
    CACHE;

    /** Returns the lower-case name used in JSON output, {@code network} or {@code cache}. */
    public String wireName() {
        return this == NETWORK ? "network" : "cache";
    }
}

package dev.grok4.spi;

import static java.util.Objects.requireNonNull;

/**
 * The cache store failed and the call carried on without it.
 *
 * @param operation {@code "get"}, {@code "put"} or {@code "close"}
 * @param errorType the simple class name of the failure, such as
 *     {@code RedisConnectionException}; never its message, which may name hosts or credentials
 * @since 0.1
 */
public record CacheFailureEvent(String operation, String errorType) {

    /** Checks the values are not null. */
    public CacheFailureEvent {
        requireNonNull(operation, "operation");
        requireNonNull(errorType, "errorType");
    }
}

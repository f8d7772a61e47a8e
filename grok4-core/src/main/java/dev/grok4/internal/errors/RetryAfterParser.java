package dev.grok4.internal.errors;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads the delay a server asks for before the next request from its response headers.
 *
 * <p>Headers, first match wins: {@code retry-after-ms} (milliseconds), {@code retry-after}
 * (seconds, fractional allowed, or an HTTP date), then the OpenAI-style
 * {@code x-ratelimit-reset-requests} and {@code x-ratelimit-reset-tokens} (Go durations such as
 * {@code 1s}, {@code 6m0s}, {@code 500ms}); when both reset headers parse, the longer wins.
 * Unparseable values are ignored. Negative delays become zero. Thread-safe.
 *
 * @since 0.1
 */
public final class RetryAfterParser {
    private static final Pattern GO_PART =
            Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|us|µs|ns|h|m|s)");
    private static final Pattern GO_DURATION =
            Pattern.compile("(?:\\d+(?:\\.\\d+)?(?:ms|us|µs|ns|h|m|s))+");

    private RetryAfterParser() {}

    /**
     * Returns the delay the headers ask for, or null when they ask for none.
     *
     * @param headers response headers with lower-case names
     * @param clock the clock that HTTP dates are measured against
     */
    public static @Nullable Duration parse(Map<String, List<String>> headers, Clock clock) {
        Duration ms = millis(first(headers, "retry-after-ms"));
        if (ms != null) {
            return ms;
        }
        Duration retryAfter = retryAfter(first(headers, "retry-after"), clock);
        if (retryAfter != null) {
            return retryAfter;
        }
        Duration requests = goDuration(first(headers, "x-ratelimit-reset-requests"));
        Duration tokens = goDuration(first(headers, "x-ratelimit-reset-tokens"));
        if (requests == null || tokens == null) {
            return requests != null ? requests : tokens;
        }
        return requests.compareTo(tokens) >= 0 ? requests : tokens;
    }

    /** Parses a {@code retry-after} value: seconds or an HTTP date; null if neither. */
    public static @Nullable Duration retryAfter(@Nullable String value, Clock clock) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            return nonNegative(Duration.ofMillis(Math.round(Double.parseDouble(v) * 1000)));
        } catch (NumberFormatException e) {
            return httpDate(v, clock);
        }
    }

    /** Parses a Go duration such as {@code 6m0s} or {@code 500ms}; null if it is not one. */
    public static @Nullable Duration goDuration(@Nullable String value) {
        if (value == null || !GO_DURATION.matcher(value.strip()).matches()) {
            return null;
        }
        Matcher m = GO_PART.matcher(value.strip());
        double nanos = 0;
        while (m.find()) {
            nanos += Double.parseDouble(m.group(1)) * nanosPer(m.group(2));
        }
        return Duration.ofNanos(Math.round(nanos));
    }

    private static double nanosPer(String unit) {
        return switch (unit) {
            case "h" -> 3.6e12;
            case "m" -> 6e10;
            case "s" -> 1e9;
            case "ms" -> 1e6;
            case "us", "µs" -> 1e3;
            default -> 1;
        };
    }

    private static @Nullable Duration millis(@Nullable String value) {
        if (value == null) {
            return null;
        }
        try {
            return nonNegative(Duration.ofMillis(Math.round(Double.parseDouble(value.strip()))));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static @Nullable Duration httpDate(String value, Clock clock) {
        try {
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
            return nonNegative(Duration.between(clock.instant(), at));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Duration nonNegative(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }

    private static @Nullable String first(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}

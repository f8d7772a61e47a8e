package dev.grok4.internal.resilience;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads the delay a server asks for before the next request from response headers.
 *
 * <p>Headers, in order of precedence: {@code retry-after-ms} (milliseconds),
 * {@code retry-after} (delta seconds, possibly fractional, or an HTTP-date), then the larger of
 * {@code x-ratelimit-reset-requests} and {@code x-ratelimit-reset-tokens} (Go-style durations
 * such as {@code 1s}, {@code 6m0s}, {@code 500ms}, {@code 1m30.5s}). Names match in any case.
 * A date in the past gives zero; values that do not parse are ignored. Stateless and
 * thread-safe.
 *
 * @since 0.1
 */
public final class ServerDelays {
    private static final Pattern GO_PART =
            Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|h|m|s)");
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");

    private ServerDelays() {
    }

    /**
     * Returns the delay the headers ask for, or empty when none of them gives one.
     *
     * @param headers response headers; names in any case, never null
     * @param clock the clock an HTTP-date is measured against
     */
    public static Optional<Duration> parse(Map<String, List<String>> headers, Clock clock) {
        Optional<Duration> millis = first(headers, "retry-after-ms").flatMap(ServerDelays::millis);
        if (millis.isPresent()) {
            return millis;
        }
        Optional<Duration> retryAfter = first(headers, "retry-after")
                .flatMap(value -> retryAfter(value, clock));
        if (retryAfter.isPresent()) {
            return retryAfter;
        }
        Optional<Duration> requests = first(headers, "x-ratelimit-reset-requests")
                .flatMap(ServerDelays::goDuration);
        Optional<Duration> tokens = first(headers, "x-ratelimit-reset-tokens")
                .flatMap(ServerDelays::goDuration);
        return larger(requests, tokens);
    }

    /** Parses a Go duration such as {@code 1m30.5s}; a bare number means seconds. */
    static Optional<Duration> goDuration(String value) {
        String text = value.trim();
        if (NUMBER.matcher(text).matches()) {
            return Optional.of(seconds(new BigDecimal(text)));
        }
        Matcher m = GO_PART.matcher(text);
        Duration total = Duration.ZERO;
        int end = 0;
        while (m.find() && m.start() == end) {
            total = total.plus(unit(new BigDecimal(m.group(1)), m.group(2)));
            end = m.end();
        }
        return end == text.length() && end > 0 ? Optional.of(total) : Optional.empty();
    }

    private static Duration unit(BigDecimal amount, String unit) {
        long nanosPerUnit = switch (unit) {
            case "h" -> 3_600_000_000_000L;
            case "m" -> 60_000_000_000L;
            case "s" -> 1_000_000_000L;
            case "ms" -> 1_000_000L;
            case "us", "µs" -> 1_000L;
            default -> 1L;
        };
        return Duration.ofNanos(amount.multiply(BigDecimal.valueOf(nanosPerUnit)).longValue());
    }

    private static Optional<Duration> millis(String value) {
        String text = value.trim();
        if (!NUMBER.matcher(text).matches()) {
            return Optional.empty();
        }
        return Optional.of(unit(new BigDecimal(text), "ms"));
    }

    private static Optional<Duration> retryAfter(String value, Clock clock) {
        String text = value.trim();
        if (NUMBER.matcher(text).matches()) {
            return Optional.of(seconds(new BigDecimal(text)));
        }
        try {
            ZonedDateTime at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration until = Duration.between(clock.instant(), at.toInstant());
            return Optional.of(until.isNegative() ? Duration.ZERO : until);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Duration seconds(BigDecimal seconds) {
        return unit(seconds, "s");
    }

    private static Optional<Duration> larger(Optional<Duration> a, Optional<Duration> b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isPresent() && b.get().compareTo(a.get()) > 0 ? b : a;
    }

    private static Optional<String> first(Map<String, List<String>> headers, String name) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey() != null && e.getKey().toLowerCase(Locale.ROOT).equals(name)) {
                return firstValue(e.getValue());
            }
        }
        return Optional.empty();
    }

    private static Optional<String> firstValue(@Nullable List<String> values) {
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }
}

package dev.grok4.internal.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryAfterParserTest {
    private static final Clock CLOCK =
            Clock.fixed(Instant.parse("2026-06-08T16:10:27Z"), ZoneOffset.UTC);

    @ParameterizedTest
    @CsvSource({"1s, 1000", "6m0s, 360000", "500ms, 500", "1h2m3.5s, 3723500", "1m30s, 90000",
            "1.5s, 1500"})
    void goDurations(String value, long millis) {
        assertThat(RetryAfterParser.goDuration(value)).isEqualTo(Duration.ofMillis(millis));
    }

    @Test
    void rejectsWhatIsNotAGoDuration() {
        assertThat(RetryAfterParser.goDuration("soon")).isNull();
        assertThat(RetryAfterParser.goDuration("5")).isNull();
        assertThat(RetryAfterParser.goDuration("")).isNull();
    }

    @Test
    void retryAfterSecondsAndDates() {
        assertThat(RetryAfterParser.retryAfter("2", CLOCK)).isEqualTo(Duration.ofSeconds(2));
        assertThat(RetryAfterParser.retryAfter("0.25", CLOCK)).isEqualTo(Duration.ofMillis(250));
        assertThat(RetryAfterParser.retryAfter("Mon, 08 Jun 2026 16:11:27 GMT", CLOCK))
                .isEqualTo(Duration.ofMinutes(1));
        assertThat(RetryAfterParser.retryAfter("Mon, 08 Jun 2026 16:00:00 GMT", CLOCK))
                .isEqualTo(Duration.ZERO);
        assertThat(RetryAfterParser.retryAfter("-3", CLOCK)).isEqualTo(Duration.ZERO);
        assertThat(RetryAfterParser.retryAfter("later", CLOCK)).isNull();
    }

    @Test
    void headerPrecedence() {
        assertThat(RetryAfterParser.parse(Map.of("retry-after-ms", List.of("1500"),
                "retry-after", List.of("9")), CLOCK)).isEqualTo(Duration.ofMillis(1500));
        assertThat(RetryAfterParser.parse(Map.of("retry-after", List.of("9"),
                "x-ratelimit-reset-requests", List.of("1s")), CLOCK))
                .isEqualTo(Duration.ofSeconds(9));
        assertThat(RetryAfterParser.parse(Map.of("x-ratelimit-reset-requests", List.of("1s"),
                "x-ratelimit-reset-tokens", List.of("6m0s")), CLOCK))
                .isEqualTo(Duration.ofMinutes(6));
        assertThat(RetryAfterParser.parse(Map.of("x-ratelimit-reset-requests", List.of("2s")),
                CLOCK)).isEqualTo(Duration.ofSeconds(2));
        assertThat(RetryAfterParser.parse(Map.of("retry-after", List.of("soon")), CLOCK))
                .isNull();
        assertThat(RetryAfterParser.parse(Map.of(), CLOCK)).isNull();
    }
}

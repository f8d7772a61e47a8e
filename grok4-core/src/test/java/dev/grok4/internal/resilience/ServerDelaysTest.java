package dev.grok4.internal.resilience;

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

class ServerDelaysTest {
    private static final Clock CLOCK =
            Clock.fixed(Instant.parse("2026-12-03T10:00:00Z"), ZoneOffset.UTC);

    private static Map<String, List<String>> headers(String... nameValues) {
        var map = new java.util.LinkedHashMap<String, List<String>>();
        for (int i = 0; i < nameValues.length; i += 2) {
            map.put(nameValues[i], List.of(nameValues[i + 1]));
        }
        return map;
    }

    @Test
    void retryAfterSeconds() {
        assertThat(ServerDelays.parse(headers("Retry-After", "7"), CLOCK))
                .contains(Duration.ofSeconds(7));
    }

    @Test
    void retryAfterFractionalSeconds() {
        assertThat(ServerDelays.parse(headers("retry-after", "1.5"), CLOCK))
                .contains(Duration.ofMillis(1500));
    }

    @Test
    void retryAfterHttpDateIsMeasuredAgainstTheClock() {
        var h = headers("retry-after", "Thu, 03 Dec 2026 10:00:42 GMT");

        assertThat(ServerDelays.parse(h, CLOCK)).contains(Duration.ofSeconds(42));
    }

    @Test
    void retryAfterHttpDateInThePastMeansNoWait() {
        var h = headers("retry-after", "Thu, 03 Dec 2026 09:59:00 GMT");

        assertThat(ServerDelays.parse(h, CLOCK)).contains(Duration.ZERO);
    }

    @Test
    void retryAfterMsWinsOverRetryAfter() {
        var h = headers("retry-after", "9", "Retry-After-Ms", "250");

        assertThat(ServerDelays.parse(h, CLOCK)).contains(Duration.ofMillis(250));
    }

    @Test
    void resetHeadersGiveTheLargerDelay() {
        var h = headers("x-ratelimit-reset-requests", "1s", "x-ratelimit-reset-tokens", "6m0s");

        assertThat(ServerDelays.parse(h, CLOCK)).contains(Duration.ofMinutes(6));
    }

    @Test
    void retryAfterWinsOverResetHeaders() {
        var h = headers("x-ratelimit-reset-tokens", "6m0s", "retry-after", "2");

        assertThat(ServerDelays.parse(h, CLOCK)).contains(Duration.ofSeconds(2));
    }

    @Test
    void noDelayHeadersGiveEmpty() {
        assertThat(ServerDelays.parse(headers("content-type", "application/json"), CLOCK))
                .isEmpty();
    }

    @Test
    void unparsableValuesAreIgnored() {
        var h = headers("retry-after", "soon", "x-ratelimit-reset-requests", "3s");

        assertThat(ServerDelays.parse(h, CLOCK)).contains(Duration.ofSeconds(3));
    }

    @Test
    void emptyHeaderValueListIsIgnored() {
        Map<String, List<String>> h = Map.of("retry-after", List.of());

        assertThat(ServerDelays.parse(h, CLOCK)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "1s, 1000", "500ms, 500", "6m0s, 360000", "1m30.5s, 90500", "1h0m0s, 3600000",
        "0.25s, 250", "2, 2000", "1000us, 1", "3000000ns, 3", "17ms, 17"
    })
    void goDurations(String text, long millis) {
        assertThat(ServerDelays.goDuration(text)).contains(Duration.ofMillis(millis));
    }

    @ParameterizedTest
    @CsvSource({"abc", "1x", "s", "1s garbage", "-1s"})
    void badGoDurations(String text) {
        assertThat(ServerDelays.goDuration(text)).isEmpty();
    }
}

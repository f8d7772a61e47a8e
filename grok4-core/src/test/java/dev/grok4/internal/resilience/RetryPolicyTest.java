package dev.grok4.internal.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.grok4.Grok4Config;
import dev.grok4.Grok4Exception;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class RetryPolicyTest {
    private final RetryPolicy policy = RetryPolicy.from(Grok4Config.defaults());

    @Test
    void defaultsComeFromTheConfig() {
        assertThat(policy.maxAttempts()).isEqualTo(5);
        assertThat(policy.nominalBackoff(1)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void backoffDoublesUntilTheCap() {
        assertThat(policy.nominalBackoff(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.nominalBackoff(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(policy.nominalBackoff(5)).isEqualTo(Duration.ofSeconds(16));
        assertThat(policy.nominalBackoff(6)).isEqualTo(Duration.ofSeconds(30));
        assertThat(policy.nominalBackoff(40)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void jitterStaysBetweenHalfAndAllOfTheNominalDelay() {
        assertThat(policy.withRandom(() -> 0.0).backoff(3)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.withRandom(() -> 0.5).backoff(3)).isEqualTo(Duration.ofSeconds(3));
        assertThat(policy.withRandom(() -> 0.999_999).backoff(3))
                .isLessThanOrEqualTo(Duration.ofSeconds(4))
                .isGreaterThan(Duration.ofMillis(3999));
        for (int i = 0; i < 200; i++) {
            assertThat(policy.backoff(4)).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(8));
        }
    }

    @Test
    void jitterSpreadsTheDelays() {
        var seen = Stream.generate(() -> policy.backoff(2)).limit(50).distinct().count();

        assertThat(seen).isGreaterThan(1);
    }

    static Stream<Grok4Exception> retryable() {
        return Stream.of(Failures.rateLimited(), Failures.server(408), Failures.server(409),
                Failures.server(500), Failures.server(502), Failures.server(503),
                Failures.server(504), Failures.server(529), Failures.connection(),
                Failures.timeout(), Failures.html(502), Failures.html(503));
    }

    static Stream<Exception> final_() {
        return Stream.of(Failures.quota(), Failures.auth(), Failures.badRequest(400),
                Failures.badRequest(404), Failures.badRequest(422), Failures.server(501),
                Failures.html(200), Failures.html(404), new IllegalStateException("bug"));
    }

    @ParameterizedTest
    @MethodSource("retryable")
    void retryableKindsAreRetried(Grok4Exception failure) {
        var fixed = policy.withRandom(() -> 0.0);

        assertThat(RetryPolicy.isRetryable(failure)).isTrue();
        assertThat(fixed.delayBeforeRetry(failure, 1)).contains(Duration.ofMillis(500));
    }

    @ParameterizedTest
    @MethodSource("final_")
    void otherFailuresAreFinal(Exception failure) {
        assertThat(RetryPolicy.isRetryable(failure)).isFalse();
        assertThat(policy.delayBeforeRetry(failure, 1)).isEmpty();
    }

    @Test
    void noRetryAfterTheLastAttempt() {
        assertThat(policy.delayBeforeRetry(Failures.server(503), 4)).isPresent();
        assertThat(policy.delayBeforeRetry(Failures.server(503), 5)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 7, 60})
    void serverDelayUpToTheMaximumIsUsedAsIs(long seconds) {
        var failure = Failures.rateLimited(Duration.ofSeconds(seconds));

        assertThat(policy.delayBeforeRetry(failure, 1)).contains(Duration.ofSeconds(seconds));
    }

    @Test
    void serverDelayAboveTheMaximumIsFinal() {
        var failure = Failures.rateLimited(Duration.ofSeconds(61));

        assertThat(policy.delayBeforeRetry(failure, 1)).isEmpty();
    }

    @Test
    void invalidMaxAttemptsIsRejected() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofSeconds(3), () -> 0.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid maxAttempts: 0; expected 1 or more");
    }
}

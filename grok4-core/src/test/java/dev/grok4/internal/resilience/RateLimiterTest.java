package dev.grok4.internal.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.grok4.ErrorKind;
import dev.grok4.Grok4Config;
import dev.grok4.Grok4Exception;
import dev.grok4.internal.resilience.RateLimiter.Reservation;
import dev.grok4.model.Usage;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T10:00:00Z"));

    private RateLimiter limiter(int rpm, int tpm) {
        var config = Grok4Config.builder().requestsPerMinute(rpm).tokensPerMinute(tpm)
                .permitTimeout(Duration.ofMillis(100)).build();
        return RateLimiter.from(config, null, clock);
    }

    private static void assertLimitExceeded(Throwable e, String message) {
        assertThat(e).isInstanceOfSatisfying(Grok4Exception.class,
                g -> assertThat(g.kind()).isEqualTo(ErrorKind.LIMIT_EXCEEDED))
                .hasMessage(message);
    }

    @Test
    void noLimitsByDefaultMeansNoBuckets() {
        var limiter = RateLimiter.from(Grok4Config.defaults(), null);

        assertThat(limiter.isUnlimited()).isTrue();
        assertThat(limiter.reserve(1_000_000).reservedTokens()).isZero();
        assertThat(limiter.availableRequests()).isEqualTo(-1);
    }

    @Test
    void requestsPerMinuteBucketRefusesTheRequestPastTheLimit() {
        var limiter = limiter(3, 0);
        for (int i = 0; i < 3; i++) {
            limiter.reserve(0);
        }

        assertThatThrownBy(() -> limiter.reserve(0)).satisfies(e -> assertLimitExceeded(e,
                "The budget of 3 requests per minute cannot cover 1 more request within 100ms; "
                        + "raise requestsPerMinute or permitTimeout"));
        assertThat(limiter.availableRequests()).isZero();
    }

    @Test
    void requestsComeBackAfterTheMinute() {
        var limiter = limiter(2, 0);
        limiter.reserve(0);
        limiter.reserve(0);

        clock.advance(Duration.ofSeconds(59));
        assertThat(limiter.availableRequests()).isZero();
        clock.advance(Duration.ofSeconds(1));

        assertThat(limiter.availableRequests()).isEqualTo(2);
        limiter.reserve(0);
    }

    @Test
    void tokensAreReservedThenCorrectedWithReasoningIncluded() {
        var limiter = limiter(0, 1000);

        Reservation reservation = limiter.reserve(100);
        assertThat(limiter.availableTokens()).isEqualTo(900);
        // prompt 12, completion 40, reasoning 302 kept outside completion: total 354
        reservation.correct(new Usage(12, 40, 354, 302, null, null));

        assertThat(limiter.availableTokens()).isEqualTo(1000 - 354);
    }

    @Test
    void reasoningCountsWhenTheServerSendsNoTotal() {
        var limiter = limiter(0, 1000);

        limiter.reserve(100).correct(new Usage(12, 40, null, 302, null, null));

        assertThat(limiter.availableTokens()).isEqualTo(1000 - 354);
    }

    @Test
    void surplusIsGivenBack() {
        var limiter = limiter(0, 1000);

        limiter.reserve(500).correct(200);

        assertThat(limiter.availableTokens()).isEqualTo(800);
    }

    @Test
    void extraUsageOverdrawsTheBudgetAndBlocksTheNextCall() {
        var limiter = limiter(0, 1000);

        limiter.reserve(100).correct(1500);

        assertThat(limiter.availableTokens()).isEqualTo(-500);
        assertThatThrownBy(() -> limiter.reserve(10)).satisfies(e -> assertLimitExceeded(e,
                "The budget of 1000 tokens per minute cannot cover 10 more tokens within 100ms; "
                        + "raise tokensPerMinute or permitTimeout"));
    }

    @Test
    void estimateAboveTheBudgetIsClamped() {
        var limiter = limiter(0, 1000);

        assertThat(limiter.reserve(5000).reservedTokens()).isEqualTo(1000);
        assertThat(limiter.availableTokens()).isZero();
    }

    @Test
    void aReservationIsSettledOnce() {
        var limiter = limiter(0, 1000);
        Reservation reservation = limiter.reserve(300);

        reservation.correct(100);
        reservation.correct(900);
        reservation.refund();

        assertThat(limiter.availableTokens()).isEqualTo(900);
    }

    @Test
    void refundGivesBackTheWholeEstimate() {
        var limiter = limiter(0, 1000);

        limiter.reserve(300).refund();

        assertThat(limiter.availableTokens()).isEqualTo(1000);
    }

    @Test
    void nullUsageKeepsTheEstimate() {
        var limiter = limiter(0, 1000);

        limiter.reserve(300).correct((Usage) null);

        assertThat(limiter.availableTokens()).isEqualTo(700);
    }

    @Test
    void tokenShortageGivesTheRequestSlotBack() {
        var limiter = limiter(5, 100);
        limiter.reserve(100);

        assertThatThrownBy(() -> limiter.reserve(50)).isInstanceOf(Grok4Exception.class);

        assertThat(limiter.availableRequests()).isEqualTo(4);
    }

    @Test
    void asyncReservationSucceedsAndFails() {
        var limiter = limiter(1, 1000);

        Reservation reservation = limiter.reserveAsync(200).join();
        assertThat(reservation.reservedTokens()).isEqualTo(200);
        assertThat(limiter.availableTokens()).isEqualTo(800);

        assertThatThrownBy(() -> limiter.reserveAsync(10).join())
                .isInstanceOf(CompletionException.class)
                .cause().satisfies(e -> assertThat(((Grok4Exception) e).kind())
                        .isEqualTo(ErrorKind.LIMIT_EXCEEDED));
        assertThat(limiter.availableTokens()).isEqualTo(800);
    }

    @Test
    void asyncTokenShortageGivesTheRequestSlotBack() {
        var limiter = limiter(5, 100);
        limiter.reserveAsync(100).join();

        assertThatThrownBy(() -> limiter.reserveAsync(1).join())
                .isInstanceOf(CompletionException.class);

        assertThat(limiter.availableRequests()).isEqualTo(4);
    }

    @Test
    void negativeEstimateIsRejected() {
        assertThatThrownBy(() -> limiter(0, 10).reserve(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid estimatedTokens: -1; expected 0 or more");
    }

    @Test
    void fingerprintIsTheFirstSixteenHexOfTheSha256() {
        // printf 'sk-test' | sha256sum  ->  f3abf2a6cc4f0098 7743db5f...
        assertThat(RedisBuckets.fingerprint("sk-test")).isEqualTo("f3abf2a6cc4f0098");
    }
}

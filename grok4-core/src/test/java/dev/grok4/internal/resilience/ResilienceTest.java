package dev.grok4.internal.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.grok4.ErrorKind;
import dev.grok4.Grok4Config;
import dev.grok4.Grok4Exception;
import dev.grok4.internal.resilience.FallbackExecutor.Outcome;
import dev.grok4.model.Usage;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ResilienceTest {
    private static final List<String> CHAIN = List.of("grok-4", "grok-3");
    private static final Usage USAGE = new Usage(12, 40, 354, 302, null, null);

    private final RecordingSleeper sleeper = new RecordingSleeper();
    private final Resilience resilience = Resilience.from(Grok4Config.builder()
            .maxConcurrent(1).permitTimeout(Duration.ofMillis(100)).tokensPerMinute(1000)
            .build(), null, sleeper);
    private final List<String> seen = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        resilience.close();
    }

    /** Records the model and the permits in flight, fails grok-4 with 503, answers on grok-3. */
    private String attempt(String model) {
        seen.add(model + " in flight " + resilience.concurrency().inFlight());
        if (model.equals("grok-4")) {
            throw Failures.server(503);
        }
        return "answer";
    }

    @Test
    void callHoldsAPermitReservesTokensAndCorrectsThemWithTheUsage() {
        Outcome<String> outcome = resilience.call(CHAIN, 100, this::attempt, answer -> USAGE);

        assertThat(outcome).isEqualTo(new Outcome<>("answer", "grok-3", 6));
        assertThat(seen).hasSize(6).allMatch(s -> s.endsWith("in flight 1"));
        assertThat(resilience.concurrency().inFlight()).isZero();
        assertThat(resilience.rateLimiter().availableTokens()).isEqualTo(1000 - 354);
        assertThat(sleeper.sleeps).hasSize(4);
    }

    @Test
    void failedCallReleasesThePermitAndRefundsTheTokens() {
        var auth = Failures.auth();

        assertThatThrownBy(() -> resilience.call(CHAIN, 100, model -> {
            throw auth;
        }, answer -> USAGE)).isSameAs(auth);

        assertThat(resilience.concurrency().inFlight()).isZero();
        assertThat(resilience.rateLimiter().availableTokens()).isEqualTo(1000);
    }

    @Test
    void callWaitsForAPermitThenGivesUp() throws Exception {
        try (var held = resilience.concurrency().acquire()) {
            assertThatThrownBy(() -> resilience.call(CHAIN, 100, this::attempt, a -> USAGE))
                    .isInstanceOfSatisfying(Grok4Exception.class,
                            e -> assertThat(e.kind()).isEqualTo(ErrorKind.LIMIT_EXCEEDED));
        }

        assertThat(seen).isEmpty();
        assertThat(resilience.rateLimiter().availableTokens()).isEqualTo(1000);
    }

    @Test
    void asyncCallRunsTheSameChain() {
        Function<String, CompletableFuture<String>> async =
                model -> CompletableFuture.supplyAsync(() -> attempt(model));

        Outcome<String> outcome = resilience.callAsync(CHAIN, 100, async, a -> USAGE).join();

        assertThat(outcome).isEqualTo(new Outcome<>("answer", "grok-3", 6));
        assertThat(seen).allMatch(s -> s.endsWith("in flight 1"));
        assertThat(resilience.concurrency().inFlight()).isZero();
        assertThat(resilience.rateLimiter().availableTokens()).isEqualTo(1000 - 354);
    }

    @Test
    void failedAsyncCallReleasesThePermitAndRefundsTheTokens() {
        var quota = Failures.quota();

        var future = resilience.callAsync(CHAIN, 100,
                model -> CompletableFuture.failedFuture(quota), a -> USAGE);

        assertThatThrownBy(future::join).isInstanceOf(CompletionException.class)
                .cause().isSameAs(quota);
        assertThat(resilience.concurrency().inFlight()).isZero();
        assertThat(resilience.rateLimiter().availableTokens()).isEqualTo(1000);
    }

    @Test
    void asyncTokenShortageReleasesThePermit() {
        var future = resilience.callAsync(CHAIN, 100, model -> {
            resilience.rateLimiter().reserve(0).correct(5000);
            return CompletableFuture.completedFuture("answer");
        }, a -> null);
        future.join();

        var starved = resilience.callAsync(CHAIN, 100,
                model -> CompletableFuture.completedFuture("never"), a -> null);

        assertThatThrownBy(starved::join).cause().isInstanceOfSatisfying(Grok4Exception.class,
                e -> assertThat(e.kind()).isEqualTo(ErrorKind.LIMIT_EXCEEDED));
        assertThat(resilience.concurrency().inFlight()).isZero();
    }

    @Test
    void defaultsHaveNoRateLimitAndEnabledBreakers() {
        try (var defaults = Resilience.from(Grok4Config.defaults(), null, Sleeper.SYSTEM)) {
            assertThat(defaults.rateLimiter().isUnlimited()).isTrue();
            assertThat(defaults.breakers().isEnabled()).isTrue();
            assertThat(defaults.concurrency().acquireAsync()).isCompleted();
        }
    }
}

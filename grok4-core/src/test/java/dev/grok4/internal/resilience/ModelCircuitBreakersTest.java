package dev.grok4.internal.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.grok4.ErrorKind;
import dev.grok4.Grok4Config;
import dev.grok4.Grok4Exception;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ModelCircuitBreakersTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T10:00:00Z"));
    private final ModelCircuitBreakers breakers =
            ModelCircuitBreakers.from(Grok4Config.defaults(), clock);

    private void fail(String model, RuntimeException failure, int times) {
        for (int i = 0; i < times; i++) {
            assertThatThrownBy(() -> breakers.call(model, () -> {
                throw failure;
            })).isSameAs(failure);
        }
    }

    @Test
    void opensAfterHalfOfTenCallsFailOnTheServerSide() {
        fail("grok-4", Failures.server(503), 5);
        breakers.call("grok-4", () -> "ok");
        breakers.call("grok-4", () -> "ok");
        breakers.call("grok-4", () -> "ok");
        breakers.call("grok-4", () -> "ok");
        assertThat(breakers.isOpen("grok-4")).isFalse();

        breakers.call("grok-4", () -> "ok");

        assertThat(breakers.isOpen("grok-4")).isTrue();
        assertThat(breakers.isOpen("grok-3")).isFalse();
    }

    @Test
    void openCircuitRefusesWithoutRunningTheAttempt() {
        fail("grok-4", Failures.timeout(), 10);
        var runs = new AtomicInteger();

        assertThatThrownBy(() -> breakers.call("grok-4", () -> runs.incrementAndGet()))
                .isInstanceOfSatisfying(Grok4Exception.class,
                        e -> assertThat(e.kind()).isEqualTo(ErrorKind.CIRCUIT_OPEN))
                .hasMessageContaining("grok-4");
        assertThat(runs).hasValue(0);
    }

    @Test
    void clientErrorsAndRateLimitsDoNotOpenTheCircuit() {
        fail("grok-4", Failures.badRequest(400), 10);
        fail("grok-4", Failures.auth(), 5);
        fail("grok-4", Failures.rateLimited(), 10);

        assertThat(breakers.isOpen("grok-4")).isFalse();
        assertThat(ModelCircuitBreakers.countsAsFailure(Failures.quota())).isFalse();
        assertThat(ModelCircuitBreakers.countsAsFailure(Failures.connection())).isTrue();
        assertThat(ModelCircuitBreakers.countsAsFailure(Failures.html(502))).isTrue();
    }

    @Test
    void letsTrialCallsThroughAfterTheOpenDuration() {
        fail("grok-4", Failures.server(500), 10);

        clock.advance(Duration.ofSeconds(31));

        assertThat(breakers.call("grok-4", () -> "trial")).isEqualTo("trial");
        assertThat(breakers.breaker("grok-4").orElseThrow().getState())
                .isEqualTo(CircuitBreaker.State.HALF_OPEN);
    }

    @Test
    void asyncCallsAreRecorded() {
        Supplier<CompletableFuture<String>> failing =
                () -> CompletableFuture.failedFuture(Failures.server(502));
        for (int i = 0; i < 10; i++) {
            assertThat(breakers.callAsync("grok-4", failing)).isCompletedExceptionally();
        }

        assertThat(breakers.isOpen("grok-4")).isTrue();
        assertThatThrownBy(() -> breakers.callAsync("grok-4", failing))
                .isInstanceOf(Grok4Exception.class);
    }

    @Test
    void disabledBreakersNeverOpen() {
        var off = ModelCircuitBreakers.from(
                Grok4Config.builder().circuitBreakerEnabled(false).build());
        for (int i = 0; i < 30; i++) {
            assertThatThrownBy(() -> off.call("grok-4", () -> {
                throw Failures.server(500);
            })).isInstanceOf(Grok4Exception.class);
        }

        assertThat(off.isEnabled()).isFalse();
        assertThat(off.isOpen("grok-4")).isFalse();
        assertThat(off.breaker("grok-4")).isEmpty();
    }
}

package dev.grok4.internal.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.grok4.Grok4Config;
import dev.grok4.internal.resilience.FallbackExecutor.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FallbackExecutorTest {
    private static final List<String> CHAIN = List.of("grok-4", "grok-3");

    private final RecordingSleeper sleeper = new RecordingSleeper();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T10:00:00Z"));
    private final RetryExecutor retries = new RetryExecutor(
            RetryPolicy.from(Grok4Config.defaults()).withRandom(() -> 0.0), sleeper);
    private final FallbackExecutor fallback =
            new FallbackExecutor(retries, ModelCircuitBreakers.disabled());
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final List<LogRecord> logs = new CopyOnWriteArrayList<>();
    private final Logger jul = Logger.getLogger(FallbackExecutor.class.getName());
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logs.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureLogs() {
        jul.addHandler(handler);
        jul.setUseParentHandlers(false);
        jul.setLevel(Level.ALL);
    }

    @AfterEach
    void releaseLogs() {
        jul.removeHandler(handler);
        jul.setUseParentHandlers(true);
        jul.setLevel(null);
    }

    /** Each model throws its scripted failures in order, then answers with its name. */
    private Function<String, String> models(Map<String, List<RuntimeException>> script) {
        Map<String, List<RuntimeException>> left = new HashMap<>();
        script.forEach((model, failures) -> left.put(model, new ArrayList<>(failures)));
        return model -> {
            calls.add(model);
            List<RuntimeException> failures = left.getOrDefault(model, List.of());
            if (!failures.isEmpty()) {
                throw failures.remove(0);
            }
            return "answer from " + model;
        };
    }

    private static List<RuntimeException> times(int n, Supplier<RuntimeException> f) {
        List<RuntimeException> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(f.get());
        }
        return list;
    }

    @Test
    void primaryAnswersOnItsFirstAttempt() {
        Outcome<String> outcome = fallback.execute(CHAIN, models(Map.of()));

        assertThat(outcome).isEqualTo(new Outcome<>("answer from grok-4", "grok-4", 1));
        assertThat(logs).isEmpty();
    }

    @Test
    void primaryRetriesAreCountedBeforeItAnswers() {
        var script = Map.of("grok-4", times(2, () -> Failures.server(503)));

        Outcome<String> outcome = fallback.execute(CHAIN, models(script));

        assertThat(outcome.model()).isEqualTo("grok-4");
        assertThat(outcome.attempts()).isEqualTo(3);
    }

    @Test
    void fallsBackAfterThePrimaryExhaustsItsRetries() {
        var script = Map.of("grok-4", times(5, () -> Failures.server(503)));

        Outcome<String> outcome = fallback.execute(CHAIN, models(script));

        assertThat(outcome).isEqualTo(new Outcome<>("answer from grok-3", "grok-3", 6));
        assertThat(calls).containsExactly("grok-4", "grok-4", "grok-4", "grok-4", "grok-4",
                "grok-3");
        assertThat(logs).singleElement().satisfies(r -> {
            assertThat(r.getLevel()).isEqualTo(Level.WARNING);
            assertThat(r.getMessage()).isEqualTo(
                    "Model grok-4 failed (server, status 503); falling back to grok-3");
        });
    }

    @Test
    void warnsAboutAFallbackOnceAMinuteAndCountsEveryOne() {
        var script = Map.of("grok-4", times(10, () -> Failures.server(503)));

        fallback.execute(CHAIN, models(script));
        fallback.execute(CHAIN, models(script));

        assertThat(logs).filteredOn(r -> r.getMessage().contains("falling back"))
                .extracting(r -> r.getLevel())
                .containsExactly(Level.WARNING, Level.FINE);
    }

    @Test
    void followsTheChainInOrder() {
        var script = Map.of("grok-4", times(5, Failures::timeout),
                "grok-3", times(5, Failures::connection));

        Outcome<String> outcome = fallback.execute(List.of("grok-4", "grok-3", "grok-2"),
                models(script));

        assertThat(outcome.model()).isEqualTo("grok-2");
        assertThat(outcome.attempts()).isEqualTo(11);
        assertThat(calls).containsSubsequence("grok-4", "grok-3", "grok-2");
        assertThat(logs).hasSize(2);
    }

    @Test
    void rateLimitWithAnOverlongServerDelayFallsBackWithoutSleeping() {
        var script = Map.of("grok-4",
                List.<RuntimeException>of(Failures.rateLimited(Duration.ofMinutes(10))));

        Outcome<String> outcome = fallback.execute(CHAIN, models(script));

        assertThat(outcome.model()).isEqualTo("grok-3");
        assertThat(outcome.attempts()).isEqualTo(2);
        assertThat(sleeper.sleeps).isEmpty();
    }

    @Test
    void authBadRequestAndQuotaFailuresDoNotFallBack() {
        for (RuntimeException failure : List.of(Failures.auth(), Failures.badRequest(400),
                Failures.quota())) {
            calls.clear();
            var script = Map.of("grok-4", List.of(failure));

            assertThatThrownBy(() -> fallback.execute(CHAIN, models(script))).isSameAs(failure);
            assertThat(calls).containsExactly("grok-4");
        }
        assertThat(logs).isEmpty();
    }

    @Test
    void nonFallbackFailureOnAFallbackModelCarriesThePrimaryFailure() {
        var primary = Failures.server(529);
        var auth = Failures.auth();
        var script = Map.of("grok-4", List.<RuntimeException>of(primary, primary, primary,
                primary, primary), "grok-3", List.<RuntimeException>of(auth));

        assertThatThrownBy(() -> fallback.execute(CHAIN, models(script)))
                .isSameAs(auth)
                .satisfies(e -> assertThat(e.getSuppressed()).containsExactly(primary));
    }

    @Test
    void whenEveryModelFailsThePrimaryFailureIsThrownWithTheOthersSuppressed() {
        var primaryFailures = times(5, () -> Failures.server(503));
        var fallbackFailures = times(5, Failures::timeout);
        var script = Map.of("grok-4", primaryFailures, "grok-3", fallbackFailures);

        assertThatThrownBy(() -> fallback.execute(CHAIN, models(script)))
                .isSameAs(primaryFailures.get(4))
                .satisfies(e -> assertThat(e.getSuppressed())
                        .contains(primaryFailures.get(0), primaryFailures.get(3))
                        .contains(fallbackFailures.get(4))
                        .doesNotContain(fallbackFailures.get(0)));
        assertThat(calls).hasSize(10);
    }

    @Test
    void openCircuitIsSkippedWithoutAnAttempt() {
        var breakers = new ModelCircuitBreakers(ModelCircuitBreakers.defaults(clock));
        var guarded = new FallbackExecutor(new RetryExecutor(new RetryPolicy(1,
                Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1), () -> 0.0),
                sleeper), breakers);
        var script = Map.of("grok-4", times(10, () -> Failures.server(500)));
        Function<String, String> attempt = models(script);
        for (int i = 0; i < 10; i++) {
            assertThat(guarded.execute(CHAIN, attempt).model()).isEqualTo("grok-3");
        }
        assertThat(breakers.isOpen("grok-4")).isTrue();
        calls.clear();

        Outcome<String> outcome = guarded.execute(CHAIN, attempt);

        assertThat(outcome).isEqualTo(new Outcome<>("answer from grok-3", "grok-3", 1));
        assertThat(calls).containsExactly("grok-3");
        assertThat(logs.get(logs.size() - 1).getMessage())
                .isEqualTo("Model grok-4 failed (circuit_open); falling back to grok-3");
    }

    @Test
    void asyncFallsBackAndCountsAttempts() {
        var script = Map.of("grok-4", times(5, Failures::rateLimited));
        Function<String, String> sync = models(script);

        Outcome<String> outcome = fallback.executeAsync(CHAIN,
                model -> CompletableFuture.supplyAsync(() -> sync.apply(model))).join();

        assertThat(outcome).isEqualTo(new Outcome<>("answer from grok-3", "grok-3", 6));
        assertThat(logs).hasSize(1);
    }

    @Test
    void asyncAllFailingThrowsThePrimaryFailure() {
        var primaryFailures = times(5, () -> Failures.server(502));
        var fallbackFailures = times(5, () -> Failures.server(504));
        Function<String, String> sync = models(Map.of("grok-4", primaryFailures,
                "grok-3", fallbackFailures));

        var future = fallback.executeAsync(CHAIN,
                model -> CompletableFuture.supplyAsync(() -> sync.apply(model)));

        assertThatThrownBy(future::join)
                .isInstanceOf(CompletionException.class)
                .cause().isSameAs(primaryFailures.get(4))
                .satisfies(e -> assertThat(e.getSuppressed()).contains(fallbackFailures.get(4)));
    }

    @Test
    void asyncDoesNotFallBackOnAuthentication() {
        var auth = Failures.auth();
        Function<String, String> sync = models(Map.of("grok-4", List.of(auth)));

        var future = fallback.executeAsync(CHAIN,
                model -> CompletableFuture.supplyAsync(() -> sync.apply(model)));

        assertThatThrownBy(future::join).cause().isSameAs(auth);
        assertThat(calls).containsExactly("grok-4");
    }

    @Test
    void modelChainStartsWithThePrimaryAndDropsDuplicates() {
        assertThat(FallbackExecutor.modelChain("grok-3", List.of("grok-4", "grok-3")))
                .containsExactly("grok-3", "grok-4");
        assertThat(FallbackExecutor.modelChain("grok-4", Grok4Config.defaults().fallbackModels()))
                .containsExactly("grok-4", "grok-3");
    }

    @Test
    void emptyChainIsRejected() {
        assertThatThrownBy(() -> fallback.execute(List.of(), models(Map.of())))
                .hasMessage("Invalid models: []; expected at least one model");
    }
}

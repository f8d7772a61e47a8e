package dev.grok4.internal.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.grok4.Grok4Config;
import dev.grok4.Grok4Exception;
import dev.grok4.ServerException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class RetryExecutorTest {
    private final RecordingSleeper sleeper = new RecordingSleeper();
    private final RetryPolicy policy =
            RetryPolicy.from(Grok4Config.defaults()).withRandom(() -> 0.0);
    private final RetryExecutor retries = new RetryExecutor(policy, sleeper);

    /** Throws the scripted failures in order, then answers "ok". */
    private static Supplier<String> script(AtomicInteger calls, RuntimeException... failures) {
        Queue<RuntimeException> queue = new ArrayDeque<>(List.of(failures));
        return () -> {
            calls.incrementAndGet();
            RuntimeException next = queue.poll();
            if (next != null) {
                throw next;
            }
            return "ok";
        };
    }

    @Test
    void retriesRetryableFailuresWithGrowingBackoff() {
        var calls = new AtomicInteger();

        String result = retries.execute(script(calls, Failures.server(503), Failures.timeout(),
                Failures.connection()));

        assertThat(result).isEqualTo("ok");
        assertThat(calls).hasValue(4);
        assertThat(sleeper.sleeps).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1),
                Duration.ofSeconds(2));
    }

    @Test
    void throwsTheLastFailureWithTheEarlierOnesSuppressed() {
        var calls = new AtomicInteger();
        ServerException[] failures = {Failures.server(500), Failures.server(502),
            Failures.server(503), Failures.server(504), Failures.server(500)};

        assertThatThrownBy(() -> retries.execute(script(calls, failures)))
                .isSameAs(failures[4])
                .satisfies(e -> assertThat(e.getSuppressed())
                        .containsExactly(failures[0], failures[1], failures[2], failures[3]));
        assertThat(calls).hasValue(5);
        assertThat(sleeper.sleeps).hasSize(4);
    }

    @Test
    void nonRetryableFailureIsThrownAtOnce() {
        var calls = new AtomicInteger();
        var auth = Failures.auth();

        assertThatThrownBy(() -> retries.execute(script(calls, auth))).isSameAs(auth);
        assertThat(calls).hasValue(1);
        assertThat(sleeper.sleeps).isEmpty();
    }

    @Test
    void nonRetryableAfterRetryableCarriesTheEarlierFailure() {
        var calls = new AtomicInteger();
        var first = Failures.server(503);
        var quota = Failures.quota();

        assertThatThrownBy(() -> retries.execute(script(calls, first, quota)))
                .isSameAs(quota)
                .satisfies(e -> assertThat(e.getSuppressed()).containsExactly(first));
    }

    @Test
    void honoursTheServerDelay() {
        var calls = new AtomicInteger();

        retries.execute(script(calls, Failures.rateLimited(Duration.ofSeconds(7))));

        assertThat(sleeper.sleeps).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void serverDelayAboveTheMaximumFailsFastWithoutSleeping() {
        var calls = new AtomicInteger();
        var tooLong = Failures.rateLimited(Duration.ofMinutes(5));

        assertThatThrownBy(() -> retries.execute(script(calls, tooLong)))
                .isSameAs(tooLong)
                .isInstanceOf(Grok4Exception.class);
        assertThat(calls).hasValue(1);
        assertThat(sleeper.sleeps).isEmpty();
    }

    @Test
    void interruptedWhileSleepingThrowsTheFailureAndKeepsTheFlag() {
        var interrupting = new RetryExecutor(policy, d -> {
            throw new InterruptedException("stop");
        });
        var failure = Failures.server(503);

        try {
            assertThatThrownBy(() -> interrupting.execute(script(new AtomicInteger(), failure)))
                    .isSameAs(failure);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void asyncRetriesThroughTheSleeperAndSucceeds() {
        var calls = new AtomicInteger();
        Supplier<String> sync = script(calls, Failures.rateLimited(), Failures.server(502));

        String result = retries.executeAsync(() -> CompletableFuture.supplyAsync(sync)).join();

        assertThat(result).isEqualTo("ok");
        assertThat(calls).hasValue(3);
        assertThat(sleeper.sleeps).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
    }

    @Test
    void asyncFailsWithTheUnwrappedLastFailureAndSuppressedOnes() {
        var first = Failures.timeout();
        var last = Failures.badRequest(400);
        Supplier<String> sync = script(new AtomicInteger(), first, last);

        var future = retries.executeAsync(() -> CompletableFuture.supplyAsync(sync));

        assertThatThrownBy(future::join)
                .isInstanceOf(CompletionException.class)
                .cause().isSameAs(last)
                .satisfies(e -> assertThat(e.getSuppressed()).containsExactly(first));
    }

    @Test
    void asyncAcceptsASupplierThatThrows() {
        var calls = new AtomicInteger();
        Supplier<String> sync = script(calls, Failures.connection());

        String result = retries.executeAsync(() -> CompletableFuture.completedFuture(sync.get()))
                .join();

        assertThat(result).isEqualTo("ok");
        assertThat(calls).hasValue(2);
    }

    @Test
    void asyncWaitsOnARealScheduledDelay() {
        var quick = new RetryExecutor(new RetryPolicy(3, Duration.ofMillis(20),
                Duration.ofMillis(40), Duration.ofSeconds(1), () -> 0.0), Sleeper.SYSTEM);
        var calls = new AtomicInteger();
        Supplier<String> sync = script(calls, Failures.server(503), Failures.server(503));

        String result = quick.executeAsync(() -> CompletableFuture.supplyAsync(sync)).join();

        assertThat(result).isEqualTo("ok");
        assertThat(calls).hasValue(3);
    }

    @Test
    void streamIsRetriedBeforeItsFirstChunkOnly() {
        var calls = new AtomicInteger();
        var lateFailure = Failures.server(500);
        Supplier<Iterator<String>> openStream = () -> {
            if (calls.incrementAndGet() == 1) {
                throw Failures.server(503);
            }
            return new Iterator<>() {
                private int served;

                @Override
                public boolean hasNext() {
                    return true;
                }

                @Override
                public String next() {
                    if (served++ == 1) {
                        throw lateFailure;
                    }
                    return "chunk";
                }
            };
        };

        Iterator<String> stream = retries.execute(openStream);

        assertThat(stream.next()).isEqualTo("chunk");
        assertThatThrownBy(stream::next).isSameAs(lateFailure);
        assertThat(calls).hasValue(2);
    }
}

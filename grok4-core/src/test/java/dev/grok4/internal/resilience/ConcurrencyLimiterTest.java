package dev.grok4.internal.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.grok4.ErrorKind;
import dev.grok4.Grok4Config;
import dev.grok4.Grok4Exception;
import dev.grok4.internal.resilience.ConcurrencyLimiter.Permit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ConcurrencyLimiterTest {

    @Test
    void defaultsComeFromTheConfig() {
        var limiter = ConcurrencyLimiter.from(Grok4Config.defaults());
        List<Permit> permits = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            permits.add(limiter.acquire());
        }

        assertThat(limiter.inFlight()).isEqualTo(10);
        assertThat(limiter.acquireAsync()).isNotDone();
        permits.forEach(Permit::close);
    }

    @Test
    void callerPastTheLimitWaitsUntilASlotIsReleased() {
        var limiter = new ConcurrencyLimiter(2, Duration.ofSeconds(30));
        Permit first = limiter.acquire();
        Permit second = limiter.acquire();

        CompletableFuture<Permit> third = limiter.acquireAsync();

        assertThat(third).isNotDone();
        assertThat(limiter.waiting()).isEqualTo(1);
        first.close();
        assertThat(third).isCompleted();
        assertThat(limiter.inFlight()).isEqualTo(2);
        assertThat(limiter.waiting()).isZero();
        second.close();
        third.join().close();
        assertThat(limiter.inFlight()).isZero();
    }

    @Test
    void callerPastTheLimitFailsAfterThePermitTimeout() {
        var limiter = new ConcurrencyLimiter(2, Duration.ofMillis(200));
        limiter.acquire();
        limiter.acquire();

        assertThatThrownBy(limiter::acquire)
                .isInstanceOfSatisfying(Grok4Exception.class,
                        e -> assertThat(e.kind()).isEqualTo(ErrorKind.LIMIT_EXCEEDED))
                .hasMessage("Waited 200ms for one of 2 in-flight slots; "
                        + "raise maxConcurrent or permitTimeout");
        assertThat(limiter.waiting()).isZero();
        assertThat(limiter.inFlight()).isEqualTo(2);
    }

    @Test
    void defaultTimeoutMessageNamesThirtySecondsAndTenSlots() {
        var limiter = ConcurrencyLimiter.from(Grok4Config.defaults());

        assertThat(limiter.timeoutError())
                .hasMessage("Waited 30s for one of 10 in-flight slots; "
                        + "raise maxConcurrent or permitTimeout")
                .extracting(Grok4Exception::kind).isEqualTo(ErrorKind.LIMIT_EXCEEDED);
    }

    @Test
    void permitIsReleasedExactlyOnce() {
        var limiter = new ConcurrencyLimiter(2, Duration.ofSeconds(30));
        Permit permit = limiter.acquire();
        Permit other = limiter.acquire();

        permit.close();
        permit.close();

        assertThat(permit.isReleased()).isTrue();
        assertThat(limiter.inFlight()).isEqualTo(1);
        other.close();
        assertThat(limiter.inFlight()).isZero();
    }

    @Test
    void waitersAreServedInArrivalOrder() {
        var limiter = new ConcurrencyLimiter(1, Duration.ofSeconds(30));
        Permit held = limiter.acquire();
        var first = limiter.acquireAsync();
        var second = limiter.acquireAsync();

        held.close();

        assertThat(first).isCompleted();
        assertThat(second).isNotDone();
        first.join().close();
        assertThat(second).isCompleted();
    }

    @Test
    void timedOutWaiterDoesNotTakeALaterSlot() throws Exception {
        var limiter = new ConcurrencyLimiter(1, Duration.ofMillis(100));
        Permit held = limiter.acquire();
        var late = limiter.acquireAsync();

        assertThatThrownBy(late::join).isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(Grok4Exception.class);
        held.close();

        assertThat(limiter.inFlight()).isZero();
        assertThat(limiter.acquireAsync()).isCompleted();
    }

    @Test
    void interruptedWaiterGivesUpItsPlace() throws Exception {
        var limiter = new ConcurrencyLimiter(1, Duration.ofSeconds(30));
        Permit held = limiter.acquire();
        var failure = new CompletableFuture<Throwable>();
        Thread waiter = new Thread(() -> {
            try {
                limiter.acquire();
            } catch (Grok4Exception e) {
                failure.complete(e);
            }
        });
        waiter.start();
        while (limiter.waiting() == 0) {
            Thread.onSpinWait();
        }

        waiter.interrupt();

        assertThat(failure.get(10, TimeUnit.SECONDS)).isInstanceOfSatisfying(Grok4Exception.class,
                e -> assertThat(e.kind()).isEqualTo(ErrorKind.LIMIT_EXCEEDED));
        assertThat(limiter.waiting()).isZero();
        held.close();
        assertThat(limiter.inFlight()).isZero();
    }

    @Test
    void neverMoreThanTheLimitInFlightUnderContention() throws Exception {
        var limiter = new ConcurrencyLimiter(3, Duration.ofSeconds(30));
        var current = new AtomicInteger();
        var highest = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> tasks = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            tasks.add(pool.submit(() -> {
                for (int i = 0; i < 50; i++) {
                    try (Permit p = limiter.acquire()) {
                        highest.accumulateAndGet(current.incrementAndGet(), Math::max);
                        Thread.yield();
                        current.decrementAndGet();
                    }
                }
            }));
        }
        for (Future<?> task : tasks) {
            task.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertThat(highest.get()).isBetween(1, 3);
        assertThat(limiter.inFlight()).isZero();
    }

    @Test
    void invalidSettingsAreRejected() {
        assertThatThrownBy(() -> new ConcurrencyLimiter(0, Duration.ofSeconds(1)))
                .hasMessage("Invalid maxConcurrent: 0; expected 1 or more");
        assertThatThrownBy(() -> new ConcurrencyLimiter(1, Duration.ZERO))
                .hasMessage("Invalid permitTimeout: PT0S; expected a positive duration");
    }
}

package dev.grok4.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.grok4.ErrorKind;
import dev.grok4.Grok4Exception;
import dev.grok4.internal.cache.InFlightCoalescer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InFlightCoalescerTest {
    private static final int CALLERS = 10;

    private final InFlightCoalescer<String, String> coalescer = new InFlightCoalescer<>();
    private final ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
    private final AtomicInteger upstreamCalls = new AtomicInteger();
    private final CompletableFuture<String> upstream = new CompletableFuture<>();

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    private List<Future<CompletableFuture<String>>> joinConcurrently() throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<CompletableFuture<String>>> joined = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            joined.add(pool.submit(() -> {
                start.await();
                return coalescer.join("same-key", () -> {
                    upstreamCalls.incrementAndGet();
                    return upstream;
                });
            }));
        }
        start.countDown();
        for (Future<CompletableFuture<String>> f : joined) {
            f.get(30, TimeUnit.SECONDS);
        }
        return joined;
    }

    @Test
    void tenIdenticalCallsGoUpstreamOnceAndAllGetTheResult() throws Exception {
        List<Future<CompletableFuture<String>>> joined = joinConcurrently();
        assertThat(coalescer.inFlightCount()).isEqualTo(1);

        upstream.complete("the answer");

        assertThat(upstreamCalls).hasValue(1);
        for (Future<CompletableFuture<String>> f : joined) {
            assertThat(f.get().get(30, TimeUnit.SECONDS)).isEqualTo("the answer");
        }
        assertThat(coalescer.inFlightCount()).isZero();
    }

    @Test
    void aFailureReachesEveryCallerAndClearsTheEntry() throws Exception {
        List<Future<CompletableFuture<String>>> joined = joinConcurrently();
        Grok4Exception failure = new Grok4Exception(ErrorKind.SERVER, "upstream failed", null);

        upstream.completeExceptionally(failure);

        assertThat(upstreamCalls).hasValue(1);
        for (Future<CompletableFuture<String>> f : joined) {
            assertThatThrownBy(() -> f.get().join()).isInstanceOf(CompletionException.class)
                    .cause().isSameAs(failure);
        }
        assertThat(coalescer.inFlightCount()).isZero();
    }

    @Test
    void aCallAfterCompletionGoesUpstreamAgain() {
        assertThat(coalescer.join("k", () -> CompletableFuture.completedFuture("one")).join())
                .isEqualTo("one");

        assertThat(coalescer.join("k", () -> CompletableFuture.completedFuture("two")).join())
                .isEqualTo("two");
    }

    @Test
    void differentKeysDoNotShareACall() {
        CompletableFuture<String> a = coalescer.join("a", CompletableFuture::new);
        CompletableFuture<String> b = coalescer.join("b", () -> CompletableFuture
                .completedFuture("b"));

        assertThat(b.join()).isEqualTo("b");
        assertThat(a).isNotDone();
        assertThat(coalescer.inFlightCount()).isEqualTo(1);
    }

    @Test
    void aSupplierThatThrowsFailsTheCallAndClearsTheEntry() {
        IllegalStateException boom = new IllegalStateException("no permit");

        CompletableFuture<String> result = coalescer.join("k", () -> {
            throw boom;
        });

        assertThatThrownBy(result::join).cause().isSameAs(boom);
        assertThat(coalescer.inFlightCount()).isZero();
    }

    @Test
    void cancellingOneCallerLeavesTheSharedCallRunning() {
        CompletableFuture<String> leader = coalescer.join("k", () -> upstream);
        CompletableFuture<String> follower = coalescer.join("k", () -> upstream);

        leader.cancel(true);
        upstream.complete("still here");

        assertThat(follower.join()).isEqualTo("still here");
        assertThat(upstream.isCancelled()).isFalse();
    }
}

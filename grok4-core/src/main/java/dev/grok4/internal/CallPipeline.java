package dev.grok4.internal;

import static java.util.Objects.requireNonNull;

import dev.grok4.BatchOptions;
import dev.grok4.BatchResult;
import dev.grok4.ErrorKind;
import dev.grok4.Grok4Config;
import dev.grok4.Grok4Exception;
import dev.grok4.internal.cache.InFlightCoalescer;
import dev.grok4.internal.cache.ResponseCache;
import dev.grok4.internal.metrics.ResponseAccounting;
import dev.grok4.internal.resilience.BatchRunner;
import dev.grok4.internal.resilience.FallbackExecutor;
import dev.grok4.internal.resilience.FallbackExecutor.Outcome;
import dev.grok4.internal.resilience.Resilience;
import dev.grok4.internal.tokens.TokenEstimator;
import dev.grok4.model.ChatRequest;
import dev.grok4.model.ChatResponse;
import dev.grok4.model.ResponseSource;
import dev.grok4.spi.MetricsListener;
import dev.grok4.spi.RequestEndEvent;
import dev.grok4.spi.RequestStartEvent;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * The whole path of a non-streaming call: cache, coalescing of identical calls in flight,
 * concurrency and rate limits, retries and the fallback chain, cost and metrics.
 *
 * <p>A call runs: prepare (model, capabilities) → cache lookup → join an identical call in
 * flight, or lead one: permit → rate-limit reservation → fallback(retry(one HTTP exchange)) →
 * usage correction → cost → cache store. Callers that joined another's call get its answer as
 * a cache answer with no attempts of their own. Thread-safe.
 */
public final class CallPipeline {
    private final Grok4Config config;
    private final ChatExecutor executor;
    private final Resilience resilience;
    private final ResponseCache cache;
    private final ResponseAccounting accounting;
    private final MetricsListener listener;
    private final @Nullable TokenEstimator tokens;
    private final InFlightCoalescer<String, ChatResponse> inFlight = new InFlightCoalescer<>();

    /**
     * Creates the pipeline.
     *
     * @param listener receives request events; must not throw (pass a guarded listener)
     */
    public CallPipeline(Grok4Config config, ChatExecutor executor, Resilience resilience,
            ResponseCache cache, ResponseAccounting accounting, MetricsListener listener) {
        this.config = requireNonNull(config, "config");
        this.executor = requireNonNull(executor, "executor");
        this.resilience = requireNonNull(resilience, "resilience");
        this.cache = requireNonNull(cache, "cache");
        this.accounting = requireNonNull(accounting, "accounting");
        this.listener = requireNonNull(listener, "listener");
        // Estimating tokens costs a tokenizer pass; only a tokens-per-minute limit needs it.
        this.tokens = config.tokensPerMinute() > 0 ? new TokenEstimator() : null;
    }

    /** Runs a call and waits for its response. */
    public ChatResponse chat(ChatRequest request) {
        long start = System.nanoTime();
        ChatRequest prepared = executor.prepare(request);
        String model = requireNonNull(prepared.model(), "model");
        listener.onRequestStart(new RequestStartEvent(model, false));
        try {
            ChatResponse response = cachedOrNetwork(prepared, start);
            reportEnd(model, response, null, start);
            return response;
        } catch (RuntimeException e) {
            reportEnd(model, null, e, start);
            throw e;
        }
    }

    /** Runs a call without blocking the caller on the network. */
    public CompletableFuture<ChatResponse> chatAsync(ChatRequest request) {
        long start = System.nanoTime();
        ChatRequest prepared;
        try {
            prepared = executor.prepare(request);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        String model = requireNonNull(prepared.model(), "model");
        listener.onRequestStart(new RequestStartEvent(model, false));

        CompletableFuture<ChatResponse> result = cachedOrNetworkAsync(prepared, start);

        return result.whenComplete((response, failure) -> reportEnd(model, response,
                failure == null ? null : unwrap(failure), start));
    }

    /** Runs many calls with bounded parallelism; results come back in input order. */
    public CompletableFuture<List<BatchResult>> batch(List<ChatRequest> requests,
            BatchOptions options) {
        return new BatchRunner(config.maxConcurrent()).run(requests, options, this::chatAsync);
    }

    private ChatResponse cachedOrNetwork(ChatRequest prepared, long start) {
        Optional<ChatResponse> hit = cache.lookup(prepared, model(prepared));
        if (hit.isPresent()) {
            return hit.get();
        }
        if (!cache.applies(prepared)) {
            return network(prepared, start);
        }
        AtomicBoolean led = new AtomicBoolean();
        CompletableFuture<ChatResponse> shared = inFlight.join(cache.key(prepared,
                model(prepared)), () -> {
                    led.set(true);
                    return completed(() -> storeAndReturn(prepared, network(prepared, start)));
                });
        return asFollowerIfJoined(join(shared), led.get(), start);
    }

    private CompletableFuture<ChatResponse> cachedOrNetworkAsync(ChatRequest prepared,
            long start) {
        Optional<ChatResponse> hit;
        try {
            hit = cache.lookup(prepared, model(prepared));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        if (hit.isPresent()) {
            return CompletableFuture.completedFuture(hit.get());
        }
        if (!cache.applies(prepared)) {
            return networkAsync(prepared, start);
        }
        AtomicBoolean led = new AtomicBoolean();
        return inFlight.join(cache.key(prepared, model(prepared)), () -> {
            led.set(true);
            return networkAsync(prepared, start).thenApply(r -> storeAndReturn(prepared, r));
        }).thenApply(r -> asFollowerIfJoined(r, led.get(), start));
    }

    private ChatResponse network(ChatRequest prepared, long start) {
        Outcome<ChatResponse> outcome = resilience.call(models(prepared), estimate(prepared),
                m -> executor.execute(executor.prepareFallback(prepared, m)),
                ChatResponse::usage);
        return finish(outcome, start);
    }

    private CompletableFuture<ChatResponse> networkAsync(ChatRequest prepared, long start) {
        return resilience.callAsync(models(prepared), estimate(prepared),
                m -> executor.executeAsync(executor.prepareFallback(prepared, m)),
                ChatResponse::usage).thenApply(outcome -> finish(outcome, start));
    }

    private ChatResponse finish(Outcome<ChatResponse> outcome, long start) {
        ChatResponse response = outcome.value().toBuilder()
                .requestedModel(outcome.model())
                .attempts(outcome.attempts())
                .latency(since(start))
                .build();
        return accounting.account(outcome.model(), response);
    }

    private ChatResponse storeAndReturn(ChatRequest prepared, ChatResponse response) {
        cache.store(prepared, model(prepared), response);
        return response;
    }

    private static ChatResponse asFollowerIfJoined(ChatResponse response, boolean led,
            long start) {
        return led ? response : ResponseCache.asHit(response, since(start));
    }

    private List<String> models(ChatRequest prepared) {
        return FallbackExecutor.modelChain(model(prepared), config.fallbackModels());
    }

    private int estimate(ChatRequest prepared) {
        return tokens == null ? 0 : tokens.estimate(prepared);
    }

    private void reportEnd(String model, @Nullable ChatResponse response,
            @Nullable Throwable failure, long start) {
        ResponseSource source = response == null ? ResponseSource.NETWORK : response.source();
        listener.onRequestEnd(new RequestEndEvent(model, response == null ? null
                : response.model(), since(start), kindOf(failure), false, source));
    }

    /** Returns the kind a failure reports as, or null for success. */
    static @Nullable ErrorKind kindOf(@Nullable Throwable failure) {
        if (failure == null) {
            return null;
        }
        if (failure instanceof Grok4Exception e) {
            return e.kind();
        }
        return failure instanceof IllegalArgumentException ? ErrorKind.BAD_REQUEST
                : ErrorKind.UNEXPECTED_CONTENT;
    }

    private static String model(ChatRequest prepared) {
        return requireNonNull(prepared.model(), "model");
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private static CompletableFuture<ChatResponse> completed(
            java.util.function.Supplier<ChatResponse> call) {
        try {
            return CompletableFuture.completedFuture(call.get());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static ChatResponse join(CompletableFuture<ChatResponse> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            throw unwrap(e);
        }
    }

    private static RuntimeException unwrap(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause instanceof RuntimeException r ? r : new CompletionException(cause);
    }
}

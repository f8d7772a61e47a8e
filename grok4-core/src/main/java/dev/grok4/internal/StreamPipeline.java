package dev.grok4.internal;

import static java.util.Objects.requireNonNull;

import dev.grok4.ChatStream;
import dev.grok4.Grok4Config;
import dev.grok4.Grok4Exception;
import dev.grok4.StreamHandler;
import dev.grok4.internal.cache.CachedStreams;
import dev.grok4.internal.cache.ResponseCache;
import dev.grok4.internal.http.HttpCall;
import dev.grok4.internal.http.HttpStreamResult;
import dev.grok4.internal.http.JdkHttpTransport;
import dev.grok4.internal.metrics.ResponseAccounting;
import dev.grok4.internal.resilience.ConcurrencyLimiter.Permit;
import dev.grok4.internal.resilience.FallbackExecutor;
import dev.grok4.internal.resilience.FallbackExecutor.Outcome;
import dev.grok4.internal.resilience.RateLimiter.Reservation;
import dev.grok4.internal.resilience.Resilience;
import dev.grok4.internal.stream.StreamObserver;
import dev.grok4.internal.stream.StreamingCall;
import dev.grok4.internal.tokens.TokenEstimator;
import dev.grok4.model.ChatChunk;
import dev.grok4.model.ChatRequest;
import dev.grok4.model.ChatResponse;
import dev.grok4.model.ResponseSource;
import dev.grok4.spi.MetricsListener;
import dev.grok4.spi.RequestEndEvent;
import dev.grok4.spi.RequestStartEvent;
import dev.grok4.spi.TimeToFirstTokenEvent;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The path of a streaming call: cache (a hit replays as a stream), concurrency permit held
 * until the stream ends, rate-limit reservation corrected with the stream's usage, retries and
 * the fallback chain before the first byte of a successful response, then the stream itself.
 * A complete stream is priced and cached. Thread-safe.
 */
public final class StreamPipeline {
    private final Grok4Config config;
    private final ChatExecutor executor;
    private final Resilience resilience;
    private final ResponseCache cache;
    private final ResponseAccounting accounting;
    private final MetricsListener listener;
    private final @Nullable TokenEstimator tokens;

    /**
     * Creates the pipeline.
     *
     * @param listener receives request events; must not throw (pass a guarded listener)
     */
    public StreamPipeline(Grok4Config config, ChatExecutor executor, Resilience resilience,
            ResponseCache cache, ResponseAccounting accounting, MetricsListener listener) {
        this.config = requireNonNull(config, "config");
        this.executor = requireNonNull(executor, "executor");
        this.resilience = requireNonNull(resilience, "resilience");
        this.cache = requireNonNull(cache, "cache");
        this.accounting = requireNonNull(accounting, "accounting");
        this.listener = requireNonNull(listener, "listener");
        this.tokens = config.tokensPerMinute() > 0 ? new TokenEstimator() : null;
    }

    /** Streams a request as a blocking, iterable {@link ChatStream}. */
    public ChatStream blocking(ChatRequest request) {
        Start start = start(request);
        return start.hit != null ? new ReplayedStream(start.hit).blocking()
                : start.call().blocking();
    }

    /**
     * Streams a request as a publisher that honours demand. Nothing is sent until the first
     * subscriber arrives: a publisher that is built but never subscribed to would otherwise hold
     * a permit and a connection for ever. The request is checked at once.
     */
    public Flow.Publisher<ChatChunk> publisher(ChatRequest request) {
        ChatRequest prepared = executor.prepare(request);
        return new LazyPublisher(() -> startPublisher(prepared));
    }

    private Flow.Publisher<ChatChunk> startPublisher(ChatRequest prepared) {
        Start start = startPrepared(prepared);
        return start.hit != null ? new ReplayedStream(start.hit).publisher()
                : start.call().publisher();
    }

    /** Streams a request to a callback handler; the future completes with the response. */
    public CompletableFuture<ChatResponse> subscribe(ChatRequest request, StreamHandler handler) {
        Start start = start(request);
        return start.hit != null ? new ReplayedStream(start.hit).deliver(handler)
                : start.call().subscribe(handler);
    }

    private Start start(ChatRequest request) {
        return startPrepared(executor.prepare(request));
    }

    private Start startPrepared(ChatRequest prepared) {
        long startNanos = System.nanoTime();
        String model = requireNonNull(prepared.model(), "model");
        listener.onRequestStart(new RequestStartEvent(model, true));

        Optional<ChatResponse> hit = cache.lookup(prepared, model);
        if (hit.isPresent()) {
            reportEnd(model, hit.get(), null, startNanos);
            return new Start(hit.get(), null);
        }
        return new Start(null, network(prepared, startNanos));
    }

    private StreamingCall network(ChatRequest prepared, long startNanos) {
        String model = requireNonNull(prepared.model(), "model");
        Resources resources = new Resources();
        AtomicReference<Outcome<HttpStreamResult>> answered = new AtomicReference<>();
        CompletableFuture<HttpStreamResult> response = open(prepared, resources)
                .thenApply(outcome -> {
                    answered.set(outcome);
                    return outcome.value();
                });

        return StreamingCall.builder(response)
                .errorMapper(r -> executor.errors().fromResponse(r.status(), r.headers(),
                        r.body()))
                .failureMapper(executor::failure)
                .redactor(executor.errors().redactor()::clean)
                .expectUsage(config.streamUsage())
                // The JDK's request timeout stops at the headers; without this a server that
                // stalls mid-stream would hold the reader (and the permit) for ever.
                .idleTimeout(JdkHttpTransport.capped(config.requestTimeout()))
                .requestedModel(model)
                .startNanos(startNanos)
                .finisher(r -> finish(r, answered.get(), model, startNanos))
                .observer(new Observer(prepared, model, startNanos, resources))
                .build();
    }

    /**
     * Takes a permit and a reservation, then opens the stream on the first model that answers.
     * A stream closed before it is sent (while queued for a permit, or waiting to retry) sends
     * nothing more: its permit is already given back, so a request sent then would exceed
     * {@code maxConcurrent} and be billed for an answer nobody reads.
     */
    private CompletableFuture<Outcome<HttpStreamResult>> open(ChatRequest prepared,
            Resources resources) {
        List<String> models = FallbackExecutor.modelChain(requireNonNull(prepared.model()),
                config.fallbackModels());
        int estimate = tokens == null ? 0 : tokens.estimate(prepared);
        return resilience.concurrency().acquireAsync()
                .thenCompose(permit -> {
                    resources.hold(permit);
                    return resources.isEnded() ? CompletableFuture.failedFuture(closed())
                            : resilience.rateLimiter().reserveAsync(estimate);
                })
                .thenCompose(reservation -> {
                    resources.hold(reservation);
                    return resilience.fallback().executeAsync(models, m -> resources.isEnded()
                            ? CompletableFuture.failedFuture(closed())
                            : send(executor.prepareFallback(prepared, m)));
                });
    }

    /** Ends the attempts of a stream that was closed; not retryable, so nothing follows it. */
    private static CancellationException closed() {
        return new CancellationException("The stream was closed before its request was sent");
    }

    /** Sends one streaming request; an error status fails it, so that it can be retried. */
    private CompletableFuture<HttpStreamResult> send(ChatRequest prepared) {
        HttpCall call;
        try {
            call = executor.streamCall(prepared);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return executor.transport().sendStreaming(call)
                .exceptionally(failure -> {
                    throw executor.failure(failure);
                })
                .thenCompose(result -> result.status() < 400
                        ? CompletableFuture.completedFuture(result)
                        : ErrorBodies.read(result).thenApply(body -> {
                            throw executor.errors().fromResponse(result.status(),
                                    result.headers(), body);
                        }));
    }

    private ChatResponse finish(ChatResponse response,
            @Nullable Outcome<HttpStreamResult> outcome, String model, long startNanos) {
        String answering = outcome == null ? model : outcome.model();
        ChatResponse finished = response.toBuilder()
                .requestedModel(answering)
                .attempts(outcome == null ? 1 : outcome.attempts())
                .latency(Duration.ofNanos(System.nanoTime() - startNanos))
                .build();
        return accounting.account(answering, finished);
    }

    private void reportEnd(String model, @Nullable ChatResponse response,
            @Nullable Throwable failure, long startNanos) {
        ResponseSource source = response == null ? ResponseSource.NETWORK : response.source();
        listener.onRequestEnd(new RequestEndEvent(model, response == null ? null
                : response.model(), Duration.ofNanos(System.nanoTime() - startNanos),
                CallPipeline.kindOf(failure), true, source));
    }

    /** Where a stream starts: a cached answer to replay, or a network call. */
    private record Start(@Nullable ChatResponse hit, @Nullable StreamingCall network) {
        StreamingCall call() {
            return requireNonNull(network, "network");
        }
    }

    /** Releases the permit and settles the reservation when the stream ends. */
    private final class Observer implements StreamObserver {
        private final ChatRequest prepared;
        private final String model;
        private final long startNanos;
        private final Resources resources;

        Observer(ChatRequest prepared, String model, long startNanos, Resources resources) {
            this.prepared = prepared;
            this.model = model;
            this.startNanos = startNanos;
            this.resources = resources;
        }

        @Override
        public void onFirstToken(Duration timeToFirstToken) {
            listener.onTimeToFirstToken(new TimeToFirstTokenEvent(model, timeToFirstToken));
        }

        @Override
        public void onEnd(@Nullable ChatResponse response, @Nullable Grok4Exception error) {
            resources.release(response);
            if (response != null) {
                cache.store(prepared, model, response);
            }
            reportEnd(model, response, error, startNanos);
        }
    }

    /**
     * The permit and reservation of one stream. They may arrive after the stream has already
     * ended (cancelled while waiting), in which case they are given back at once.
     */
    private static final class Resources {
        private @Nullable Permit permit;
        private @Nullable Reservation reservation;
        private boolean ended;
        private @Nullable ChatResponse response;

        synchronized void hold(Permit held) {
            permit = held;
            if (ended) {
                held.close();
            }
        }

        synchronized void hold(Reservation held) {
            reservation = held;
            if (ended) {
                settle(held);
            }
        }

        synchronized boolean isEnded() {
            return ended;
        }

        synchronized void release(@Nullable ChatResponse finished) {
            ended = true;
            response = finished;
            if (permit != null) {
                permit.close();
            }
            if (reservation != null) {
                settle(reservation);
            }
        }

        private void settle(Reservation held) {
            if (response == null) {
                held.refund();
            } else {
                held.correct(response.usage());
            }
        }
    }

    /**
     * Starts the stream when the first subscriber arrives, once; later subscribers reach the
     * same stream, which refuses them.
     */
    private static final class LazyPublisher implements Flow.Publisher<ChatChunk> {
        private final Supplier<Flow.Publisher<ChatChunk>> start;
        private Flow.@Nullable Publisher<ChatChunk> started;

        LazyPublisher(Supplier<Flow.Publisher<ChatChunk>> start) {
            this.start = start;
        }

        @Override
        public void subscribe(Flow.Subscriber<? super ChatChunk> subscriber) {
            requireNonNull(subscriber, "subscriber");
            Flow.Publisher<ChatChunk> chunks;
            synchronized (this) {
                if (started == null) {
                    started = start.get();
                }
                chunks = started;
            }
            chunks.subscribe(subscriber);
        }
    }

    /** Replays a cached response as a stream. */
    private static final class ReplayedStream {
        private final ChatResponse response;
        private final List<ChatChunk> chunks;

        ReplayedStream(ChatResponse response) {
            this.response = response;
            this.chunks = CachedStreams.toChunks(response);
        }

        ChatStream blocking() {
            return new ReplayedChatStream(chunks, response);
        }

        Flow.Publisher<ChatChunk> publisher() {
            return new ReplayPublisher(chunks);
        }

        CompletableFuture<ChatResponse> deliver(StreamHandler handler) {
            try {
                chunks.forEach(handler::onChunk);
                handler.onComplete(response);
                return CompletableFuture.completedFuture(response);
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
        }
    }
}

package dev.grok4.internal.stream;

import static java.util.Objects.requireNonNull;

import dev.grok4.ChatStream;
import dev.grok4.Grok4Exception;
import dev.grok4.StreamHandler;
import dev.grok4.internal.http.HttpResult;
import dev.grok4.internal.http.HttpStreamResult;
import dev.grok4.model.ChatChunk;
import dev.grok4.model.ChatResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The entry point the client uses for a streamed chat call: given the transport's pending
 * response, it gives the chunks as a {@link Flow.Publisher}, a blocking {@link ChatStream}, or
 * a {@link StreamHandler} subscription. One call is read once, by one of the three.
 *
 * <pre>{@code
 * StreamingCall call = StreamingCall.builder(transport.sendStreaming(httpCall))
 *         .errorMapper(errorMapper::map)      // the same typed errors as chat()
 *         .redactor(redactor)                 // strips the API key from provider text
 *         .expectUsage(config.streamUsage())
 *         .requestedModel(model)
 *         .observer(permitReleasingObserver)  // ends exactly once: success, error or cancel
 *         .build();
 * ChatStream stream = call.blocking();
 * }</pre>
 *
 * <p>No thread is started: the publisher and the handler run on the HTTP client's threads, the
 * blocking stream on the caller's. Thread-safe to hand over; each view may be taken once.
 *
 * @since 0.1
 */
public final class StreamingCall {
    private final CompletableFuture<HttpStreamResult> response;
    private final StreamSettings settings;
    private final AtomicBoolean taken = new AtomicBoolean();

    private StreamingCall(Builder b) {
        this.response = b.response;
        UnaryOperator<String> redactor = b.redactor;
        Function<HttpResult, Grok4Exception> errorMapper = b.errorMapper != null ? b.errorMapper
                : result -> StreamErrors.fromStatus(result, redactor);
        this.settings = new StreamSettings(errorMapper,
                b.failureMapper != null ? b.failureMapper
                        : StreamErrors.defaultFailureMapper(redactor),
                redactor, b.nanoClock, b.startNanos != null ? b.startNanos
                        : b.nanoClock.getAsLong(), b.expectUsage, b.requestedModel, b.observer,
                b.idleTimeout, b.finisher);
    }

    /**
     * Returns a builder for the stream of this pending response.
     *
     * @param response completes when the response headers arrive, or with the transport's
     *     failure
     */
    public static Builder builder(CompletableFuture<HttpStreamResult> response) {
        return new Builder(requireNonNull(response, "response"));
    }

    /**
     * Returns the chunks as a publisher that honours demand and accepts one subscriber.
     * Errors arrive as {@link Grok4Exception}s through {@code onError}.
     *
     * @throws IllegalStateException if a view of this call was already taken
     */
    public Flow.Publisher<ChatChunk> publisher() {
        take();
        return new ChunkPublisher(response, settings);
    }

    /**
     * Returns the chunks as a blocking stream read on the caller's thread. The call waits for
     * the response headers on the first read, not here.
     *
     * @throws IllegalStateException if a view of this call was already taken
     */
    public ChatStream blocking() {
        take();
        return new BlockingChatStream(response, settings);
    }

    /**
     * Feeds the chunks to a handler and returns a future of the accumulated response, which
     * fails with the {@link Grok4Exception} that ended the stream. Cancelling the future
     * cancels the stream.
     *
     * @throws IllegalStateException if a view of this call was already taken
     */
    public CompletableFuture<ChatResponse> subscribe(StreamHandler handler) {
        requireNonNull(handler, "handler");
        take();
        ChunkPublisher publisher = new ChunkPublisher(response, settings);
        HandlerSubscriber subscriber = new HandlerSubscriber(handler, publisher);
        publisher.subscribe(subscriber);
        return subscriber.result();
    }

    private void take() {
        if (!taken.compareAndSet(false, true)) {
            throw new IllegalStateException("A streaming call can be read once");
        }
    }

    /**
     * Configures a {@link StreamingCall}. Not thread-safe.
     *
     * @since 0.1
     */
    public static final class Builder {
        private final CompletableFuture<HttpStreamResult> response;
        private @Nullable Function<HttpResult, Grok4Exception> errorMapper;
        private @Nullable Function<Throwable, Grok4Exception> failureMapper;
        private UnaryOperator<String> redactor = UnaryOperator.identity();
        private LongSupplier nanoClock = System::nanoTime;
        private @Nullable Long startNanos;
        private boolean expectUsage = true;
        private @Nullable String requestedModel;
        private StreamObserver observer = StreamObserver.NOOP;
        private @Nullable Duration idleTimeout;
        private UnaryOperator<ChatResponse> finisher = UnaryOperator.identity();

        private Builder(CompletableFuture<HttpStreamResult> response) {
            this.response = response;
        }

        /**
         * Sets how an error status with a complete body maps to a typed error, as for a
         * non-streaming call. By default a simple mapping by status is used.
         */
        public Builder errorMapper(Function<HttpResult, Grok4Exception> errorMapper) {
            this.errorMapper = requireNonNull(errorMapper, "errorMapper");
            return this;
        }

        /**
         * Sets how a transport failure maps to a typed error; by default timeouts become
         * {@link dev.grok4.Grok4TimeoutException} and I/O errors
         * {@link dev.grok4.ConnectionException}.
         */
        public Builder failureMapper(Function<Throwable, Grok4Exception> failureMapper) {
            this.failureMapper = requireNonNull(failureMapper, "failureMapper");
            return this;
        }

        /** Sets the function that removes the API key from provider text. */
        public Builder redactor(UnaryOperator<String> redactor) {
            this.redactor = requireNonNull(redactor, "redactor");
            return this;
        }

        /** Sets the monotonic nanosecond clock; {@code System::nanoTime} by default. */
        public Builder nanoClock(LongSupplier nanoClock) {
            this.nanoClock = requireNonNull(nanoClock, "nanoClock");
            return this;
        }

        /** Sets the clock reading when the call started; by default when built. */
        public Builder startNanos(long startNanos) {
            this.startNanos = startNanos;
            return this;
        }

        /** Sets whether usage was requested ({@code stream_options.include_usage}). */
        public Builder expectUsage(boolean expectUsage) {
            this.expectUsage = expectUsage;
            return this;
        }

        /** Sets the model the request named, reported by {@link ChatResponse#requestedModel()}. */
        public Builder requestedModel(@Nullable String requestedModel) {
            this.requestedModel = requestedModel;
            return this;
        }

        /** Sets the hooks called at the first token and, exactly once, at the end. */
        public Builder observer(StreamObserver observer) {
            this.observer = requireNonNull(observer, "observer");
            return this;
        }

        /**
         * Sets what completes the accumulated response before the handler, the blocking view
         * or the observer sees it, such as the attempt count and the cost.
         */
        public Builder finisher(UnaryOperator<ChatResponse> finisher) {
            this.finisher = requireNonNull(finisher, "finisher");
            return this;
        }

        /**
         * Sets the longest wait for more of the body once the reader asks for it; when it
         * passes, the stream fails with a {@link dev.grok4.Grok4TimeoutException} carrying the
         * partial content. A slow consumer never counts against it. None by default.
         *
         * @throws IllegalArgumentException if the timeout is not positive
         */
        public Builder idleTimeout(Duration idleTimeout) {
            requireNonNull(idleTimeout, "idleTimeout");
            if (idleTimeout.isNegative() || idleTimeout.isZero()) {
                throw new IllegalArgumentException("Invalid idleTimeout: " + idleTimeout
                        + "; expected a positive duration");
            }
            this.idleTimeout = idleTimeout;
            return this;
        }

        /** Returns the call. */
        public StreamingCall build() {
            return new StreamingCall(this);
        }
    }

}

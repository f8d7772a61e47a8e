package dev.grok4;

import static java.util.Objects.requireNonNull;

import dev.grok4.cost.CostCalculator;
import dev.grok4.internal.CallPipeline;
import dev.grok4.internal.ChatExecutor;
import dev.grok4.internal.Credentials;
import dev.grok4.internal.MetricsBridge;
import dev.grok4.internal.StreamPipeline;
import dev.grok4.internal.cache.CacheFactory;
import dev.grok4.internal.cache.CacheKeys;
import dev.grok4.internal.cache.GuardedChatCache;
import dev.grok4.internal.cache.ResponseCache;
import dev.grok4.internal.capabilities.ModelCapabilities;
import dev.grok4.internal.errors.ErrorMapper;
import dev.grok4.internal.errors.Redactor;
import dev.grok4.internal.http.HttpTransport;
import dev.grok4.internal.http.JdkHttpTransport;
import dev.grok4.internal.metrics.DefaultMetrics;
import dev.grok4.internal.metrics.GuardedMetricsListener;
import dev.grok4.internal.metrics.ResponseAccounting;
import dev.grok4.internal.resilience.Resilience;
import dev.grok4.internal.resilience.Sleeper;
import dev.grok4.internal.structured.StructuredOutput;
import dev.grok4.model.ChatChunk;
import dev.grok4.model.ChatRequest;
import dev.grok4.model.ChatResponse;
import dev.grok4.model.Choice;
import dev.grok4.model.ModelInfo;
import dev.grok4.spi.ChatCache;
import dev.grok4.spi.MetricsListener;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A client for Grok-4 and any OpenAI-compatible chat-completions API.
 *
 * <p>Create one per endpoint and API key and share it: it is immutable, thread-safe and holds a
 * connection pool. {@link #close()} releases the pool and any Redis connection.
 *
 * <pre>{@code
 * try (Grok4Client client = Grok4Client.builder()
 *         .baseUrl(Grok4Config.XAI_BASE_URL)
 *         .build()) {                 // the key comes from GROK4_API_KEY
 *     String answer = client.ask("What is the capital of Japan?");
 * }
 * }</pre>
 *
 * @since 0.1
 */
public final class Grok4Client implements AutoCloseable {
    private static final ThreadFactory DAEMONS = new ThreadFactory() {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "grok4-client-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    };

    /** Holds the schema generator, built on first use of structured output. */
    private static final class Structured {
        static final StructuredOutput INSTANCE = new StructuredOutput();
    }

    private final Grok4Config config;
    private final @Nullable Executor executor;
    private final @Nullable ExecutorService ownedExecutor;
    private final HttpTransport transport;
    private final ChatExecutor chat;
    private final DefaultMetrics metrics = new DefaultMetrics();
    private final List<MetricsListener> listeners;
    private final MetricsListener listener;
    private final ResponseCache cache;
    private final Resilience resilience;
    private final CallPipeline pipeline;
    private final StreamPipeline streams;
    private volatile boolean closed;

    private Grok4Client(Builder builder) {
        this.config = builder.config.build();
        this.executor = builder.executor;
        ModelCapabilities capabilities = ModelCapabilities.load(config.capabilitiesFile());
        Credentials credentials = Credentials.resolve(config, builder.environment);
        this.listeners = List.copyOf(builder.listeners);
        this.listener = GuardedMetricsListener.of(allListeners(config, metrics, listeners));
        this.cache = new ResponseCache(cache(config, builder.cache, listener),
                new CacheKeys(config.baseUrl(), credentials.apiKey()), listener);
        this.resilience = Resilience.from(config, credentials.apiKey(), builder.sleeper,
                new MetricsBridge(listener));
        this.ownedExecutor = executor == null ? Executors.newCachedThreadPool(DAEMONS) : null;
        Executor async = executor != null ? executor : ownedExecutor;
        boolean https = URI.create(config.baseUrl()).getScheme().equalsIgnoreCase("https");
        this.transport = builder.transport != null ? builder.transport
                : new JdkHttpTransport(https, config.connectTimeout(), async);
        ErrorMapper errors = new ErrorMapper(new Redactor(credentials.apiKey()));
        this.chat = new ChatExecutor(config, transport, credentials, capabilities, errors, async);
        ResponseAccounting accounting =
                new ResponseAccounting(CostCalculator.fromConfig(config), listener);
        this.pipeline = new CallPipeline(config, chat, resilience, cache, accounting, listener);
        this.streams = new StreamPipeline(config, chat, resilience, cache, accounting, listener);
    }

    private static List<MetricsListener> allListeners(Grok4Config config, DefaultMetrics metrics,
            List<MetricsListener> userListeners) {
        List<MetricsListener> all = new ArrayList<>();
        if (config.metricsEnabled()) {
            all.add(metrics);
        }
        all.addAll(userListeners);
        return all;
    }

    private static ChatCache cache(Grok4Config config, @Nullable ChatCache userCache,
            MetricsListener listener) {
        return userCache == null ? CacheFactory.create(config, listener)
                : new GuardedChatCache(userCache, listener);
    }

    /** Returns a client with the default settings, reading the API key from the environment. */
    public static Grok4Client create() {
        return builder().build();
    }

    /** Returns a client with these settings. */
    public static Grok4Client create(Grok4Config config) {
        return builder().config(config).build();
    }

    /** Returns a builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns a builder holding this client's settings, for a variant. */
    public Builder toBuilder() {
        Builder builder = new Builder().config(config);
        builder.executor = executor;
        builder.listeners.addAll(listeners);
        return builder;
    }

    /** Returns this client's settings. */
    public Grok4Config config() {
        return config;
    }

    /**
     * Sends a chat request and waits for the response.
     *
     * @throws IllegalArgumentException if the model does not support a parameter of the request,
     *     or an extra body field collides with a standard one
     * @throws IllegalStateException if the client is closed
     * @throws Grok4Exception if the call fails; the subclass says how
     */
    public ChatResponse chat(ChatRequest request) {
        requireNonNull(request, "request");
        ensureOpen();
        return pipeline.chat(request);
    }

    /**
     * Sends a chat request without blocking the caller. The future completes on the client's
     * executor with the response, or exceptionally with a {@link Grok4Exception}, or with an
     * {@link IllegalArgumentException} when the model does not support a parameter.
     */
    public CompletableFuture<ChatResponse> chatAsync(ChatRequest request) {
        requireNonNull(request, "request");
        if (closed) {
            return CompletableFuture.failedFuture(closedError());
        }
        return pipeline.chatAsync(request);
    }

    /**
     * Sends many requests with at most {@link Grok4Config#maxConcurrent()} in flight and waits
     * for all of them. Results come back in input order, each a response or its typed failure;
     * one failing request never fails the batch. A null item fails its own result only.
     */
    public List<BatchResult> batch(List<ChatRequest> requests) {
        return batch(requests, BatchOptions.builder().build());
    }

    /** Sends many requests as {@link #batch(List)}, with a parallelism and progress listener. */
    public List<BatchResult> batch(List<ChatRequest> requests, BatchOptions options) {
        return batchAsync(requests, options).join();
    }

    /**
     * Sends many requests without blocking. The future always completes normally, with one
     * result per request in input order.
     */
    public CompletableFuture<List<BatchResult>> batchAsync(List<ChatRequest> requests,
            BatchOptions options) {
        requireNonNull(requests, "requests");
        requireNonNull(options, "options");
        // A snapshot that keeps null items: the runner fails those items alone, whereas
        // List.copyOf threw a bare NullPointerException that lost the whole batch.
        return pipeline.batch(new ArrayList<>(requests), options);
    }

    /**
     * Returns the totals of this client's calls so far: requests, cache hit rate, error rate,
     * latency percentiles, tokens and cost. All zero when {@link Grok4Config#metricsEnabled()}
     * is off.
     */
    public MetricsSnapshot metrics() {
        return metrics.snapshot();
    }

    /**
     * Streams a reply as a blocking stream of chunks. Iterate it, or call
     * {@link ChatStream#response()} for the whole answer; close it to stop early and free the
     * connection. A cached answer is replayed as a stream.
     *
     * <pre>{@code
     * try (ChatStream stream = client.stream(ChatRequest.ofPrompt("Tell me a story"))) {
     *     for (ChatChunk chunk : stream) {
     *         System.out.print(chunk.content());
     *     }
     * }
     * }</pre>
     *
     * <p>Retries and the fallback chain apply until a model answers with a success status;
     * after that, a failure ends the stream with a typed {@link Grok4Exception} whose
     * {@link Grok4Exception#partialContent()} holds what arrived.
     *
     * @throws IllegalArgumentException if the model does not support a parameter of the request
     */
    public ChatStream stream(ChatRequest request) {
        requireNonNull(request, "request");
        ensureOpen();
        return streams.blocking(request);
    }

    /**
     * Streams a reply as a {@link Flow.Publisher} that honours demand, for reactive code. It
     * accepts one subscriber; cancelling the subscription frees the connection. Nothing is sent
     * until a subscriber arrives. No thread is held per stream.
     *
     * @throws IllegalArgumentException if the model does not support a parameter of the request
     */
    public Flow.Publisher<ChatChunk> streamPublisher(ChatRequest request) {
        requireNonNull(request, "request");
        ensureOpen();
        return streams.publisher(request);
    }

    /**
     * Streams a reply to callbacks. The future completes with the accumulated response after
     * {@link StreamHandler#onComplete}, or exceptionally after {@link StreamHandler#onError}.
     *
     * @throws IllegalArgumentException if the model does not support a parameter of the request
     */
    public CompletableFuture<ChatResponse> stream(ChatRequest request, StreamHandler handler) {
        requireNonNull(request, "request");
        requireNonNull(handler, "handler");
        ensureOpen();
        return streams.subscribe(request, handler);
    }

    /** Asks one question of the configured model and returns the reply text. */
    public String ask(String prompt) {
        return chat(ChatRequest.ofPrompt(requireNonNull(prompt, "prompt"))).content();
    }

    /**
     * Asks for a reply shaped as {@code type}: a JSON schema generated from the class is sent as
     * {@code response_format} (replacing any format the request has), and the reply is read into
     * a new instance with the client's own JSON mapper. Records and classes with fields work.
     *
     * @throws StructuredOutputException if the reply does not fit the class; it carries the text
     */
    public <T> T chat(ChatRequest request, Class<T> type) {
        requireNonNull(request, "request");
        requireNonNull(type, "type");
        StructuredOutput structured = Structured.INSTANCE;
        ChatResponse response = chat(request.toBuilder()
                .responseFormat(structured.formatFor(type)).build());
        Choice first = response.choices().isEmpty() ? null : response.choices().get(0);
        if (first != null && first.refusal() != null && response.content().isEmpty()) {
            throw new StructuredOutputException("The model refused to answer as "
                    + type.getSimpleName() + ": " + first.refusal(), null, "");
        }
        return structured.read(response.content(), type);
    }

    /**
     * Lists the models the endpoint offers ({@code GET /models}).
     *
     * @throws Grok4Exception if the call fails; the subclass says how
     */
    public List<ModelInfo> listModels() {
        ensureOpen();
        return chat.listModels();
    }

    /**
     * Checks that the endpoint accepts the API key, with one {@code GET /models} request.
     *
     * @throws AuthenticationException if the key is rejected
     * @throws Grok4Exception if the endpoint cannot be reached
     */
    public void verifyCredentials() {
        listModels();
    }

    /**
     * Releases the connection pool and shuts down the client's own executor; an executor given to
     * the builder is left running. Calls in flight may fail.
     */
    @Override
    public void close() {
        closed = true;
        transport.close();
        cache.close();
        resilience.close();
        if (ownedExecutor != null) {
            ownedExecutor.shutdown();
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw closedError();
        }
    }

    private static IllegalStateException closedError() {
        return new IllegalStateException("This Grok4Client is closed; build a new one");
    }

    /** Returns the call path that integrators wrap with retries, limits and caching. */
    ChatExecutor chatExecutor() {
        return chat;
    }

    /**
     * Returns how many calls (streams included) hold a concurrency permit now. For the fault and
     * soak tests, which check that every call gives its permit back.
     */
    int permitsInUse() {
        return resilience.concurrency().inFlight();
    }

    /** Returns how many calls wait for a concurrency permit now; for the same tests. */
    int permitWaiters() {
        return resilience.concurrency().waiting();
    }

    /**
     * Returns how many tasks the client's own executor is running now, or 0 when the builder
     * was given an executor. For the soak test, which checks that nothing keeps running after
     * every call has ended.
     */
    int activeAsyncTasks() {
        return ownedExecutor instanceof ThreadPoolExecutor pool ? pool.getActiveCount() : 0;
    }

    /** Describes the client without its API key. */
    @Override
    public String toString() {
        return "Grok4Client[baseUrl=" + config.baseUrl() + ", model=" + config.model() + "]";
    }

    /**
     * Builds a {@link Grok4Client}. Plain settings live in a {@link Grok4Config.Builder}; the
     * shortcuts here set the common ones. Not thread-safe.
     *
     * @since 0.1
     */
    public static final class Builder {
        private Grok4Config.Builder config = Grok4Config.builder();
        private @Nullable Executor executor;
        private Function<String, @Nullable String> environment = System::getenv;
        private @Nullable HttpTransport transport;
        private @Nullable ChatCache cache;
        private final List<MetricsListener> listeners = new ArrayList<>();
        private Sleeper sleeper = Sleeper.SYSTEM;

        private Builder() {}

        /** Replaces every plain setting with these. */
        public Builder config(Grok4Config config) {
            this.config = requireNonNull(config, "config").toBuilder();
            return this;
        }

        /** Returns the settings builder, to change any plain setting. */
        public Grok4Config.Builder settings() {
            return config;
        }

        /** Sets the base URL. */
        public Builder baseUrl(String baseUrl) {
            config.baseUrl(baseUrl);
            return this;
        }

        /** Sets the API key; without one, {@value Grok4Config#API_KEY_ENV} is read. */
        public Builder apiKey(@Nullable String apiKey) {
            config.apiKey(apiKey);
            return this;
        }

        /** Sets the primary model. */
        public Builder model(String model) {
            config.model(model);
            return this;
        }

        /** Sets the timeout of one HTTP exchange. */
        public Builder requestTimeout(Duration timeout) {
            config.requestTimeout(timeout);
            return this;
        }

        /**
         * Sets the executor that completes asynchronous calls. By default the client uses its
         * own daemon threads; an executor given here is not shut down by {@link #close()}.
         */
        public Builder executor(Executor executor) {
            this.executor = requireNonNull(executor, "executor");
            return this;
        }

        /**
         * Replaces the cache chosen by {@link Grok4Config#cacheType()} with the application's
         * own. The client guards it: a cache that throws is logged and treated as a miss. The
         * client closes it on {@link Grok4Client#close()}.
         */
        public Builder cache(ChatCache cache) {
            this.cache = requireNonNull(cache, "cache");
            return this;
        }

        /**
         * Adds a metrics listener, such as
         * {@link dev.grok4.micrometer.MicrometerMetricsListener}. A listener that throws is
         * logged once and never breaks a call.
         */
        public Builder addMetricsListener(MetricsListener listener) {
            listeners.add(requireNonNull(listener, "listener"));
            return this;
        }

        /** Replaces how retries wait; for tests, which must not really sleep. */
        Builder sleeper(Sleeper sleeper) {
            this.sleeper = requireNonNull(sleeper, "sleeper");
            return this;
        }

        /** Replaces the environment lookup; for tests, which cannot set variables. */
        Builder environment(Function<String, @Nullable String> environment) {
            this.environment = requireNonNull(environment, "environment");
            return this;
        }

        /** Replaces the HTTP transport, which the client then owns and closes. */
        Builder transport(HttpTransport transport) {
            this.transport = requireNonNull(transport, "transport");
            return this;
        }

        /**
         * Returns the client.
         *
         * @throws IllegalArgumentException naming the setting, when a value is out of range
         */
        public Grok4Client build() {
            return new Grok4Client(this);
        }
    }
}

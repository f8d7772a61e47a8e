package dev.grok4;

import static java.util.Objects.requireNonNull;

import dev.grok4.internal.ChatExecutor;
import dev.grok4.internal.Credentials;
import dev.grok4.internal.capabilities.ModelCapabilities;
import dev.grok4.internal.errors.ErrorMapper;
import dev.grok4.internal.errors.Redactor;
import dev.grok4.internal.http.HttpTransport;
import dev.grok4.internal.http.JdkHttpTransport;
import dev.grok4.internal.structured.StructuredOutput;
import dev.grok4.model.ChatRequest;
import dev.grok4.model.ChatResponse;
import dev.grok4.model.Choice;
import dev.grok4.model.ModelInfo;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
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

    private Grok4Client(Builder builder) {
        this.config = builder.config.build();
        this.executor = builder.executor;
        ModelCapabilities capabilities = ModelCapabilities.load(config.capabilitiesFile());
        Credentials credentials = Credentials.resolve(config, builder.environment);
        this.ownedExecutor = executor == null ? Executors.newCachedThreadPool(DAEMONS) : null;
        Executor async = executor != null ? executor : ownedExecutor;
        boolean https = URI.create(config.baseUrl()).getScheme().equalsIgnoreCase("https");
        this.transport = builder.transport != null ? builder.transport
                : new JdkHttpTransport(https, config.connectTimeout(), async);
        ErrorMapper errors = new ErrorMapper(new Redactor(credentials.apiKey()));
        this.chat = new ChatExecutor(config, transport, credentials, capabilities, errors, async);
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
        return builder;
    }

    /** Returns this client's settings. */
    public Grok4Config config() {
        return config;
    }

    /**
     * Sends a chat request and waits for the response.
     *
     * @throws IllegalArgumentException if the model does not support a parameter of the request
     * @throws Grok4Exception if the call fails; the subclass says how
     */
    public ChatResponse chat(ChatRequest request) {
        requireNonNull(request, "request");
        return chat.execute(chat.prepare(request));
    }

    /**
     * Sends a chat request without blocking the caller. The future completes on the client's
     * executor with the response, or exceptionally with a {@link Grok4Exception}, or with an
     * {@link IllegalArgumentException} when the model does not support a parameter.
     */
    public CompletableFuture<ChatResponse> chatAsync(ChatRequest request) {
        requireNonNull(request, "request");
        ChatRequest prepared;
        try {
            prepared = chat.prepare(request);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return chat.executeAsync(prepared);
    }

    /** Asks one question of the configured model and returns the reply text. */
    public String ask(String prompt) {
        return chat(ChatRequest.ofPrompt(requireNonNull(prompt, "prompt"))).content();
    }

    /**
     * Asks for a reply shaped as {@code type}: a JSON schema generated from the class is sent as
     * {@code response_format}, and the reply is read into a new instance.
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
        transport.close();
        if (ownedExecutor != null) {
            ownedExecutor.shutdown();
        }
    }

    /** Returns the call path that integrators wrap with retries, limits and caching. */
    ChatExecutor executor() {
        return chat;
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

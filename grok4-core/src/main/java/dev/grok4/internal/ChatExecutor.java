package dev.grok4.internal;

import dev.grok4.Grok4Config;
import dev.grok4.Grok4Exception;
import dev.grok4.internal.capabilities.ModelCapabilities;
import dev.grok4.internal.errors.ErrorMapper;
import dev.grok4.internal.http.HttpCall;
import dev.grok4.internal.http.HttpResult;
import dev.grok4.internal.http.HttpTransport;
import dev.grok4.internal.json.ChatJson;
import dev.grok4.model.ChatRequest;
import dev.grok4.model.ChatResponse;
import dev.grok4.model.ModelInfo;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/**
 * One chat call, from a prepared request to a parsed response: encode, send, map errors, parse.
 *
 * <p>This is the single seam that retries, rate limits, caching and metrics wrap: call
 * {@link #prepare(ChatRequest)} once per logical call (it fills in the model and applies the
 * model's capabilities), then {@link #execute(ChatRequest)} or {@link #executeAsync(ChatRequest)}
 * once per attempt. Each attempt is exactly one HTTP exchange and reports
 * {@code attempts() == 1}; wrappers set the totals. Streaming uses {@link #streamCall(ChatRequest)}
 * and {@link #errors()}. Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class ChatExecutor {
    private static final System.Logger LOG = System.getLogger("dev.grok4.Grok4Client");

    private final Grok4Config config;
    private final HttpTransport transport;
    private final Credentials credentials;
    private final ModelCapabilities capabilities;
    private final ErrorMapper errors;
    private final Executor executor;
    private final URI chatUri;
    private final URI modelsUri;

    /**
     * Creates the executor.
     *
     * @param executor completes asynchronous calls (parsing runs there)
     */
    public ChatExecutor(Grok4Config config, HttpTransport transport, Credentials credentials,
            ModelCapabilities capabilities, ErrorMapper errors, Executor executor) {
        this.config = config;
        this.transport = transport;
        this.credentials = credentials;
        this.capabilities = capabilities;
        this.errors = errors;
        this.executor = executor;
        String base = config.baseUrl().replaceAll("/+$", "");
        this.chatUri = URI.create(base + "/chat/completions");
        this.modelsUri = URI.create(base + "/models");
    }

    /** Returns the transport, for streaming calls ({@link HttpTransport#sendStreaming}). */
    public HttpTransport transport() {
        return transport;
    }

    /** Returns the mapper that turns failures into typed, redacted exceptions. */
    public ErrorMapper errors() {
        return errors;
    }

    /**
     * Resolves a request for sending: sets the configured model when the request has none, then
     * checks the model's capabilities, dropping unsupported parameters if so configured.
     *
     * @throws IllegalArgumentException naming a parameter the model does not support
     */
    public ChatRequest prepare(ChatRequest request) {
        ChatRequest resolved = request.model() != null ? request
                : request.toBuilder().model(config.model()).build();
        return capabilities.apply(resolved, config.dropUnsupportedParameters());
    }

    /**
     * Resolves a prepared request for a fallback model: parameters the fallback model does not
     * support are dropped rather than failing, since the caller chose the primary model.
     */
    public ChatRequest prepareFallback(ChatRequest prepared, String model) {
        if (model.equals(prepared.model())) {
            return prepared;
        }
        return capabilities.apply(prepared.toBuilder().model(model).build(), true);
    }

    /**
     * Sends a prepared request once and waits for the response.
     *
     * @throws IllegalArgumentException if the request cannot be encoded
     * @throws Grok4Exception for every failure of the exchange, typed by cause
     */
    public ChatResponse execute(ChatRequest prepared) {
        HttpCall call = chatCall(prepared, false, false);
        long start = System.nanoTime();
        HttpResult result;
        try {
            result = transport.send(call);
        } catch (IOException | InterruptedException e) {
            throw failed(prepared, e, start);
        }
        return finish(prepared, result, start);
    }

    /**
     * Sends a prepared request once without blocking. The future completes on the client's
     * executor, exceptionally with a {@link Grok4Exception} (wrapped in a
     * {@link CompletionException} by {@code join}) or with an {@link IllegalArgumentException}
     * when the request cannot be encoded.
     */
    public CompletableFuture<ChatResponse> executeAsync(ChatRequest prepared) {
        HttpCall call;
        try {
            call = chatCall(prepared, false, false);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        long start = System.nanoTime();
        return transport.sendAsync(call).handleAsync((result, failure) -> {
            if (failure != null) {
                throw failed(prepared, failure, start);
            }
            return finish(prepared, result, start);
        }, executor);
    }

    /**
     * Returns the HTTP call that streams a prepared request: {@code "stream": true}, with
     * {@code stream_options.include_usage} when {@link Grok4Config#streamUsage()} is on.
     *
     * @throws Grok4Exception of kind {@code CONFIGURATION} when the API key is missing
     * @throws IllegalArgumentException if the request cannot be encoded
     */
    public HttpCall streamCall(ChatRequest prepared) {
        return chatCall(prepared, true, config.streamUsage());
    }

    /**
     * Maps a failure of a chat exchange that left no response (timeout, refused connection,
     * reset), for streams; a {@link Grok4Exception} passes through.
     */
    public Grok4Exception failure(Throwable failure) {
        return errors.fromFailure(failure, target(chatUri));
    }

    /**
     * Lists the endpoint's models with {@code GET {baseUrl}/models}.
     *
     * @throws Grok4Exception for every failure, typed by cause
     */
    public List<ModelInfo> listModels() {
        HttpCall call = new HttpCall("GET", modelsUri, headers(), null, config.requestTimeout());
        long start = System.nanoTime();
        HttpResult result;
        try {
            result = transport.send(call);
        } catch (IOException | InterruptedException e) {
            throw errors.fromFailure(e, target(modelsUri));
        }
        log("models", result, start);
        checkSuccess(result);
        List<ModelInfo> models;
        try {
            models = ChatJson.readModels(result.body());
        } catch (IOException e) {
            throw unexpected(result, "a model list that could not be read", e);
        }
        checkNoErrorEnvelope(result, models.isEmpty());
        return models;
    }

    private HttpCall chatCall(ChatRequest prepared, boolean stream, boolean includeUsage) {
        Map<String, String> headers = headers();
        byte[] body = ChatJson.writeRequest(prepared, stream, includeUsage);
        return new HttpCall("POST", chatUri, headers, body, config.requestTimeout());
    }

    private Map<String, String> headers() {
        String authorization = credentials.authorization();
        return authorization == null ? Map.of() : Map.of("Authorization", authorization);
    }

    private ChatResponse finish(ChatRequest prepared, HttpResult result, long start) {
        if (LOG.isLoggable(Level.DEBUG)) {
            log("chat model=" + prepared.model(), result, start);
        }
        checkSuccess(result);
        ChatResponse response;
        try {
            response = ChatJson.readResponse(result.body());
        } catch (IOException e) {
            throw unexpected(result, "a chat completion that could not be read", e);
        }
        checkNoErrorEnvelope(result, response.choices().isEmpty());
        return response.toBuilder().requestedModel(prepared.model()).attempts(1)
                .latency(Duration.ofNanos(System.nanoTime() - start)).build();
    }

    private void checkSuccess(HttpResult result) {
        int status = result.status();
        if (status < 200 || status >= 300) {
            throw errors.fromResponse(status, result.headers(), result.body());
        }
        if (!ErrorMapper.looksLikeJson(result.header("content-type"), result.body())) {
            throw unexpected(result, "a body that is not JSON", null);
        }
    }

    /**
     * Some gateways answer 200 with an error envelope. A body with results is never one, so the
     * second look at the body is paid only when the parse found nothing.
     */
    private void checkNoErrorEnvelope(HttpResult result, boolean nothingFound) {
        if (nothingFound && ChatJson.isErrorEnvelope(result.body())) {
            throw errors.fromResponse(result.status(), result.headers(), result.body());
        }
    }

    private Grok4Exception unexpected(HttpResult result, String what, @Nullable Throwable cause) {
        Grok4Exception.Details details = Grok4Exception.Details.status(result.status())
                .requestId(ErrorMapper.requestId(result.headers()));
        return errors.unexpected(result.status(), result.header("content-type"), result.body(),
                details, what, cause);
    }

    private Grok4Exception failed(ChatRequest prepared, Throwable failure, long start) {
        Grok4Exception e = errors.fromFailure(failure, target(chatUri));
        LOG.log(Level.DEBUG, () -> "chat model=" + prepared.model() + " failed after "
                + millis(start) + " ms: " + e.kind().wireName());
        return e;
    }

    private static void log(String operation, HttpResult result, long start) {
        LOG.log(Level.DEBUG, () -> operation + " status=" + result.status()
                + " latency=" + millis(start) + " ms requestId="
                + ErrorMapper.requestId(result.headers()));
    }

    private static long millis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static String target(URI uri) {
        return uri.getScheme() + "://" + uri.getAuthority() + uri.getPath();
    }
}

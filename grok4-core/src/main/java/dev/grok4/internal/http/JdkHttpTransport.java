package dev.grok4.internal.http;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The {@link HttpTransport} on {@code java.net.http.HttpClient}: one client, one pool.
 *
 * <p>HTTPS prefers HTTP/2; a plain {@code http} base URL uses HTTP/1.1 without an h2c upgrade
 * attempt, which local servers often mishandle. A request that fails because a pooled keep-alive
 * connection had already been closed by the server is sent again once, at once: the server never
 * saw it. Thread-safe.
 *
 * @since 0.1
 */
public final class JdkHttpTransport implements HttpTransport {
    /** The {@code User-Agent} of every request. */
    public static final String USER_AGENT = "grok4-java/0.1";

    private static final String STALE_CONNECTION = "header parser received no bytes";

    /**
     * The longest timeout passed on. The JDK and {@code orTimeout} count in nanoseconds or add
     * the timeout to the current instant, and overflow with an {@link ArithmeticException} for
     * "wait for ever" values such as {@code ChronoUnit.FOREVER.getDuration()}.
     */
    static final Duration MAX_TIMEOUT = Duration.ofDays(365);

    private final HttpClient client;
    private final Executor executor;

    /**
     * Creates the transport.
     *
     * @param http2 whether to prefer HTTP/2 (use false for plain-http endpoints)
     * @param connectTimeout the time allowed to open a connection
     * @param executor runs the client's asynchronous work and completes its futures
     */
    public JdkHttpTransport(boolean http2, Duration connectTimeout, Executor executor) {
        this.client = HttpClient.newBuilder()
                .version(http2 ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
                .connectTimeout(capped(connectTimeout))
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(executor)
                .build();
        this.executor = executor;
    }

    /** Returns the HTTP version the client prefers. */
    public HttpClient.Version version() {
        return client.version();
    }

    /**
     * Returns whether a failure is a pooled connection the server had already closed. A request
     * that timed out is never one: when the JDK gives up waiting for the headers it closes the
     * connection itself, and the header parser's "received no bytes" ends up as the cause of the
     * {@link HttpTimeoutException}. Such a request reached the server, so it goes to the retry
     * policy as a timeout instead of being sent again at once.
     */
    public static boolean isStaleConnection(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof HttpTimeoutException) {
                return false;
            }
            if (t instanceof IOException && t.getMessage() != null
                    && t.getMessage().contains(STALE_CONNECTION)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    @Override
    public HttpResult send(HttpCall call) throws IOException, InterruptedException {
        HttpRequest request = request(call, "application/json");
        CompletableFuture<HttpResponse<byte[]>> sent =
                withRetry(() -> bounded(request, call.timeout()));
        HttpResponse<byte[]> response;
        try {
            response = sent.get();
        } catch (ExecutionException e) {
            throw rethrown(e.getCause());
        }
        return new HttpResult(response.statusCode(), headers(response.headers()), response.body());
    }

    @Override
    public CompletableFuture<HttpResult> sendAsync(HttpCall call) {
        HttpRequest request = request(call, "application/json");
        return withRetry(() -> bounded(request, call.timeout()))
                .thenApply(r -> new HttpResult(r.statusCode(), headers(r.headers()), r.body()));
    }

    /**
     * Sends a request whose whole response, body included, must arrive within the timeout. The
     * JDK's request timeout stops once the headers arrive, so a server that sends the headers
     * and then stalls the body would otherwise be waited for forever. On expiry the exchange is
     * cancelled, which closes its connection, and the future fails with an
     * {@link HttpTimeoutException}.
     */
    private CompletableFuture<HttpResponse<byte[]>> bounded(HttpRequest request,
            Duration timeout) {
        CompletableFuture<HttpResponse<byte[]>> sent =
                client.sendAsync(request, BodyHandlers.ofByteArray());
        return sent.copy().orTimeout(capped(timeout).toNanos(), TimeUnit.NANOSECONDS)
                .exceptionallyCompose(failure -> {
                    if (!(failure instanceof TimeoutException)) {
                        return CompletableFuture.failedFuture(failure);
                    }
                    sent.cancel(true);
                    return CompletableFuture.failedFuture(new HttpTimeoutException(
                            "no complete response body within " + timeout));
                });
    }

    /** Returns the timeout, or {@link #MAX_TIMEOUT} when it is longer; for every timer. */
    public static Duration capped(Duration timeout) {
        return timeout.compareTo(MAX_TIMEOUT) > 0 ? MAX_TIMEOUT : timeout;
    }

    /** Returns the I/O failure to throw from {@link #send}; throws unchecked failures as is. */
    private static IOException rethrown(Throwable cause) {
        Throwable t = cause instanceof CompletionException && cause.getCause() != null
                ? cause.getCause() : cause;
        if (t instanceof IOException io) {
            return io;
        }
        if (t instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (t instanceof Error error) {
            throw error;
        }
        return new IOException(t);
    }

    /**
     * Opens a stream on one of the client's pool threads, which waits for the headers and then
     * returns to the pool; the body arrives on the JDK's selector thread. The JDK's own
     * {@code sendAsync} completes through the common fork-join pool, which on machines with two
     * or fewer cores starts a new thread for every response.
     */
    @Override
    public CompletableFuture<HttpStreamResult> sendStreaming(HttpCall call) {
        HttpRequest request = request(call, "text/event-stream");
        BodyHandler<Flow.Publisher<List<ByteBuffer>>> handler = BodyHandlers.ofPublisher();
        return CompletableFuture.supplyAsync(() -> {
            HttpResponse<Flow.Publisher<List<ByteBuffer>>> response = sendBlocking(request,
                    handler);
            return new HttpStreamResult(response.statusCode(), headers(response.headers()),
                    response.body());
        }, executor);
    }

    private <T> HttpResponse<T> sendBlocking(HttpRequest request, BodyHandler<T> handler) {
        try {
            try {
                return client.send(request, handler);
            } catch (IOException e) {
                if (!isStaleConnection(e)) {
                    throw e;
                }
                return client.send(request, handler);
            }
        } catch (IOException e) {
            throw new CompletionException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CompletionException(e);
        }
    }

    private static <T> CompletableFuture<T> withRetry(Supplier<CompletableFuture<T>> send) {
        return send.get().handle((value, failure) -> {
            if (failure == null) {
                return CompletableFuture.completedFuture(value);
            }
            if (isStaleConnection(failure)) {
                return send.get();
            }
            CompletableFuture<T> failed = new CompletableFuture<>();
            failed.completeExceptionally(failure instanceof CompletionException
                    ? failure : new CompletionException(failure));
            return failed;
        }).thenCompose(f -> f);
    }

    private static HttpRequest request(HttpCall call, String accept) {
        HttpRequest.Builder b = HttpRequest.newBuilder(call.uri()).timeout(capped(call.timeout()))
                .header("User-Agent", USER_AGENT)
                .header("Accept", accept);
        call.headers().forEach(b::setHeader);
        byte[] body = call.body();
        if (body == null) {
            b.method(call.method(), HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json; charset=utf-8");
            b.method(call.method(), HttpRequest.BodyPublishers.ofByteArray(body));
        }
        return b.build();
    }

    /** Copies headers with lower-case names; HTTP/2's pseudo-headers are dropped. */
    static Map<String, List<String>> headers(HttpHeaders headers) {
        Map<String, List<String>> source = headers.map();
        Map<String, List<String>> out = new HashMap<>(source.size() * 2);
        source.forEach((name, values) -> {
            if (!name.startsWith(":")) {
                // The JDK's map is case-insensitive, so each name occurs once.
                out.put(name.toLowerCase(Locale.ROOT), values);
            }
        });
        return Collections.unmodifiableMap(out);
    }

    /**
     * Releases what this transport can release. On Java 21 and later the JDK client is closed
     * too; on Java 17 its pool goes when the client is collected.
     */
    @Override
    public void close() {
        if (client instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                // Closing is best effort: the pool is gone either way.
            }
        }
    }
}

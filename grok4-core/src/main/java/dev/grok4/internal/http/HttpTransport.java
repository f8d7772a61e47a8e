package dev.grok4.internal.http;

import java.util.concurrent.CompletableFuture;

/**
 * Sends HTTP requests. The seam that lets a faster client replace the JDK's if benchmarks ask.
 *
 * <p>Implementations are thread-safe and own their connection pool. Failures before a response
 * arrives are reported as {@link java.io.IOException}s (wrapped in a
 * {@link java.util.concurrent.CompletionException} by the async methods), timeouts as
 * {@link java.net.http.HttpTimeoutException}; mapping them to client errors is the caller's job.
 */
public interface HttpTransport extends AutoCloseable {

    /** Sends a request and reads the whole response body. */
    HttpResult send(HttpCall call) throws java.io.IOException, InterruptedException;

    /** Sends a request without blocking and reads the whole response body. */
    CompletableFuture<HttpResult> sendAsync(HttpCall call);

    /** Sends a request and completes when the response headers arrive; the body streams. */
    CompletableFuture<HttpStreamResult> sendStreaming(HttpCall call);

    /** Releases the connection pool. */
    @Override
    void close();
}

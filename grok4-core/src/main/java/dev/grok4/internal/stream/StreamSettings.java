package dev.grok4.internal.stream;

import dev.grok4.Grok4Exception;
import dev.grok4.internal.http.HttpResult;
import dev.grok4.model.ChatResponse;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * What one stream needs besides its response, fixed when the call starts.
 *
 * @param errorMapper maps a complete non-stream answer with an error status to its typed error
 * @param failureMapper maps a transport failure before the headers to a typed error
 * @param redactor removes the API key from any text that reaches an exception
 * @param nanoClock the monotonic clock for latency and time to first token
 * @param startNanos the clock's reading when the call started
 * @param expectUsage whether usage was requested, so a stream cut after its finish chunk but
 *     before its usage chunk counts as truncated
 * @param requestedModel the model the request named, copied into the response, or null
 * @param observer the end and first-token hooks
 * @param idleTimeout the longest wait for the next body bytes once asked for, or null for none
 * @param finisher completes the accumulated response (attempts, cost) before anyone sees it
 */
record StreamSettings(Function<HttpResult, Grok4Exception> errorMapper,
        Function<Throwable, Grok4Exception> failureMapper, UnaryOperator<String> redactor,
        LongSupplier nanoClock, long startNanos, boolean expectUsage,
        @Nullable String requestedModel, StreamObserver observer,
        @Nullable Duration idleTimeout, UnaryOperator<ChatResponse> finisher) {}

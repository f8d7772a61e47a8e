package dev.grok4.internal.stream;

import dev.grok4.AuthenticationException;
import dev.grok4.BadRequestException;
import dev.grok4.ConnectionException;
import dev.grok4.Grok4Exception;
import dev.grok4.Grok4Exception.Details;
import dev.grok4.Grok4TimeoutException;
import dev.grok4.QuotaExhaustedException;
import dev.grok4.RateLimitedException;
import dev.grok4.ServerException;
import dev.grok4.StreamTruncatedException;
import dev.grok4.UnexpectedContentException;
import dev.grok4.internal.http.HttpResult;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/** Turns what can go wrong in a stream into typed, redacted {@link Grok4Exception}s. *
 * @since 0.1
 */
public final class StreamErrors {
    private static final int SNIPPET_CHARS = 200;

    private StreamErrors() {}

    /**
     * Maps an error the server reported with status 200 inside a stream, or in a JSON body, by
     * its type and code: rate limits, exhausted quotas and rejected keys get their own types;
     * anything else is a {@link ServerException}.
     */
    public static Grok4Exception fromFrame(ErrorFrame frame, int status,
            UnaryOperator<String> redactor) {
        String message = frame.message() == null ? null : redactor.apply(frame.message());
        String type = frame.type() == null ? null : redactor.apply(frame.type());
        String code = frame.code() == null ? null : redactor.apply(frame.code());
        Details details = Details.status(status).provider(type, code, frame.param())
                .providerMessage(message);
        String text = "The server reported an error in the stream: "
                + (message == null ? "(no message)" : message) + describe(type, code);
        String key = (type + " " + code).toLowerCase(Locale.ROOT);
        if (key.contains("quota") || key.contains("billing") || key.contains("credit")
                || key.contains("spending")) {
            return new QuotaExhaustedException(text, null, details);
        }
        if (key.contains("rate_limit") || key.contains("rate limit") || key.contains("429")
                || key.contains("too_many_requests") || key.contains("resource_exhausted")) {
            return new RateLimitedException(text, null, details);
        }
        if (isAuthentication(key, message)) {
            return new AuthenticationException(text, null, details);
        }
        return new ServerException(text, null, details);
    }

    private static boolean isAuthentication(String key, @Nullable String message) {
        String lower = message == null ? "" : message.toLowerCase(Locale.ROOT);
        return key.contains("invalid_api_key") || key.contains("authentication")
                || key.contains("unauthorized") || key.contains("permission")
                || lower.contains("incorrect api key");
    }

    private static String describe(@Nullable String type, @Nullable String code) {
        if (type == null && code == null) {
            return "";
        }
        return " (type " + type + ", code " + code + ")";
    }

    /**
     * Maps a complete error answer by its status, reading the provider's details from an
     * OpenAI or xAI error envelope when the body has one. A simple stand-in for the client's
     * full error mapping, used when none is given.
     */
    public static Grok4Exception fromStatus(HttpResult result, UnaryOperator<String> redactor) {
        ErrorFrame frame = frameOf(result.body());
        String message = frame == null || frame.message() == null ? null
                : redactor.apply(frame.message());
        Details details = Details.status(result.status())
                .provider(frame == null ? null : frame.type(), frame == null ? null
                        : frame.code(), frame == null ? null : frame.param())
                .providerMessage(message).requestId(result.header("x-request-id"))
                .retryAfter(retryAfter(result.header("retry-after")));
        String text = "The server answered the stream request with status " + result.status()
                + (message == null ? "" : ": " + message);
        String key = frame == null ? "" : (frame.type() + " " + frame.code())
                .toLowerCase(Locale.ROOT);
        return byStatus(result.status(), text, details, key, message);
    }

    private static Grok4Exception byStatus(int status, String text, Details details,
            String key, @Nullable String message) {
        if (status == 401 || status == 403 || isAuthentication("", message)) {
            return new AuthenticationException(text, null, details);
        }
        if (status == 429) {
            return key.contains("quota") ? new QuotaExhaustedException(text, null, details)
                    : new RateLimitedException(text, null, details);
        }
        if (status == 400 || status == 404 || status == 422) {
            return new BadRequestException(text, null, details);
        }
        return new ServerException(text, null, details);
    }

    private static @Nullable ErrorFrame frameOf(byte[] body) {
        try {
            return ChunkParser.parse(body, 0, body.length).error();
        } catch (IOException e) {
            return null;
        }
    }

    private static @Nullable Duration retryAfter(@Nullable String header) {
        if (header == null || !header.trim().matches("\\d{1,6}")) {
            return null;
        }
        return Duration.ofSeconds(Long.parseLong(header.trim()));
    }

    /** Returns the error for a stream that stopped without its end marker or finish reason. */
    public static StreamTruncatedException truncated(@Nullable String partial,
            @Nullable Throwable cause, UnaryOperator<String> redactor) {
        int chars = partial == null ? 0 : partial.length();
        String reason = cause == null ? "" : " (" + redactor.apply(String.valueOf(
                cause.getMessage())) + ")";
        StreamTruncatedException e = new StreamTruncatedException("The stream ended before"
                + " [DONE] and before a finish reason" + reason + "; " + chars
                + " characters of content arrived and the answer may be incomplete", cause,
                Details.status(200));
        e.withPartialContent(partial);
        return e;
    }

    /** Returns the error for a stream whose server sent nothing for too long. */
    public static Grok4TimeoutException idle(Duration idleTimeout) {
        return new Grok4TimeoutException("No stream data arrived for " + idleTimeout.toMillis()
                + " ms, so the stream was abandoned; the answer may be incomplete", null);
    }

    /** Returns the error for a body that is not an event stream of chat chunks. */
    public static UnexpectedContentException unexpected(String what, int status,
            @Nullable String contentType, String body, @Nullable Throwable cause,
            UnaryOperator<String> redactor) {
        String snippet = redactor.apply(body.length() > SNIPPET_CHARS
                ? body.substring(0, SNIPPET_CHARS) : body);
        return new UnexpectedContentException(what + " (status " + status + ", content type "
                + contentType + "): " + snippet, cause, Details.status(status), contentType,
                snippet);
    }

    /**
     * Returns the default mapping of a transport failure: timeouts to
     * {@link Grok4TimeoutException}, other I/O errors to {@link ConnectionException}; a
     * {@link Grok4Exception} passes through unchanged.
     */
    public static Function<Throwable, Grok4Exception> defaultFailureMapper(
            UnaryOperator<String> redactor) {
        return failure -> {
            Throwable t = unwrap(failure);
            if (t instanceof Grok4Exception e) {
                return e;
            }
            String detail = redactor.apply(String.valueOf(t.getMessage()));
            if (t instanceof HttpTimeoutException) {
                return new Grok4TimeoutException("The stream's response did not start in time: "
                        + detail, t);
            }
            if (t instanceof IOException) {
                return new ConnectionException("The stream's request failed: " + detail, t);
            }
            return new ConnectionException("The stream's request failed unexpectedly: "
                    + t.getClass().getSimpleName() + ": " + detail, t);
        };
    }

    /** Strips the wrappers that futures add around a failure. */
    static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException)
                && t.getCause() != null && !(t instanceof CancellationException)) {
            t = t.getCause();
        }
        return t;
    }
}

package dev.grok4.internal.stream;

import dev.grok4.AuthenticationException;
import dev.grok4.ConnectionException;
import dev.grok4.Grok4Exception;
import dev.grok4.Grok4Exception.Details;
import dev.grok4.Grok4TimeoutException;
import dev.grok4.QuotaExhaustedException;
import dev.grok4.RateLimitedException;
import dev.grok4.ServerException;
import dev.grok4.StreamTruncatedException;
import dev.grok4.UnexpectedContentException;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/** Turns what can go wrong in a stream into typed, redacted {@link Grok4Exception}s. */
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

package dev.grok4.internal.errors;

import dev.grok4.AuthenticationException;
import dev.grok4.BadRequestException;
import dev.grok4.ConnectionException;
import dev.grok4.ErrorKind;
import dev.grok4.Grok4Exception;
import dev.grok4.Grok4TimeoutException;
import dev.grok4.QuotaExhaustedException;
import dev.grok4.RateLimitedException;
import dev.grok4.ServerException;
import dev.grok4.UnexpectedContentException;
import dev.grok4.internal.json.ChatJson;
import dev.grok4.internal.json.ProviderError;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Turns failed HTTP exchanges into typed {@link Grok4Exception}s with redacted text.
 *
 * <p>Status families: 401, 403 and a 400 saying the API key is wrong give
 * {@link AuthenticationException}; 429 gives {@link RateLimitedException} with the delay the
 * headers ask for; exhausted credits or quota (any status) give {@link QuotaExhaustedException};
 * 5xx, 408 and 409 give {@link ServerException}; any other 4xx gives
 * {@link BadRequestException}; a body that is not JSON gives
 * {@link UnexpectedContentException}. Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class ErrorMapper {
    /** The longest body excerpt an exception carries. */
    public static final int SNIPPET_LENGTH = 200;

    private static final Pattern BAD_KEY =
            Pattern.compile("(?i)incorrect api key|invalid api key|invalid_api_key");
    private static final Pattern NO_CREDITS = Pattern.compile("(?i)insufficient_quota"
            + "|used all (?:available|of (?:its|your) )?credits|spending limit"
            + "|(?:no|insufficient|out of|exhausted (?:your )?)\\s*credits"
            + "|credit balance is too low|exceeded your current quota|insufficient balance");

    private final Redactor redactor;
    private final Clock clock;

    /** Creates a mapper that redacts with this redactor. */
    public ErrorMapper(Redactor redactor) {
        this(redactor, Clock.systemUTC());
    }

    /** Creates a mapper with a clock for HTTP-date {@code retry-after} values. */
    public ErrorMapper(Redactor redactor, Clock clock) {
        this.redactor = redactor;
        this.clock = clock;
    }

    /** Returns the redactor this mapper uses. */
    public Redactor redactor() {
        return redactor;
    }

    /**
     * Maps an error response.
     *
     * @param status the HTTP status
     * @param headers response headers with lower-case names
     * @param body the whole body (for streams, what was read of it)
     */
    public Grok4Exception fromResponse(int status, Map<String, List<String>> headers,
            byte[] body) {
        String contentType = first(headers, "content-type");
        Grok4Exception.Details details = Grok4Exception.Details.status(status)
                .requestId(requestId(headers));
        if (status >= 300 && status < 400) {
            return redirect(status, first(headers, "location"), details);
        }
        ProviderError parsed = parseError(contentType, body);
        if (parsed == null) {
            return unexpected(status, contentType, body, details, "an error body that is not JSON",
                    null);
        }
        ProviderError error = new ProviderError(redactor.redact(parsed.message()),
                redactor.redact(parsed.type()), redactor.redact(parsed.code()),
                redactor.redact(parsed.param()));
        details = details.provider(error.type(), error.code(), error.param())
                .providerMessage(error.message());
        return classify(status, error, error.message(), headers, details);
    }

    private Grok4Exception redirect(int status, @Nullable String location,
            Grok4Exception.Details details) {
        String target = location == null ? "another URL" : redactor.clean(location);
        return new Grok4Exception(ErrorKind.CONFIGURATION, "HTTP " + status
                + " redirect to " + target + "; the client does not follow redirects, so set"
                + " baseUrl to the final URL (for example https:// instead of http://)", null,
                details);
    }

    private Grok4Exception classify(int status, ProviderError error, @Nullable String message,
            Map<String, List<String>> headers, Grok4Exception.Details details) {
        String text = describe(status, error, message, details);
        if (isQuota(status, error)) {
            return new QuotaExhaustedException(text, null, details);
        }
        if (status == 401 || status == 403 || (status == 400 && matches(BAD_KEY, error))) {
            return new AuthenticationException(text, null, details);
        }
        if (status == 429) {
            Duration delay = RetryAfterParser.parse(headers, clock);
            return new RateLimitedException(text, null, details.retryAfter(delay));
        }
        if (status >= 500 || status == 408 || status == 409) {
            return new ServerException(text, null, details.retryAfter(
                    RetryAfterParser.parse(headers, clock)));
        }
        if (status >= 400) {
            return new BadRequestException(text, null, details);
        }
        return new ServerException(text, null, details);
    }

    private static boolean isQuota(int status, ProviderError error) {
        String quota = "insufficient_quota";
        if (quota.equals(error.code()) || quota.equals(error.type())) {
            return true;
        }
        return status >= 400 && error.message() != null
                && NO_CREDITS.matcher(error.message()).find();
    }

    private static boolean matches(Pattern pattern, ProviderError error) {
        return (error.message() != null && pattern.matcher(error.message()).find())
                || (error.code() != null && pattern.matcher(error.code()).find());
    }

    private static String describe(int status, ProviderError error, @Nullable String message,
            Grok4Exception.Details details) {
        StringBuilder text = new StringBuilder("HTTP ").append(status).append(' ')
                .append(reason(status));
        String label = error.type() != null ? error.type() : error.code();
        if (label != null) {
            text.append(" (").append(label).append(')');
        }
        text.append(": ").append(message == null ? "no message" : message);
        if (error.param() != null) {
            text.append(" [param: ").append(error.param()).append(']');
        }
        return text.toString();
    }

    /**
     * Maps a response that should have been a JSON success but is not.
     *
     * @param what what was wrong, such as "a body that is not JSON"
     * @param cause the parser error, or null; sanitized before it is attached
     */
    public UnexpectedContentException unexpected(int status, @Nullable String contentType,
            byte[] body, Grok4Exception.Details details, String what,
            @Nullable Throwable cause) {
        String snippet = snippet(body);
        String message = "HTTP " + status + " " + reason(status) + ": the server sent " + what
                + " (content type " + (contentType == null ? "none" : contentType) + "): "
                + snippet;
        return new UnexpectedContentException(message,
                cause == null ? null : redactor.sanitize(cause), details, contentType, snippet);
    }

    /** Returns a whitespace-collapsed, redacted excerpt of at most 200 characters. */
    public String snippet(byte[] body) {
        // Redact the whole body before cutting: a cut first can keep the start of a key that
        // straddles the cut, and collapsed indentation brings that start into the excerpt.
        String text = redactor.clean(new String(body, StandardCharsets.UTF_8));
        text = text.replaceAll("\\s+", " ").strip();
        if (text.length() <= SNIPPET_LENGTH) {
            return text;
        }
        int end = SNIPPET_LENGTH;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--; // never leave half an emoji at the end
        }
        return text.substring(0, end);
    }

    private @Nullable ProviderError parseError(@Nullable String contentType, byte[] body) {
        if (!looksLikeJson(contentType, body)) {
            return null;
        }
        try {
            ProviderError error = ChatJson.readError(body);
            return error.isEmpty() ? null : error;
        } catch (IOException e) {
            return null;
        }
    }

    /** Returns whether a body is worth parsing as JSON: by content type or first character. */
    public static boolean looksLikeJson(@Nullable String contentType, byte[] body) {
        for (byte b : body) {
            if (b == ' ' || b == '\n' || b == '\r' || b == '\t') {
                continue;
            }
            return b == '{' || (b == '[' && contentType != null && contentType.contains("json"));
        }
        return false;
    }

    /**
     * Maps a failure that left no response: timeouts, refused connections, resets. A
     * {@link Grok4Exception} passes through; {@link CompletionException} and
     * {@link ExecutionException} are unwrapped.
     *
     * @param target where the call went, for the message
     */
    public Grok4Exception fromFailure(Throwable failure, String target) {
        Throwable t = unwrap(failure);
        if (t instanceof Grok4Exception e) {
            return e;
        }
        String detail = redactor.clean(detailOf(t));
        if (t instanceof HttpConnectTimeoutException) {
            return new Grok4TimeoutException("Connecting to " + target + " timed out: " + detail,
                    redactor.sanitize(t));
        }
        if (t instanceof HttpTimeoutException) {
            return new Grok4TimeoutException("No complete response from " + target
                    + " in time: " + detail, redactor.sanitize(t));
        }
        if (t instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            return new ConnectionException("Interrupted while calling " + target, t);
        }
        String what = t instanceof ConnectException ? "Could not connect to " + target
                : "The connection to " + target + " failed";
        return new ConnectionException(what + ": " + t.getClass().getSimpleName() + ": " + detail,
                redactor.sanitize(t));
    }

    /** Unwraps {@link CompletionException} and {@link ExecutionException} layers. */
    public static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** Returns {@code x-request-id}, else {@code request-id}, else null. */
    public static @Nullable String requestId(Map<String, List<String>> headers) {
        String id = first(headers, "x-request-id");
        return id != null ? id : first(headers, "request-id");
    }

    /** Returns a lower-case reason phrase for a status, such as {@code bad_request}. */
    public static String reason(int status) {
        return switch (status) {
            case 200 -> "ok";
            case 400 -> "bad_request";
            case 401 -> "unauthorized";
            case 402 -> "payment_required";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 408 -> "request_timeout";
            case 409 -> "conflict";
            case 413 -> "payload_too_large";
            case 422 -> "unprocessable_entity";
            case 429 -> "too_many_requests";
            case 500 -> "internal_server_error";
            case 502 -> "bad_gateway";
            case 503 -> "service_unavailable";
            case 504 -> "gateway_timeout";
            default -> status >= 500 ? "server_error" : status >= 400 ? "client_error" : "status";
        };
    }

    private static @Nullable String first(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /**
     * Returns what a failure says. The JDK's connection failures often carry no message of
     * their own, so their cause's message, or else what the failure class means, is used.
     */
    private static String detailOf(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c.getMessage() != null && !c.getMessage().isBlank()) {
                return c.getMessage();
            }
        }
        return t instanceof java.net.ConnectException ? "connection refused"
                : "no detail given";
    }
}

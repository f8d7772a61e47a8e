package dev.grok4;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The root of every error the client throws while making a call. Unchecked, like the errors of
 * most HTTP clients, because callers rarely handle each kind at each call site.
 *
 * <p>Subclasses exist only where callers act differently: {@link AuthenticationException},
 * {@link RateLimitedException}, {@link QuotaExhaustedException}, {@link BadRequestException},
 * {@link ServerException}, {@link Grok4TimeoutException}, {@link UnexpectedContentException},
 * {@link StreamTruncatedException} and {@link StructuredOutputException}. {@link #kind()} names
 * the kind of any instance; {@link #isRetryable()} says whether the same call may succeed later.
 *
 * <p>Messages never contain the API key: provider text is redacted before it gets here.
 *
 * @since 0.1
 */
public class Grok4Exception extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorKind kind;
    private final int status;
    private final @Nullable String providerType;
    private final @Nullable String providerCode;
    private final @Nullable String param;
    private final @Nullable String providerMessage;
    private final @Nullable String requestId;
    private final @Nullable Duration retryAfter;
    private volatile @Nullable String partialContent;

    /** Creates an exception that has no HTTP details. */
    public Grok4Exception(ErrorKind kind, String message, @Nullable Throwable cause) {
        this(kind, message, cause, Details.none());
    }

    /** Creates an exception with the details of an HTTP error. */
    public Grok4Exception(ErrorKind kind, String message, @Nullable Throwable cause,
            Details details) {
        super(requireNonNull(message, "message"), cause);
        this.kind = requireNonNull(kind, "kind");
        this.status = details.status;
        this.providerType = details.providerType;
        this.providerCode = details.providerCode;
        this.param = details.param;
        this.providerMessage = details.providerMessage;
        this.requestId = details.requestId;
        this.retryAfter = details.retryAfter;
    }

    /** Returns the kind of failure. */
    public ErrorKind kind() {
        return kind;
    }

    /** Returns the HTTP status, or 0 when no response arrived. */
    public int status() {
        return status;
    }

    /** Returns the provider's error type, such as {@code invalid_request_error}, or null. */
    public @Nullable String providerType() {
        return providerType;
    }

    /** Returns the provider's error code as text (integers too), or null. */
    public @Nullable String providerCode() {
        return providerCode;
    }

    /** Returns the request parameter the provider blamed, or null. */
    public @Nullable String param() {
        return param;
    }

    /** Returns the provider's own message, with any API key redacted, or null. */
    public @Nullable String providerMessage() {
        return providerMessage;
    }

    /** Returns the server's request id header, or null. */
    public @Nullable String requestId() {
        return requestId;
    }

    /** Returns the delay the server asked for before a retry, if it asked. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** Returns the content a stream delivered before it failed, or null. */
    public @Nullable String partialContent() {
        return partialContent;
    }

    /**
     * Records the content a stream delivered before failing. Used by the client; the first
     * value set wins.
     *
     * @return this exception
     */
    public Grok4Exception withPartialContent(@Nullable String content) {
        if (partialContent == null) {
            partialContent = content;
        }
        return this;
    }

    /** Returns whether retrying the same call may succeed. */
    public boolean isRetryable() {
        return switch (kind) {
            case RATE_LIMITED, SERVER, TIMEOUT, CONNECTION -> true;
            default -> false;
        };
    }

    /**
     * The HTTP details of an error: all optional.
     *
     * @since 0.1
     */
    public static final class Details {
        private static final Details NONE = new Details(0, null, null, null, null, null, null);

        final int status;
        final @Nullable String providerType;
        final @Nullable String providerCode;
        final @Nullable String param;
        final @Nullable String providerMessage;
        final @Nullable String requestId;
        final @Nullable Duration retryAfter;

        private Details(int status, @Nullable String providerType, @Nullable String providerCode,
                @Nullable String param, @Nullable String providerMessage,
                @Nullable String requestId, @Nullable Duration retryAfter) {
            this.status = status;
            this.providerType = providerType;
            this.providerCode = providerCode;
            this.param = param;
            this.providerMessage = providerMessage;
            this.requestId = requestId;
            this.retryAfter = retryAfter;
        }

        /** Returns empty details. */
        public static Details none() {
            return NONE;
        }

        /** Returns details carrying an HTTP status. */
        public static Details status(int status) {
            return new Details(status, null, null, null, null, null, null);
        }

        /** Returns a copy with the provider's error type, code and parameter. */
        public Details provider(@Nullable String type, @Nullable String code,
                @Nullable String param) {
            return new Details(status, type, code, param, providerMessage, requestId, retryAfter);
        }

        /** Returns a copy with the provider's (already redacted) message. */
        public Details providerMessage(@Nullable String message) {
            return new Details(status, providerType, providerCode, param, message, requestId,
                    retryAfter);
        }

        /** Returns a copy with the request id. */
        public Details requestId(@Nullable String requestId) {
            return new Details(status, providerType, providerCode, param, providerMessage,
                    requestId, retryAfter);
        }

        /** Returns a copy with the delay the server asked for. */
        public Details retryAfter(@Nullable Duration retryAfter) {
            return new Details(status, providerType, providerCode, param, providerMessage,
                    requestId, retryAfter);
        }
    }
}

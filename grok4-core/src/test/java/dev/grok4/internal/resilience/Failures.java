package dev.grok4.internal.resilience;

import dev.grok4.AuthenticationException;
import dev.grok4.BadRequestException;
import dev.grok4.ConnectionException;
import dev.grok4.Grok4Exception;
import dev.grok4.Grok4TimeoutException;
import dev.grok4.QuotaExhaustedException;
import dev.grok4.RateLimitedException;
import dev.grok4.ServerException;
import dev.grok4.UnexpectedContentException;
import java.time.Duration;

/** Builds the client errors the error mapper would throw, for tests. */
final class Failures {
    private Failures() {
    }

    static RateLimitedException rateLimited(Duration retryAfter) {
        return new RateLimitedException("429 rate limited", null,
                Grok4Exception.Details.status(429).retryAfter(retryAfter));
    }

    static RateLimitedException rateLimited() {
        return new RateLimitedException("429 rate limited", null,
                Grok4Exception.Details.status(429));
    }

    static ServerException server(int status) {
        return new ServerException("server said " + status, null,
                Grok4Exception.Details.status(status));
    }

    static UnexpectedContentException html(int status) {
        return new UnexpectedContentException("html page " + status, null,
                Grok4Exception.Details.status(status), "text/html", "<html>");
    }

    static ConnectionException connection() {
        return new ConnectionException("connection refused", null);
    }

    static Grok4TimeoutException timeout() {
        return new Grok4TimeoutException("timed out", null);
    }

    static AuthenticationException auth() {
        return new AuthenticationException("bad key", null, Grok4Exception.Details.status(401));
    }

    static BadRequestException badRequest(int status) {
        return new BadRequestException("bad request", null, Grok4Exception.Details.status(status));
    }

    static QuotaExhaustedException quota() {
        return new QuotaExhaustedException("no credits", null, Grok4Exception.Details.status(429));
    }
}

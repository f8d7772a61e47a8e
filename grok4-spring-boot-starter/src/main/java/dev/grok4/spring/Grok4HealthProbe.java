package dev.grok4.spring;

import static java.util.Objects.requireNonNull;

import dev.grok4.Grok4Client;
import dev.grok4.Grok4Exception;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Checks the client's endpoint and API key with {@link Grok4Client#verifyCredentials()} and
 * reuses the result for a while, since every check costs a request. Knows nothing of Actuator:
 * the Boot 4 and Boot 3 health indicators both turn its {@link Result} into their own type.
 * Thread-safe; concurrent checks share one request.
 */
final class Grok4HealthProbe {
    private final Grok4Client client;
    private final Duration ttl;
    private final Clock clock;
    private @Nullable Result last;
    private Instant lastAt = Instant.MIN;

    Grok4HealthProbe(Grok4Client client, Duration ttl, Clock clock) {
        this.client = requireNonNull(client, "client");
        this.ttl = requireNonNull(ttl, "ttl");
        this.clock = requireNonNull(clock, "clock");
    }

    /** Returns the last result while it is fresh, else checks again. */
    synchronized Result check() {
        Instant now = clock.instant();
        if (last == null || !now.isBefore(lastAt.plus(ttl))) {
            last = verify();
            lastAt = now;
        }
        return last;
    }

    private Result verify() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("baseUrl", client.config().baseUrl());
        details.put("model", client.config().model());
        try {
            client.verifyCredentials();
            return new Result(true, details);
        } catch (Grok4Exception e) {
            details.put("error", e.kind().wireName());
            details.put("message", String.valueOf(e.getMessage()));
            return new Result(false, details);
        } catch (RuntimeException e) {
            details.put("error", e.getClass().getSimpleName());
            details.put("message", String.valueOf(e.getMessage()));
            return new Result(false, details);
        }
    }

    /** The outcome of one check: up or down, and what to show beside it. */
    record Result(boolean up, Map<String, Object> details) {
        Result {
            details = Map.copyOf(details);
        }
    }
}

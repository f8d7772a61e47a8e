package dev.grok4.internal.errors;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorMapperTest {
    private static final Clock CLOCK =
            Clock.fixed(Instant.parse("2026-06-08T16:10:27Z"), ZoneOffset.UTC);
    private final ErrorMapper mapper =
            new ErrorMapper(new Redactor("xai-TESTSECRET-9f3b2c"), CLOCK);

    private static final String OPENAI_BODY = "{\"error\":{\"message\":\"%s\",\"type\":\"%s\","
            + "\"param\":null,\"code\":\"%s\"}}";

    private Grok4Exception map(int status, String body, String... headers) {
        Map<String, List<String>> h = new java.util.HashMap<>();
        h.put("content-type", List.of("application/json"));
        for (int i = 0; i < headers.length; i += 2) {
            h.put(headers[i], List.of(headers[i + 1]));
        }
        return mapper.fromResponse(status, h, body.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @CsvSource({
        "400, BAD_REQUEST, dev.grok4.BadRequestException",
        "401, AUTHENTICATION, dev.grok4.AuthenticationException",
        "403, AUTHENTICATION, dev.grok4.AuthenticationException",
        "404, BAD_REQUEST, dev.grok4.BadRequestException",
        "408, SERVER, dev.grok4.ServerException",
        "409, SERVER, dev.grok4.ServerException",
        "413, BAD_REQUEST, dev.grok4.BadRequestException",
        "422, BAD_REQUEST, dev.grok4.BadRequestException",
        "429, RATE_LIMITED, dev.grok4.RateLimitedException",
        "500, SERVER, dev.grok4.ServerException",
        "502, SERVER, dev.grok4.ServerException",
        "503, SERVER, dev.grok4.ServerException",
        "504, SERVER, dev.grok4.ServerException",
    })
    void mapsEachStatusFamily(int status, ErrorKind kind, String type) throws Exception {
        Grok4Exception e = map(status, OPENAI_BODY.formatted("went wrong", "some_type", "c1"),
                "x-request-id", "req-42");

        assertThat(e).isExactlyInstanceOf(Class.forName(type));
        assertThat(e.kind()).isEqualTo(kind);
        assertThat(e.status()).isEqualTo(status);
        assertThat(e.providerType()).isEqualTo("some_type");
        assertThat(e.providerCode()).isEqualTo("c1");
        assertThat(e.providerMessage()).isEqualTo("went wrong");
        assertThat(e.requestId()).isEqualTo("req-42");
        assertThat(e.getMessage()).startsWith("HTTP " + status + " ")
                .endsWith("(some_type): went wrong");
        assertThat(e.isRetryable()).isEqualTo(kind == ErrorKind.SERVER
                || kind == ErrorKind.RATE_LIMITED);
    }

    @Test
    void readsXaiFlatBodyAndItsWordingOfABadKey() {
        Grok4Exception e = map(400, "{\"code\":\"Client specified an invalid argument\","
                + "\"error\":\"Incorrect API key provided: xa***2c. You can obtain an API key"
                + " from https://console.x.ai.\"}", "request-id", "r-1");

        assertThat(e).isInstanceOf(AuthenticationException.class);
        assertThat(e.getMessage()).isEqualTo("HTTP 400 bad_request (Client specified an invalid"
                + " argument): Incorrect API key provided: xa***2c. You can obtain an API key"
                + " from https://console.x.ai.");
        assertThat(e.requestId()).isEqualTo("r-1");
    }

    @Test
    void integerCodeIsKeptAsText() {
        Grok4Exception e = map(402, "{\"error\":{\"message\":\"Insufficient credits\","
                + "\"code\":402,\"metadata\":{\"x\":[1,2]}}}");

        assertThat(e.providerCode()).isEqualTo("402");
        assertThat(e).isInstanceOf(QuotaExhaustedException.class);
    }

    @Test
    void integerCodeOnOrdinaryBadRequest() {
        Grok4Exception e = map(400, "{\"error\":{\"message\":\"bad\",\"code\":400}}");

        assertThat(e).isInstanceOf(BadRequestException.class);
        assertThat(e.providerCode()).isEqualTo("400");
        assertThat(e.getMessage()).isEqualTo("HTTP 400 bad_request (400): bad");
    }

    @Test
    void badRequestCarriesParam() {
        Grok4Exception e = map(400, "{\"error\":{\"message\":\"Unsupported parameter\","
                + "\"type\":\"invalid_request_error\",\"param\":\"max_tokens\","
                + "\"code\":\"unsupported_parameter\"}}");

        assertThat(e.param()).isEqualTo("max_tokens");
        assertThat(e.getMessage()).endsWith("[param: max_tokens]");
    }

    @Test
    void spendingLimitIsQuotaWhateverTheStatus() {
        String body = "{\"code\":\"The caller does not have permission to execute the specified"
                + " operation\",\"error\":\"Your team has either used all available credits or"
                + " reached its monthly spending limit.\"}";

        assertThat(map(403, body)).isInstanceOf(QuotaExhaustedException.class);
        assertThat(map(429, body)).isInstanceOf(QuotaExhaustedException.class)
                .satisfies(e -> assertThat(e.isRetryable()).isFalse());
    }

    @Test
    void insufficientQuotaCodeIsQuota() {
        Grok4Exception e = map(429, OPENAI_BODY.formatted("You exceeded your quota",
                "insufficient_quota", "insufficient_quota"), "retry-after", "20");

        assertThat(e).isInstanceOf(QuotaExhaustedException.class);
    }

    @Test
    void rateLimitCarriesRetryAfter() {
        assertThat(map(429, OPENAI_BODY.formatted("slow down", "rate_limit", "rl"),
                "retry-after", "7").retryAfter()).contains(Duration.ofSeconds(7));
        assertThat(map(429, OPENAI_BODY.formatted("slow down", "rate_limit", "rl"),
                "retry-after", "Mon, 08 Jun 2026 16:10:57 GMT").retryAfter())
                .contains(Duration.ofSeconds(30));
        assertThat(map(429, OPENAI_BODY.formatted("slow down", "rate_limit", "rl"),
                "x-ratelimit-reset-tokens", "6m0s").retryAfter())
                .contains(Duration.ofMinutes(6));
        assertThat(map(429, "{\"error\":\"slow\"}").retryAfter()).isEmpty();
        assertThat(map(429, "{\"error\":\"slow\"}")).isInstanceOf(RateLimitedException.class);
    }

    @Test
    void htmlBodyGivesUnexpectedContentWithShortSnippet() {
        String html = "<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head><body>"
                + "<h1>Bad Gateway</h1>" + "<p>upstream went away</p>".repeat(40)
                + "</body></html>";
        Grok4Exception e = mapper.fromResponse(502,
                Map.of("content-type", List.of("text/html; charset=UTF-8")),
                html.getBytes(StandardCharsets.UTF_8));

        assertThat(e).isInstanceOf(UnexpectedContentException.class);
        UnexpectedContentException u = (UnexpectedContentException) e;
        assertThat(u.status()).isEqualTo(502);
        assertThat(u.contentType()).isEqualTo("text/html; charset=UTF-8");
        assertThat(u.snippet()).hasSize(200)
                .startsWith("<!DOCTYPE html> <html><head><title>502 Bad Gateway</title>");
        assertThat(u.getMessage()).contains("HTTP 502", "text/html; charset=UTF-8", u.snippet());
        assertThat(u.isRetryable()).isTrue();
    }

    @Test
    void emptyAndPlainTextBodiesAreUnexpected() {
        assertThat(mapper.fromResponse(500, Map.of(), new byte[0]))
                .isInstanceOf(UnexpectedContentException.class)
                .hasMessageContaining("content type none");
        assertThat(map(400, "upstream connect error"))
                .isInstanceOf(UnexpectedContentException.class)
                .satisfies(e -> assertThat(((UnexpectedContentException) e).snippet())
                        .isEqualTo("upstream connect error"));
    }

    @Test
    void redirectTellsToFixTheBaseUrl() {
        Grok4Exception e = mapper.fromResponse(301, Map.of("location",
                List.of("https://api.x.ai/v1/chat/completions")), new byte[0]);

        assertThat(e.kind()).isEqualTo(ErrorKind.CONFIGURATION);
        assertThat(e.status()).isEqualTo(301);
        assertThat(e.getMessage()).startsWith("HTTP 301 redirect to"
                + " https://api.x.ai/v1/chat/completions; the client does not follow redirects");
    }

    @Test
    void failuresWithoutResponse() {
        assertThat(mapper.fromFailure(new HttpTimeoutException("request timed out"), "x"))
                .isInstanceOf(Grok4TimeoutException.class);
        assertThat(mapper.fromFailure(new CompletionException(
                new HttpConnectTimeoutException("HTTP connect timed out")), "x"))
                .isInstanceOf(Grok4TimeoutException.class);
        assertThat(mapper.fromFailure(new ConnectException("Connection refused"),
                "http://127.0.0.1:1/v1/chat/completions"))
                .isInstanceOf(ConnectionException.class)
                .hasMessage("Could not connect to http://127.0.0.1:1/v1/chat/completions:"
                        + " ConnectException: Connection refused");
        assertThat(mapper.fromFailure(new IOException("Connection reset"), "x"))
                .isInstanceOf(ConnectionException.class)
                .satisfies(e -> assertThat(e.isRetryable()).isTrue());
        ServerException passThrough = new ServerException("s", null,
                Grok4Exception.Details.status(500));
        assertThat(mapper.fromFailure(new CompletionException(passThrough), "x"))
                .isSameAs(passThrough);
    }
}

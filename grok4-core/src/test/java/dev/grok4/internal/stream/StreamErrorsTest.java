package dev.grok4.internal.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.grok4.AuthenticationException;
import dev.grok4.BadRequestException;
import dev.grok4.ConnectionException;
import dev.grok4.Grok4Exception;
import dev.grok4.Grok4TimeoutException;
import dev.grok4.QuotaExhaustedException;
import dev.grok4.RateLimitedException;
import dev.grok4.ServerException;
import dev.grok4.internal.http.HttpResult;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class StreamErrorsTest {
    private static final String KEY = "xai-secret";
    private static final UnaryOperator<String> REDACT = s -> s.replace(KEY, "***");

    @Test
    void framesAreMappedByTypeAndCode() {
        assertThat(frame("rate_limit_exceeded", null)).isInstanceOf(RateLimitedException.class);
        assertThat(frame("insufficient_quota", null)).isInstanceOf(QuotaExhaustedException.class);
        assertThat(frame(null, "invalid_api_key")).isInstanceOf(AuthenticationException.class);
        assertThat(frame("server_error", "500")).isInstanceOf(ServerException.class);
        assertThat(frame(null, null)).isInstanceOf(ServerException.class);
    }

    @Test
    void frameMessagesAreRedacted() {
        Grok4Exception e = StreamErrors.fromFrame(new ErrorFrame("bad key " + KEY, "t", "c",
                "p"), 200, REDACT);

        assertThat(e.getMessage()).doesNotContain(KEY).contains("bad key ***");
        assertThat(e.providerMessage()).isEqualTo("bad key ***");
        assertThat(e.param()).isEqualTo("p");
    }

    @Test
    void statusAnswersAreMappedWithTheEnvelopesDetails() {
        Grok4Exception limited = status(429, "{\"error\":{\"message\":\"slow\",\"type\":"
                + "\"requests\",\"code\":\"rate_limit_exceeded\"}}", "7");
        assertThat(limited).isInstanceOf(RateLimitedException.class);
        assertThat(limited.retryAfter()).contains(Duration.ofSeconds(7));
        assertThat(limited.providerCode()).isEqualTo("rate_limit_exceeded");
        assertThat(status(429, "{\"error\":{\"message\":\"You exceeded your current quota\","
                + "\"type\":\"insufficient_quota\"}}", null))
                .isInstanceOf(QuotaExhaustedException.class);
        assertThat(status(401, "{}", null)).isInstanceOf(AuthenticationException.class);
        assertThat(status(400, "{\"error\":{\"message\":\"bad\"}}", null))
                .isInstanceOf(BadRequestException.class);
        assertThat(status(503, "<html>down</html>", null)).isInstanceOf(ServerException.class);
    }

    @Test
    void xaisBadKeyAnswerIsAnAuthenticationErrorDespiteStatus400() {
        Grok4Exception e = status(400, "{\"code\":\"Client specified an invalid argument\","
                + "\"error\":\"Incorrect API key provided: " + KEY + "\"}", null);

        assertThat(e).isInstanceOf(AuthenticationException.class);
        assertThat(e.providerMessage()).isEqualTo("Incorrect API key provided: ***");
        assertThat(e.providerCode()).isEqualTo("Client specified an invalid argument");
    }

    @Test
    void transportFailuresAreUnwrappedAndTyped() {
        var mapper = StreamErrors.defaultFailureMapper(REDACT);
        ServerException typed = new ServerException("x", null, Grok4Exception.Details.none());

        assertThat(mapper.apply(new CompletionException(new HttpTimeoutException("slow"))))
                .isInstanceOf(Grok4TimeoutException.class);
        assertThat(mapper.apply(new CompletionException(new IOException("reset " + KEY))))
                .isInstanceOf(ConnectionException.class).hasMessageNotContaining(KEY);
        assertThat(mapper.apply(new CompletionException(typed))).isSameAs(typed);
    }

    private static Grok4Exception frame(String type, String code) {
        return StreamErrors.fromFrame(new ErrorFrame("m", type, code, null), 200, REDACT);
    }

    private static Grok4Exception status(int status, String body, String retryAfter) {
        Map<String, List<String>> headers = retryAfter == null ? Map.of()
                : Map.of("retry-after", List.of(retryAfter));
        return StreamErrors.fromStatus(new HttpResult(status, headers,
                body.getBytes(StandardCharsets.UTF_8)), REDACT);
    }
}

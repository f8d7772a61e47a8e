package dev.grok4.internal.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class RedactorTest {
    private final Redactor redactor = new Redactor("my-custom-key-123");

    @Test
    void removesTheConfiguredKeyAndSecretShapes() {
        assertThat(redactor.redact("key my-custom-key-123 was wrong"))
                .isEqualTo("key [REDACTED] was wrong");
        assertThat(redactor.redact("got xai-TESTSECRET-9f3b2c and sk-proj-abcdef123"))
                .isEqualTo("got [REDACTED] and [REDACTED]");
        assertThat(redactor.redact("Authorization: Bearer abc.def-ghi_123"))
                .isEqualTo("Authorization: [REDACTED]");
    }

    @Test
    void keepsMaskedEchoesAndOrdinaryWords() {
        String text = "Incorrect API key provided: xa***2c. A task-specific, risk-free sk-1 id.";
        assertThat(redactor.redact(text)).isEqualTo(text);
        assertThat(redactor.redact(null)).isNull();
    }

    @Test
    void sanitizedCauseKeepsClassStackAndChainWithoutSecrets() {
        IOException inner = new IOException("inner xai-TESTSECRET-9f3b2c");
        IllegalStateException outer = new IllegalStateException("outer my-custom-key-123", inner);

        Throwable safe = redactor.sanitize(outer);

        assertThat(safe.getMessage()).isEqualTo(
                "java.lang.IllegalStateException: outer [REDACTED]");
        assertThat(safe.getCause().getMessage()).isEqualTo("java.io.IOException: inner [REDACTED]");
        assertThat(safe.getStackTrace()).isEqualTo(outer.getStackTrace());
    }
}

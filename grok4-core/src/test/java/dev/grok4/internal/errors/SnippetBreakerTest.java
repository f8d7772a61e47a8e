package dev.grok4.internal.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Bodies shaped to slip a key or a broken character past {@link ErrorMapper#snippet}. */
class SnippetBreakerTest {
    private static final String GATEWAY_KEY = "hs-gateway-secret-abcdef123456";

    private final ErrorMapper mapper = new ErrorMapper(new Redactor(GATEWAY_KEY));

    @Test
    void keyStraddlingTheDecodeLimitOfAnIndentedHtmlPageIsNotLeakedInPart() {
        String body = " ".repeat(985) + "key " + GATEWAY_KEY + "</p>";

        String snippet = mapper.snippet(body.getBytes(StandardCharsets.UTF_8));

        assertThat(snippet).doesNotContain("hs-gateway").contains(Redactor.MASK);
    }

    @Test
    void emojiAtTheCutIsNotSplitIntoALoneSurrogate() {
        String body = "x".repeat(199) + "\uD83D\uDE00" + "tail";

        String snippet = mapper.snippet(body.getBytes(StandardCharsets.UTF_8));

        assertThat(snippet).isEqualTo("x".repeat(199));
        assertThat(Character.isHighSurrogate(snippet.charAt(snippet.length() - 1))).isFalse();
    }
}

package dev.grok4.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.grok4.internal.cache.CacheKeys;
import dev.grok4.model.ChatRequest;
import org.junit.jupiter.api.Test;

/** Keys of requests that reach the same endpoint with the same body. */
class CacheKeysBreakerTest {
    private static final ChatRequest REQUEST = ChatRequest.ofPrompt("同じ質問 🌸");

    @Test
    void trailingSlashOnTheBaseUrlDoesNotChangeTheKey() {
        // The client strips trailing slashes before calling, so both reach /v1/chat/completions.
        String plain = new CacheKeys("https://api.x.ai/v1", "xai-k").key(REQUEST, "grok-4");
        String slashed = new CacheKeys("https://api.x.ai/v1/", "xai-k").key(REQUEST, "grok-4");

        assertThat(slashed).isEqualTo(plain);
    }

    @Test
    void differentBaseUrlsStillGiveDifferentKeys() {
        String one = new CacheKeys("https://api.x.ai/v1", "xai-k").key(REQUEST, "grok-4");
        String other = new CacheKeys("https://api.x.ai/v2", "xai-k").key(REQUEST, "grok-4");

        assertThat(other).isNotEqualTo(one);
    }
}

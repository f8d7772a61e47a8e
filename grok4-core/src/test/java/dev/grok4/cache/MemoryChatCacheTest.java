package dev.grok4.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.grok4.Grok4Config;
import dev.grok4.internal.cache.MemoryChatCache;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class MemoryChatCacheTest {
    private final AtomicLong nanos = new AtomicLong();
    private final Ticker ticker = nanos::get;

    @Test
    void returnsWhatWasPutUntilTheTtlPasses() {
        MemoryChatCache cache = new MemoryChatCache(Duration.ofHours(1), 100, ticker);
        cache.put("k", Responses.text("cached"));

        nanos.addAndGet(Duration.ofMinutes(59).toNanos());
        assertThat(cache.get("k")).map(r -> r.content()).contains("cached");

        nanos.addAndGet(Duration.ofMinutes(1).toNanos());
        assertThat(cache.get("k")).isEmpty();
        assertThat(cache.get("other")).isEmpty();
    }

    @Test
    void keepsAtMostMaxEntries() {
        MemoryChatCache cache = new MemoryChatCache(Duration.ofHours(1), 10, ticker);

        for (int i = 0; i < 50; i++) {
            cache.put("k" + i, Responses.text("v" + i));
        }

        assertThat(cache.size()).isLessThanOrEqualTo(10).isPositive();
    }

    @Test
    void takesItsDefaultsFromTheConfig() {
        Grok4Config defaults = Grok4Config.defaults();
        assertThat(defaults.cacheTtl()).isEqualTo(Duration.ofHours(1));
        assertThat(defaults.cacheMaxEntries()).isEqualTo(10_000);

        MemoryChatCache cache = new MemoryChatCache(defaults);
        cache.put("k", Responses.text("v"));

        assertThat(cache.get("k")).isPresent();
        cache.close();
        assertThat(cache.get("k")).isEmpty();
    }

    @Test
    void rejectsANonPositiveTtlOrSize() {
        assertThatThrownBy(() -> new MemoryChatCache(Duration.ZERO, 10, ticker))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Invalid cacheTtl: PT0S");
        assertThatThrownBy(() -> new MemoryChatCache(Duration.ofMinutes(1), 0, ticker))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Invalid cacheMaxEntries: 0");
    }
}

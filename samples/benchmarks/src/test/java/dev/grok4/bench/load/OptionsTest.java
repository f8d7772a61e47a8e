package dev.grok4.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class OptionsTest {
    @Test
    void theFullRunIsTheDefault() {
        Options options = Options.parse();

        assertThat(options.json()).isFalse();
        assertThat(options.rounds()).isEqualTo(2);
        assertThat(options.warmup()).isEqualTo(Duration.ofSeconds(5));
        assertThat(options.clients()).containsExactly("jdk", "grok4", "openai-java",
                "langchain4j");
        assertThat(options.concurrencies()).containsExactly(1, 16, 64);
    }

    @Test
    void quickShortensEveryCellAndLaterOptionsOverrideIt() {
        Options options = Options.parse("--quick", "--json", "--measure-ms", "300",
                "--clients", "jdk,grok4", "--modes", "stream", "--concurrency", "2");

        assertThat(options.json()).isTrue();
        assertThat(options.rounds()).isEqualTo(1);
        assertThat(options.warmup()).isEqualTo(Duration.ofSeconds(1));
        assertThat(options.measure()).isEqualTo(Duration.ofMillis(300));
        assertThat(options.clients()).containsExactly("jdk", "grok4");
        assertThat(options.modes()).isEqualTo(List.of(Mode.STREAM));
        assertThat(options.concurrencies()).containsExactly(2);
    }

    @Test
    void badValuesAreNamed() {
        assertThatThrownBy(() -> Options.parse("--rounds", "0"))
                .hasMessage("Invalid --rounds: 0; expected a positive whole number");
        assertThatThrownBy(() -> Options.parse("--clients", "okhttp"))
                .hasMessageContaining("Invalid --clients: okhttp");
        assertThatThrownBy(() -> Options.parse("--modes", "batch"))
                .hasMessageContaining("Unknown mode: batch");
        assertThatThrownBy(() -> Options.parse("--rounds"))
                .hasMessage("Missing value after --rounds");
    }
}

package dev.grok4.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Input files as editors really save them. */
class BatchInputBreakerTest {
    @TempDir Path dir;

    @Test
    void utf8FileWithAByteOrderMarkReadsItsFirstLine() throws Exception {
        // Windows Notepad and Excel write UTF-8 with a leading byte order mark.
        Path input = Files.writeString(dir.resolve("bom.jsonl"),
                "\uFEFF{\"prompt\":\"こんにちは 🌸\"}\r\n{\"prompt\":\"second\"}\r\n",
                StandardCharsets.UTF_8);

        List<BatchInput.Item> items = BatchInput.read(input);

        assertThat(items).hasSize(2);
        assertThat(items.get(0).problem()).isNull();
        assertThat(items.get(0).request()).isNotNull();
        assertThat(items.get(0).request().messages().get(0).content()).isEqualTo("こんにちは 🌸");
    }
}

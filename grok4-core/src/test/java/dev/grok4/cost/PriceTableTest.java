package dev.grok4.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PriceTableTest {

    @Test
    void holdsTheDefaultPrices() {
        PriceTable table = PriceTable.defaults();

        assertThat(table.find("grok-4")).contains(ModelPrice.of("grok-4", 3, 15));
        assertThat(table.find("gpt-4.1")).contains(ModelPrice.of("gpt-4.1", 8, 32));
        assertThat(table.find("claude-sonnet-4.5"))
                .contains(ModelPrice.of("claude-sonnet-4.5", 15, 75));
        assertThat(table.find("gemini-2.5-flash"))
                .contains(ModelPrice.of("gemini-2.5-flash", 2.50, 10));
        assertThat(table.find("deepseek-v3.2"))
                .contains(ModelPrice.of("deepseek-v3.2", 0.42, 2.70));
        assertThat(table.find("grok-4").get().cachedInputUsdPerMillion()).isNull();
    }

    @Test
    void matchesTheLongestPrefixIgnoringCaseAndGatewayVendors() {
        PriceTable table = PriceTable.of(List.of(ModelPrice.of("grok-4", 3, 15),
                ModelPrice.of("grok-4-fast", 0.2, 0.5)));

        assertThat(table.find("grok-4-0709").get().model()).isEqualTo("grok-4");
        assertThat(table.find("grok-4-fast-reasoning").get().model()).isEqualTo("grok-4-fast");
        assertThat(table.find("GROK-4").get().model()).isEqualTo("grok-4");
        assertThat(table.find("x-ai/grok-4").get().model()).isEqualTo("grok-4");
        assertThat(table.find("grok-3")).isEmpty();
    }

    @Test
    void comparesAWorkloadCheapestFirst() {
        List<PriceComparison> rows = PriceTable.defaults().compare(1_000_000, 500_000, 155);

        assertThat(rows).extracting(PriceComparison::model).containsExactly("deepseek-v3.2",
                "gemini-2.5-flash", "grok-4", "gpt-4.1", "claude-sonnet-4.5");
        assertThat(rows).extracting(PriceComparison::usd)
                .containsExactly(1.77, 7.50, 10.50, 24.00, 52.50);
        assertThat(rows).extracting(PriceComparison::jpy)
                .containsExactly(274.35, 1162.5, 1627.5, 3720.0, 8137.5);
        assertThat(rows).extracting(PriceComparison::relative)
                .containsExactly(1.0, 7.50 / 1.77, 10.50 / 1.77, 24.00 / 1.77, 52.50 / 1.77);
    }

    @Test
    void aPricingFileAddsAndReplacesRows(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("prices.json");
        Files.writeString(file, "{\"models\": [{\"model\": \"grok-4\", \"input\": 2, "
                + "\"output\": 10}, {\"model\": \"grok-3\", \"input\": 3, \"output\": 15}]}");

        PriceTable table = PriceTable.defaults().withOverrides(file);

        assertThat(table.find("grok-4").get().inputUsdPerMillion()).isEqualTo(2.0);
        assertThat(table.find("grok-3").get().outputUsdPerMillion()).isEqualTo(15.0);
        assertThat(table.prices()).hasSize(6);
        assertThat(PriceTable.defaults().find("grok-4").get().inputUsdPerMillion())
                .isEqualTo(3.0);
    }

    @Test
    void aBadPricingFileIsAClearError(@TempDir Path dir) throws IOException {
        Path wrongShape = dir.resolve("wrong.json");
        Files.writeString(wrongShape, "{\"grok-4\": 3}");
        Path badRow = dir.resolve("row.json");
        Files.writeString(badRow, "{\"models\": [{\"model\": \"grok-4\", \"input\": \"3\"}]}");
        Path negative = dir.resolve("negative.json");
        Files.writeString(negative, "{\"models\": [{\"model\": \"m\", \"input\": -1, "
                + "\"output\": 1}]}");
        PriceTable table = PriceTable.defaults();

        assertThatThrownBy(() -> table.withOverrides(wrongShape))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Invalid pricingFile: " + wrongShape)
                .hasMessageContaining("\"models\"");
        assertThatThrownBy(() -> table.withOverrides(badRow))
                .hasMessageContaining("needs a text 'model' and numbers 'input' and 'output'");
        assertThatThrownBy(() -> table.withOverrides(negative))
                .hasMessageContaining("Invalid input price for m: -1.0");
        assertThatThrownBy(() -> table.withOverrides(dir.resolve("missing.json")))
                .hasMessageContaining("could not be read");
    }
}

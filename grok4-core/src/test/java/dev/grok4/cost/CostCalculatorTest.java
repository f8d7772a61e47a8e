package dev.grok4.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.grok4.Grok4Config;
import dev.grok4.model.Cost;
import dev.grok4.model.Usage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CostCalculatorTest {
    private final CostCalculator calculator = new CostCalculator(PriceTable.defaults(), 155);

    @Test
    void outputTokensFollowXaiAndOpenAiUsage() {
        Usage xai = new Usage(12, 2, 354, 340, null, null);
        Usage openAi = new Usage(15, 78, 93, 64, null, null);
        Usage noTotal = new Usage(12, 2, null, 340, null, null);

        assertThat(xai.outputTokens()).isEqualTo(342);
        assertThat(openAi.outputTokens()).isEqualTo(78);
        assertThat(noTotal.outputTokens()).isEqualTo(342);
    }

    @Test
    void pricesFromTheTableWhenTheServerSendsNoTicks() {
        Usage usage = new Usage(1_000_000, 400_000, 1_500_000, 100_000, null, null);

        Cost cost = calculator.cost("grok-4-0709", usage);

        assertThat(cost.usd()).isEqualTo(10.50);
        assertThat(cost.jpy()).isEqualTo(1627.5);
        assertThat(cost.reportedByServer()).isFalse();
    }

    @Test
    void prefersTheServersTicks() {
        Usage usage = new Usage(12, 2, 354, 340, null, 52_700_000L);

        Cost cost = calculator.cost("grok-4", usage);

        assertThat(cost.usd()).isEqualTo(0.00527);
        assertThat(cost.jpy()).isEqualTo(0.81685);
        assertThat(cost.reportedByServer()).isTrue();
        assertThat(calculator.cost("no-such-model", usage).usd()).isEqualTo(0.00527);
    }

    @Test
    void isNullWithoutUsageOrWithoutAPriceRow() {
        assertThat(calculator.cost("grok-4", null)).isNull();
        assertThat(calculator.cost("llama-3", new Usage(10, 10, 20, null, null, null))).isNull();
        assertThat(calculator.cost(null, new Usage(10, 10, 20, null, null, null))).isNull();
    }

    @Test
    void chargesCachedTokensAtTheInputPriceWithoutACachedPrice() {
        Usage usage = new Usage(1_000_000, 0, 1_000_000, null, 600_000, null);

        assertThat(calculator.cost("grok-4", usage).usd()).isEqualTo(3.00);
    }

    @Test
    void chargesCachedTokensAtTheCachedPriceWhenTheFileHasOne(@TempDir Path dir)
            throws IOException {
        Path file = dir.resolve("prices.json");
        Files.writeString(file, "{\"models\": [{\"model\": \"grok-4\", \"input\": 3.0, "
                + "\"output\": 15.0, \"cached_input\": 0.75}, {\"model\": \"my-model\", "
                + "\"input\": 1, \"output\": 2}]}");
        CostCalculator custom = CostCalculator.fromConfig(Grok4Config.builder()
                .pricingFile(file).usdToJpy(150).build());
        Usage usage = new Usage(1_000_000, 0, 1_000_000, null, 600_000, null);

        Cost cost = custom.cost("grok-4", usage);

        assertThat(cost.usd()).isEqualTo(1.65);
        assertThat(cost.jpy()).isEqualTo(247.5);
        assertThat(custom.cost("my-model-v2", new Usage(1_000_000, 1_000_000, null, null, null,
                null)).usd()).isEqualTo(3.0);
        assertThat(custom.cost("gpt-4.1", usage).usd()).isEqualTo(8.0);
    }

    @Test
    void rejectsABadRate() {
        assertThatThrownBy(() -> new CostCalculator(PriceTable.defaults(), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Invalid usdToJpy: 0.0");
        assertThat(List.of(calculator.prices().prices().size())).containsExactly(5);
    }
}

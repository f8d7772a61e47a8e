package dev.grok4.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.grok4.MetricsSnapshot;
import dev.grok4.cost.CostCalculator;
import dev.grok4.cost.PriceTable;
import dev.grok4.internal.metrics.DefaultMetrics;
import dev.grok4.internal.metrics.ResponseAccounting;
import dev.grok4.model.ChatResponse;
import dev.grok4.model.Choice;
import dev.grok4.model.ResponseSource;
import dev.grok4.model.Usage;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResponseAccountingTest {
    private final DefaultMetrics metrics = new DefaultMetrics();
    private final ResponseAccounting accounting = new ResponseAccounting(
            new CostCalculator(PriceTable.defaults(), 155), metrics);

    private static ChatResponse answer(String model, Usage usage) {
        return ChatResponse.builder().model(model).usage(usage)
                .addChoice(new Choice(0, "hi", null, null, List.of(), "stop")).build();
    }

    @Test
    void pricesByTheAnsweringModelAndReportsTokensAndCost() {
        ChatResponse priced = accounting.account("grok-4",
                answer("grok-4-0709", new Usage(1_000_000, 2, 1_500_000, 499_998, null, null)));

        assertThat(priced.cost().usd()).isEqualTo(10.50);
        assertThat(priced.cost().jpy()).isEqualTo(1627.5);
        MetricsSnapshot s = metrics.snapshot();
        assertThat(s.inputTokens()).isEqualTo(1_000_000);
        assertThat(s.outputTokens()).isEqualTo(500_000);
        assertThat(s.costUsd()).isEqualTo(10.50);
    }

    @Test
    void fallsBackToTheRequestedModelsPrice() {
        ChatResponse priced = accounting.account("gpt-4.1",
                answer("some-gateway-alias", new Usage(1_000_000, 0, 1_000_000, null, null, null)));

        assertThat(priced.cost().usd()).isEqualTo(8.0);
    }

    @Test
    void usesServerTicksAndSkipsCacheHitsAndMissingUsage() {
        ChatResponse ticks = accounting.account("grok-4",
                answer("grok-4", new Usage(12, 2, 354, 340, null, 52_700_000L)));
        ChatResponse hit = answer("grok-4", new Usage(5, 5, 10, null, null, null)).toBuilder()
                .source(ResponseSource.CACHE).build();

        assertThat(ticks.cost().reportedByServer()).isTrue();
        assertThat(accounting.account("grok-4", hit)).isSameAs(hit);
        assertThat(accounting.account("grok-4", ChatResponse.builder().build()).cost()).isNull();
        assertThat(metrics.snapshot().inputTokens()).isEqualTo(12);
        assertThat(metrics.snapshot().outputTokens()).isEqualTo(342);
        assertThat(metrics.snapshot().costUsd()).isEqualTo(0.00527);
    }

    @Test
    void reportsTokensButNoCostForAnUnpricedModel() {
        ChatResponse unpriced = accounting.account("llama-3",
                answer("llama-3-70b", new Usage(7, 3, 10, null, null, null)));

        assertThat(unpriced.cost()).isNull();
        assertThat(metrics.snapshot().inputTokens()).isEqualTo(7);
        assertThat(metrics.snapshot().costUsd()).isZero();
    }
}

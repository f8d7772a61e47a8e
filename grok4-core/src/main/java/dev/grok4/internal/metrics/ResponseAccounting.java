package dev.grok4.internal.metrics;

import static java.util.Objects.requireNonNull;

import dev.grok4.cost.CostCalculator;
import dev.grok4.model.ChatResponse;
import dev.grok4.model.Cost;
import dev.grok4.model.ResponseSource;
import dev.grok4.model.Usage;
import dev.grok4.spi.CostEvent;
import dev.grok4.spi.MetricsListener;
import dev.grok4.spi.TokenUsageEvent;
import org.jspecify.annotations.Nullable;

/**
 * The accounting step after a network response: prices it, attaches the cost and reports tokens
 * and cost to the metrics listener. Cache hits cost nothing and report nothing. Thread-safe.
 */
public final class ResponseAccounting {
    private final CostCalculator calculator;
    private final MetricsListener listener;

    /**
     * Creates the step.
     *
     * @param calculator prices usage
     * @param listener receives token and cost events; must not throw (pass a guarded listener)
     */
    public ResponseAccounting(CostCalculator calculator, MetricsListener listener) {
        this.calculator = requireNonNull(calculator, "calculator");
        this.listener = requireNonNull(listener, "listener");
    }

    /**
     * Returns the response with its cost set, after reporting its tokens and cost.
     *
     * <p>The answering model's price is used when the table has one, else the requested
     * model's: servers answer {@code grok-4-0709} for {@code grok-4}, gateways add vendor names.
     *
     * @param requestedModel the model the successful attempt asked for
     * @param response the network response; a cache hit is returned unchanged
     */
    public ChatResponse account(String requestedModel, ChatResponse response) {
        Usage usage = response.usage();
        if (response.source() == ResponseSource.CACHE || usage == null) {
            return response;
        }
        listener.onTokens(new TokenUsageEvent(requestedModel, response.model(),
                usage.inputTokens(), usage.outputTokens()));
        Cost cost = price(requestedModel, response.model(), usage);
        if (cost == null) {
            return response;
        }
        String priced = response.model() == null ? requestedModel : response.model();
        listener.onCost(new CostEvent(priced, cost.usd(), cost.jpy(), cost.reportedByServer()));
        return response.toBuilder().cost(cost).build();
    }

    private @Nullable Cost price(String requestedModel, @Nullable String responseModel,
            Usage usage) {
        Cost cost = calculator.cost(responseModel, usage);
        return cost != null ? cost : calculator.cost(requestedModel, usage);
    }
}

package dev.grok4.cost;

import static java.util.Objects.requireNonNull;

import dev.grok4.Grok4Config;
import dev.grok4.model.Cost;
import dev.grok4.model.Usage;
import java.math.BigDecimal;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Computes the cost of a call from its usage.
 *
 * <p>The server's own figure wins: xAI sends {@code cost_in_usd_ticks}, where 10^10 ticks are one
 * dollar. Otherwise the price table applies: uncached prompt tokens at the input price, cached
 * ones at the cached-input price (the input price when the row has none), and
 * {@link Usage#outputTokens()}, reasoning included, at the output price. Yen are dollars times
 * the configured rate. Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class CostCalculator {
    private static final int TICKS_PER_USD_EXPONENT = 10;

    private final PriceTable prices;
    private final double usdToJpy;

    /**
     * Creates a calculator.
     *
     * @param prices the price table
     * @param usdToJpy yen per dollar, > 0
     * @throws IllegalArgumentException if the rate is not positive
     */
    public CostCalculator(PriceTable prices, double usdToJpy) {
        this.prices = requireNonNull(prices, "prices");
        this.usdToJpy = checkRate(usdToJpy);
    }

    /**
     * Returns a calculator with the configuration's price table (built-in plus
     * {@code pricingFile}) and {@code usdToJpy}.
     *
     * @throws IllegalArgumentException if the pricing file is unreadable or malformed
     */
    public static CostCalculator fromConfig(Grok4Config config) {
        return new CostCalculator(PriceTable.fromConfig(config), config.usdToJpy());
    }

    /** Returns the price table. */
    public PriceTable prices() {
        return prices;
    }

    /**
     * Returns the cost of a call, or null when there is no usage, or when the server sent no
     * ticks and no price row matches the model.
     *
     * @param model the model to price, normally the one the server answered with, else the one
     *     requested; may be null when unknown
     * @param usage the usage the server reported, or null
     */
    public @Nullable Cost cost(@Nullable String model, @Nullable Usage usage) {
        if (usage == null) {
            return null;
        }
        Long ticks = usage.costInUsdTicks();
        if (ticks != null) {
            return cost(BigDecimal.valueOf(ticks).movePointLeft(TICKS_PER_USD_EXPONENT), true);
        }
        Optional<ModelPrice> price = model == null ? Optional.empty() : prices.find(model);
        if (price.isEmpty()) {
            return null;
        }
        long cached = usage.cachedTokens() == null ? 0 : usage.cachedTokens();
        return cost(price.get().usd(usage.inputTokens(), cached, usage.outputTokens()), false);
    }

    private Cost cost(BigDecimal usd, boolean reportedByServer) {
        return new Cost(usd.doubleValue(), toJpy(usd, usdToJpy), reportedByServer);
    }

    static double toJpy(BigDecimal usd, double usdToJpy) {
        return usd.multiply(BigDecimal.valueOf(usdToJpy)).doubleValue();
    }

    static double checkRate(double usdToJpy) {
        if (!(usdToJpy > 0) || Double.isInfinite(usdToJpy)) {
            throw new IllegalArgumentException("Invalid usdToJpy: " + usdToJpy
                    + "; expected a positive number of yen per dollar, such as 155");
        }
        return usdToJpy;
    }
}

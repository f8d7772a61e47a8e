package dev.grok4.cost;

import static java.util.Objects.requireNonNull;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One row of {@link PriceTable#compare}: what a workload would cost on one model. Immutable.
 *
 * @since 0.1
 */
public final class PriceComparison {
    private final String model;
    private final double usd;
    private final double jpy;
    private final double relative;

    PriceComparison(String model, double usd, double jpy, double relative) {
        this.model = requireNonNull(model, "model");
        this.usd = usd;
        this.jpy = jpy;
        this.relative = relative;
    }

    /** Returns the model name or prefix of the price row. */
    public String model() {
        return model;
    }

    /** Returns the cost in US dollars, unrounded. */
    public double usd() {
        return usd;
    }

    /** Returns the cost in yen, unrounded. */
    public double jpy() {
        return jpy;
    }

    /** Returns this cost divided by the cheapest row's cost: 1 for the cheapest, unrounded. */
    public double relative() {
        return relative;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof PriceComparison c && model.equals(c.model) && usd == c.usd
                && jpy == c.jpy && relative == c.relative;
    }

    @Override
    public int hashCode() {
        return Objects.hash(model, usd, jpy, relative);
    }

    @Override
    public String toString() {
        return "PriceComparison[" + model + ", usd=" + usd + ", jpy=" + jpy + ", relative="
                + relative + "]";
    }
}

package dev.grok4.cost;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The price of one model, or of every model whose name starts with {@link #model()}, in US
 * dollars per million tokens. Immutable.
 *
 * @since 0.1
 */
public final class ModelPrice {
    private static final int PER_MILLION = 6;

    private final String model;
    private final BigDecimal input;
    private final BigDecimal output;
    private final @Nullable BigDecimal cachedInput;

    private ModelPrice(String model, BigDecimal input, BigDecimal output,
            @Nullable BigDecimal cachedInput) {
        this.model = model;
        this.input = input;
        this.output = output;
        this.cachedInput = cachedInput;
    }

    /**
     * Returns a price without a separate cached-input price.
     *
     * @param model the model name or name prefix, such as {@code grok-4}
     * @param inputUsd USD per million prompt tokens, >= 0
     * @param outputUsd USD per million generated tokens (reasoning included), >= 0
     * @throws IllegalArgumentException if the model is blank or a price is negative or not finite
     */
    public static ModelPrice of(String model, double inputUsd, double outputUsd) {
        if (requireNonNull(model, "model").isBlank()) {
            throw new IllegalArgumentException("A price needs a model name; it was blank");
        }
        return new ModelPrice(model, price(model, "input", inputUsd),
                price(model, "output", outputUsd), null);
    }

    /** Returns a copy with a price for cached prompt tokens, USD per million. */
    public ModelPrice withCachedInput(double cachedInputUsd) {
        return new ModelPrice(model, input, output, price(model, "cached_input", cachedInputUsd));
    }

    /** Returns the model name or prefix this price applies to. */
    public String model() {
        return model;
    }

    /** Returns USD per million prompt tokens. */
    public double inputUsdPerMillion() {
        return input.doubleValue();
    }

    /** Returns USD per million generated tokens. */
    public double outputUsdPerMillion() {
        return output.doubleValue();
    }

    /** Returns USD per million cached prompt tokens, or null when they cost the input price. */
    public @Nullable Double cachedInputUsdPerMillion() {
        return cachedInput == null ? null : cachedInput.doubleValue();
    }

    /** Returns the exact USD cost of the tokens; cached tokens are part of {@code input}. */
    BigDecimal usd(long inputTokens, long cachedTokens, long outputTokens) {
        long cached = Math.min(Math.max(0, cachedTokens), inputTokens);
        BigDecimal cachedPrice = cachedInput == null ? input : cachedInput;
        return input.multiply(BigDecimal.valueOf(inputTokens - cached))
                .add(cachedPrice.multiply(BigDecimal.valueOf(cached)))
                .add(output.multiply(BigDecimal.valueOf(outputTokens)))
                .movePointLeft(PER_MILLION);
    }

    private static BigDecimal price(String model, String field, double usd) {
        if (!(usd >= 0) || Double.isInfinite(usd)) {
            throw new IllegalArgumentException("Invalid " + field + " price for " + model + ": "
                    + usd + "; expected USD per million tokens, 0 or more");
        }
        return BigDecimal.valueOf(usd);
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof ModelPrice p && model.equals(p.model)
                && input.compareTo(p.input) == 0 && output.compareTo(p.output) == 0
                && (cachedInput == null ? p.cachedInput == null
                        : p.cachedInput != null && cachedInput.compareTo(p.cachedInput) == 0);
    }

    @Override
    public int hashCode() {
        return Objects.hash(model, input.doubleValue(), output.doubleValue());
    }

    @Override
    public String toString() {
        return "ModelPrice[" + model + ", input=" + input.toPlainString() + ", output="
                + output.toPlainString() + (cachedInput == null ? ""
                        : ", cachedInput=" + cachedInput.toPlainString()) + "]";
    }
}

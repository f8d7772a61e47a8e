package dev.grok4.spi;

import static java.util.Objects.requireNonNull;

/**
 * The cost of a call.
 *
 * @param model the model the cost was computed for (the answering model when known)
 * @param usd the cost in US dollars, unrounded
 * @param jpy the cost in yen at the client's configured rate, unrounded
 * @param reportedByServer true when the server sent the figure, false when the price table
 *     estimated it
 * @since 0.1
 */
public record CostEvent(String model, double usd, double jpy, boolean reportedByServer) {

    /** Checks the model is not null. */
    public CostEvent {
        requireNonNull(model, "model");
    }
}

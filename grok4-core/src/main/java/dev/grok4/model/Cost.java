package dev.grok4.model;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The cost of one call in US dollars and Japanese yen.
 *
 * @since 0.1
 */
public final class Cost {
    private final double usd;
    private final double jpy;
    private final boolean reportedByServer;

    /**
     * Creates a cost.
     *
     * @param reportedByServer true when the server sent the figure ({@code cost_in_usd_ticks}),
     *     false when it was estimated from a price table
     */
    public Cost(double usd, double jpy, boolean reportedByServer) {
        this.usd = usd;
        this.jpy = jpy;
        this.reportedByServer = reportedByServer;
    }

    /** Returns the cost in US dollars, unrounded. */
    public double usd() {
        return usd;
    }

    /** Returns the cost in yen at the client's configured rate, unrounded. */
    public double jpy() {
        return jpy;
    }

    /** Returns whether the server reported the figure rather than a price table estimating it. */
    public boolean reportedByServer() {
        return reportedByServer;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof Cost c && usd == c.usd && jpy == c.jpy
                && reportedByServer == c.reportedByServer;
    }

    @Override
    public int hashCode() {
        return Objects.hash(usd, jpy, reportedByServer);
    }

    @Override
    public String toString() {
        return "Cost[usd=" + usd + ", jpy=" + jpy + "]";
    }
}

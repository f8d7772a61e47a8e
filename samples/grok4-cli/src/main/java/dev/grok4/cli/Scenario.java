package dev.grok4.cli;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * A load shape our users measure: a reply size, a concurrency and the latency the embedded
 * simulator adds. {@code burst} is open-loop: requests arrive at a fixed rate whatever the
 * answers do, up to {@link #concurrency()} at once.
 */
record Scenario(String name, int replyTokens, int concurrency, Duration meanLatency,
        double arrivalsPerSecond) {

    static final List<Scenario> ALL = List.of(
            new Scenario("light", 100, 10, Duration.ofMillis(127), 0),
            new Scenario("standard", 500, 10, Duration.ofMillis(245), 0),
            new Scenario("long", 4096, 5, Duration.ofMillis(890), 0),
            new Scenario("burst", 100, 100, Duration.ofMillis(412), 100));

    /** Returns whether requests arrive at a fixed rate rather than as answers come back. */
    boolean openLoop() {
        return arrivalsPerSecond > 0;
    }

    /** Returns this scenario with another concurrency. */
    Scenario withConcurrency(int concurrency) {
        return new Scenario(name, replyTokens, concurrency, meanLatency, arrivalsPerSecond);
    }

    /**
     * Returns the throughput the simulator's latency allows: concurrency over mean latency, or
     * the arrival rate for an open-loop scenario, whichever is lower.
     */
    double limitRps() {
        double closedLoop = concurrency / (meanLatency.toNanos() / 1e9);
        return openLoop() ? Math.min(arrivalsPerSecond, closedLoop) : closedLoop;
    }

    /** Returns the scenarios a {@code --scenario} value names. */
    static List<Scenario> named(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        if (wanted.equals("all")) {
            return ALL;
        }
        return ALL.stream().filter(s -> s.name.equals(wanted)).findFirst().map(List::of)
                .orElseThrow(() -> new ErrorReporter.UsageException("Unknown scenario '" + name
                        + "'; expected light, standard, long, burst or all"));
    }
}

package dev.grok4.cli;

import dev.grok4.Grok4Client;
import dev.grok4.Grok4Config;
import dev.grok4.testkit.Grok4Simulator;
import dev.grok4.testkit.LatencyProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code grok4 bench}: reproduces the load scenarios our users measure, against the given
 * endpoint or the embedded simulator with each scenario's latency.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measures latency and throughput under the light, standard, long and "
                + "burst scenarios.")
final class BenchCommand implements Callable<Integer>, TerminalFactory.TerminalAware {
    @Mixin ConnectionOptions connection = new ConnectionOptions();

    @Option(names = "--scenario", paramLabel = "NAME", defaultValue = "all",
            description = "light, standard, long, burst or all. Default: all.")
    String scenario = "all";

    @Option(names = "--requests", paramLabel = "N", defaultValue = "200",
            description = "Requests per scenario. Default: 200.")
    int requests = 200;

    @Option(names = "--concurrency", paramLabel = "C",
            description = "Overrides each scenario's concurrency.")
    @Nullable Integer concurrency;

    private Terminal terminal;

    @Override
    public void terminal(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() throws InterruptedException {
        List<Scenario> scenarios = scenarios();

        List<ScenarioResult> results = new ArrayList<>();
        try (ClientFactory factory = new ClientFactory(terminal)) {
            Grok4Client base = factory.client(connection, Grok4Config.builder());
            for (Scenario s : scenarios) {
                results.add(run(s, base, factory.simulator()));
            }
        }

        terminal.out().println(connection.json ? BenchReport.json(results)
                : BenchReport.table(results));
        return results.stream().allMatch(r -> r.succeeded() == r.requests())
                ? Grok4Cli.EXIT_OK : Grok4Cli.EXIT_API_ERROR;
    }

    private List<Scenario> scenarios() {
        if (requests < 1) {
            throw new ErrorReporter.UsageException(
                    "--requests must be at least 1, was " + requests);
        }
        if (concurrency != null && concurrency < 1) {
            throw new ErrorReporter.UsageException(
                    "--concurrency must be at least 1, was " + concurrency);
        }
        return Scenario.named(scenario).stream()
                .map(s -> concurrency == null ? s : s.withConcurrency(concurrency))
                .toList();
    }

    private ScenarioResult run(Scenario s, Grok4Client base, @Nullable Grok4Simulator simulator)
            throws InterruptedException {
        if (simulator != null) {
            simulator.latency(LatencyProfile.of(s.meanLatency(), s.meanLatency().dividedBy(10)));
        }
        // The bench measures the endpoint, so neither our limits nor our cache may cap it.
        Grok4Config settings = base.config().toBuilder()
                .maxConcurrent(s.concurrency())
                .requestsPerMinute(0)
                .tokensPerMinute(0)
                .cacheType(Grok4Config.CacheType.NONE)
                .build();
        terminal.err().println("bench: " + s.name() + ", " + requests + " requests at "
                + "concurrency " + s.concurrency());
        try (Grok4Client client = Grok4Client.create(settings)) {
            Double limit = simulator == null ? null : s.limitRps();
            return new LoadRunner(client).run(s, requests, limit);
        }
    }
}

package dev.grok4.cli;

import dev.grok4.Grok4Config;
import dev.grok4.cost.PriceComparison;
import dev.grok4.cost.PriceTable;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code grok4 cost}: compares what a workload costs on each model, in USD and yen. */
@Command(name = "cost", mixinStandardHelpOptions = true,
        description = "Compares the cost of a workload across models, in USD and JPY.")
final class CostCommand implements Callable<Integer>, TerminalFactory.TerminalAware {
    @Mixin ConnectionOptions connection = new ConnectionOptions();

    @Option(names = "--input-tokens", paramLabel = "N", defaultValue = "1000000",
            description = "Prompt tokens. Default: 1,000,000.")
    long inputTokens = 1_000_000;

    @Option(names = "--output-tokens", paramLabel = "N", defaultValue = "500000",
            description = "Generated tokens, reasoning included. Default: 500,000.")
    long outputTokens = 500_000;

    @Option(names = "--usd-to-jpy", paramLabel = "RATE",
            description = "Yen per US dollar. Default: 155.")
    @Nullable Double usdToJpy;

    @Option(names = "--pricing-file", paramLabel = "FILE",
            description = "A JSON price table whose rows replace the built-in ones.")
    @Nullable Path pricingFile;

    private Terminal terminal;

    @Override
    public void terminal(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        if (inputTokens < 0 || outputTokens < 0) {
            throw new ErrorReporter.UsageException("Token counts must be 0 or more, were "
                    + inputTokens + " input and " + outputTokens + " output");
        }
        Grok4Config.Builder settings = Grok4Config.builder().pricingFile(pricingFile);
        if (usdToJpy != null) {
            settings.usdToJpy(usdToJpy);
        }
        Grok4Config config = settings.build();

        List<PriceComparison> rows = PriceTable.fromConfig(config)
                .compare(inputTokens, outputTokens, config.usdToJpy());

        terminal.out().println(connection.json ? json(rows) : table(rows));
        return Grok4Cli.EXIT_OK;
    }

    private String table(List<PriceComparison> rows) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "%,d input + %,d output tokens%n%-20s %12s %14s %9s%n", inputTokens,
                outputTokens, "model", "USD", "JPY", "relative"));
        for (PriceComparison row : rows) {
            String marker = row.model().equals(connection.model) ? " *" : "";
            out.append(String.format(Locale.ROOT, "%-20s %12.2f %14.0f %8.2fx%s%n", row.model(),
                    row.usd(), row.jpy(), row.relative(), marker));
        }
        return out.toString().stripTrailing();
    }

    private static String json(List<PriceComparison> rows) {
        return ResultJson.write(g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("rows");
            for (PriceComparison row : rows) {
                g.writeStartObject();
                g.writeStringField("model", row.model());
                g.writeNumberField("usd", row.usd());
                g.writeNumberField("jpy", row.jpy());
                g.writeNumberField("relative", row.relative());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }
}

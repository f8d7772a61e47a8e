package dev.grok4.cli;

import dev.grok4.BatchOptions;
import dev.grok4.BatchResult;
import dev.grok4.Grok4Client;
import dev.grok4.Grok4Config;
import dev.grok4.model.ChatRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code grok4 batch --input FILE.jsonl}: answers every line of a JSON Lines file, printing one
 * JSON result line per input line, in input order.
 */
@Command(name = "batch", mixinStandardHelpOptions = true,
        description = "Answers every line of a JSON Lines file; prints one JSON line each.")
final class BatchCommand implements Callable<Integer>, TerminalFactory.TerminalAware {
    @Mixin ConnectionOptions connection = new ConnectionOptions();

    @Mixin CacheOptions cache = new CacheOptions();

    @Option(names = "--input", paramLabel = "FILE", required = true,
            description = "JSON Lines, each {\"prompt\": ...} with optional model, system "
                    + "and max_tokens.")
    Path input;

    @Option(names = "--concurrency", paramLabel = "N",
            description = "Requests in flight. Default: the client's limit (10).")
    @Nullable Integer concurrency;

    private Terminal terminal;

    @Override
    public void terminal(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        if (concurrency != null && concurrency < 1) {
            throw new ErrorReporter.UsageException(
                    "--concurrency must be at least 1, was " + concurrency);
        }
        List<BatchInput.Item> items = BatchInput.read(input);

        List<String> lines;
        try (ClientFactory factory = new ClientFactory(terminal)) {
            Grok4Config.Builder settings = cache.settings();
            if (concurrency != null) {
                settings.maxConcurrent(concurrency);
            }
            lines = run(factory.client(connection, settings), items);
        }

        lines.forEach(terminal.out()::println);
        return lines.stream().anyMatch(l -> l.startsWith("{\"error\""))
                ? Grok4Cli.EXIT_API_ERROR : Grok4Cli.EXIT_OK;
    }

    private List<String> run(Grok4Client client, List<BatchInput.Item> items) {
        List<ChatRequest> requests = items.stream().filter(i -> i.request() != null)
                .map(BatchInput.Item::request).toList();
        ProgressBar progress = new ProgressBar(terminal);
        List<BatchResult> results = client.batch(requests, BatchOptions.builder()
                .parallelism(client.config().maxConcurrent())
                .progressListener(progress::update).build());
        progress.finish();

        List<String> lines = new ArrayList<>(items.size());
        int next = 0;
        for (BatchInput.Item item : items) {
            lines.add(item.request() == null ? ResultJson.of(item.problem())
                    : line(results.get(next++)));
        }
        return lines;
    }

    private static String line(BatchResult result) {
        return result.isSuccess() ? ResultJson.of(result.response())
                : ResultJson.of(result.error());
    }
}

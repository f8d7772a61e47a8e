package dev.grok4.cli;

import dev.grok4.Grok4Client;
import dev.grok4.Grok4Config;
import dev.grok4.testkit.Grok4Simulator;
import org.jspecify.annotations.Nullable;

/**
 * Builds the client a command uses. With neither a key nor a base URL anywhere, it starts the
 * embedded simulator, so that the CLI answers on a fresh machine with nothing configured.
 */
final class ClientFactory implements AutoCloseable {
    static final String SIMULATOR_NOTICE =
            "answered by the embedded simulator; set GROK4_API_KEY to call Grok-4";

    private final Terminal terminal;
    private @Nullable Grok4Simulator simulator;
    private @Nullable Grok4Client client;

    ClientFactory(Terminal terminal) {
        this.terminal = terminal;
    }

    /** Returns a client for these options, starting the simulator when nothing is set. */
    Grok4Client client(ConnectionOptions options, Grok4Config.Builder settings) {
        String apiKey = firstNonBlank(options.apiKey, terminal.variable("GROK4_API_KEY"));
        String baseUrl = firstNonBlank(options.baseUrl, terminal.variable("GROK4_BASE_URL"));
        if (apiKey == null && baseUrl == null) {
            simulator = Grok4Simulator.start();
            baseUrl = simulator.baseUrl().toString();
            terminal.err().println(SIMULATOR_NOTICE);
        }
        if (baseUrl != null) {
            settings.baseUrl(baseUrl);
        }
        if (options.model != null) {
            settings.model(options.model);
        }
        settings.apiKey(apiKey);
        client = Grok4Client.builder().config(settings.build()).build();
        return client;
    }

    /** Returns the embedded simulator when it answers this run, otherwise null. */
    @Nullable Grok4Simulator simulator() {
        return simulator;
    }

    @Override
    public void close() {
        if (client != null) {
            client.close();
        }
        if (simulator != null) {
            simulator.close();
        }
    }

    private static @Nullable String firstNonBlank(@Nullable String first,
            @Nullable String second) {
        if (first != null && !first.isBlank()) {
            return first.strip();
        }
        return second;
    }
}

package dev.grok4.cli;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** The options every command accepts. */
final class ConnectionOptions {
    @Option(names = "--base-url", paramLabel = "URL",
            description = "OpenAI-compatible base URL ending in /v1. Default: $GROK4_BASE_URL, "
                    + "else the gateway https://api.holysheep.ai/v1.")
    @Nullable String baseUrl;

    @Option(names = "--api-key", paramLabel = "KEY",
            description = "API key. Prefer $GROK4_API_KEY: other users can read the process "
                    + "list.")
    @Nullable String apiKey;

    @Option(names = "--model", paramLabel = "MODEL", description = "Model. Default: grok-4.")
    @Nullable String model;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;
}

package dev.grok4.bench.load;

import java.net.URI;
import java.util.List;

/** The clients the harness knows, by report name. */
public final class Clients {
    /** Every client, floor first. */
    public static final List<String> ALL = List.of("jdk", "grok4", "openai-java", "langchain4j");

    private Clients() {
    }

    /**
     * Creates a fresh driver for one cell.
     *
     * @param name one of {@link #ALL}
     * @param baseUrl the simulator's base URL, ending in {@code /v1}
     * @param concurrency the worker threads the driver will serve
     * @throws IllegalArgumentException for an unknown name
     */
    public static ClientDriver create(String name, URI baseUrl, int concurrency) {
        switch (name) {
            case "jdk": return new JdkDriver(baseUrl);
            case "grok4": return new Grok4Driver(baseUrl, concurrency);
            case "openai-java": return new OpenAiDriver(baseUrl, concurrency);
            case "langchain4j": return new LangChainDriver(baseUrl);
            default: throw new IllegalArgumentException("Unknown client: " + name
                    + "; expected one of " + ALL);
        }
    }
}

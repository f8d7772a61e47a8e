package dev.grok4.bench;

import dev.grok4.bench.load.LoadHarness;

/**
 * The benchmark jar's entry point: the load harness comparing grok4 with the JDK floor,
 * openai-java and langchain4j. JMH runs through {@code org.openjdk.jmh.Main} instead.
 *
 * @since 0.1
 */
public final class BenchMain {
    private BenchMain() {
    }

    /**
     * Runs the harness; see {@code docs/benchmarks.md} for the options.
     *
     * @param args the command line, e.g. {@code --quick --json}
     */
    public static void main(String[] args) {
        System.exit(LoadHarness.run(args));
    }
}

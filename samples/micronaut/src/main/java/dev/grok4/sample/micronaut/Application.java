package dev.grok4.sample.micronaut;

import io.micronaut.runtime.Micronaut;

/**
 * Starts the sample. Configure it with {@code -Dgrok4.base-url=...} and
 * {@code -Dgrok4.api-key=...} (or {@code GROK4_API_KEY}), and the port with
 * {@code -Dmicronaut.server.port=...}. With neither an endpoint nor a key it answers from the
 * built-in simulator, so it runs anywhere without an account.
 *
 * @since 0.1
 */
public final class Application {
    private Application() {}

    /**
     * Runs the application until the JVM stops.
     *
     * @param args Micronaut command-line arguments
     */
    public static void main(String[] args) {
        SimulatorFallback.startIfUnconfigured(System.getenv());
        Micronaut.run(Application.class, args);
    }
}

package dev.grok4.sample.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Starts the sample. Point it at an endpoint with {@code --grok4.base-url=... --grok4.api-key=...}
 * (or {@code GROK4_API_KEY}); with neither, it answers from the embedded simulator.
 *
 * @since 0.1
 */
@SpringBootApplication
public class SampleApplication {
    /** Creates the application class; Spring calls this. */
    public SampleApplication() {}

    /** Runs the web application until it is stopped. */
    public static void main(String[] args) {
        SpringApplication.run(SampleApplication.class, args);
    }
}

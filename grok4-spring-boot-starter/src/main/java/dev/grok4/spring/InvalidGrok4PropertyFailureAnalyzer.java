package dev.grok4.spring;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a startup failure caused by an invalid {@code grok4.*} property: what is wrong, and
 * which property to change. Spring Boot finds it through {@code META-INF/spring.factories}.
 *
 * @since 0.1
 */
public final class InvalidGrok4PropertyFailureAnalyzer
        extends AbstractFailureAnalyzer<InvalidGrok4PropertyException> {
    /** Creates the analyzer; Spring Boot calls this. */
    public InvalidGrok4PropertyFailureAnalyzer() {}

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidGrok4PropertyException cause) {
        String action = "Change " + cause.getProperty() + " in the application's configuration"
                + " (application.properties, an environment variable or a command-line argument).";
        return new FailureAnalysis(cause.getMessage(), action, cause);
    }
}

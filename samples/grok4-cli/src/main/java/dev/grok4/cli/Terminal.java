package dev.grok4.cli;

import java.io.PrintStream;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The process environment a command runs in: its output streams and environment variables.
 * Tests supply their own.
 */
record Terminal(PrintStream out, PrintStream err, Map<String, String> env,
        boolean interactive) {

    /** Returns a terminal that is not interactive, as in scripts and tests. */
    Terminal(PrintStream out, PrintStream err, Map<String, String> env) {
        this(out, err, env, false);
    }

    /** Returns a non-blank environment variable, trimmed, or null. */
    @Nullable String variable(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }
}

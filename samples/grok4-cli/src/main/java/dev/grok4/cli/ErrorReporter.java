package dev.grok4.cli;

import dev.grok4.ErrorKind;
import dev.grok4.Grok4Exception;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** Turns a failure into one line on stderr and an exit code; never a stack trace. */
final class ErrorReporter implements IExecutionExceptionHandler {
    private final Terminal terminal;

    ErrorReporter(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine cli, ParseResult parsed) {
        if (e instanceof Grok4Exception failure) {
            terminal.err().println("grok4: " + oneLine(describe(failure)));
            return failure.kind() == ErrorKind.CONFIGURATION
                    ? Grok4Cli.EXIT_USAGE : Grok4Cli.EXIT_API_ERROR;
        }
        if (e instanceof IllegalArgumentException || e instanceof IllegalStateException
                || e instanceof UsageException) {
            terminal.err().println("grok4: " + oneLine(String.valueOf(e.getMessage())));
            return Grok4Cli.EXIT_USAGE;
        }
        terminal.err().println("grok4: unexpected " + e.getClass().getSimpleName() + ": "
                + oneLine(String.valueOf(e.getMessage())));
        return Grok4Cli.EXIT_API_ERROR;
    }

    static String describe(Grok4Exception failure) {
        String message = failure.getMessage();
        if (failure.kind() == ErrorKind.AUTHENTICATION) {
            return message + " (check the API key: GROK4_API_KEY or --api-key)";
        }
        return message;
    }

    static String oneLine(String text) {
        return text.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }

    /** A command's own complaint about its arguments; exits with the usage code. */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}

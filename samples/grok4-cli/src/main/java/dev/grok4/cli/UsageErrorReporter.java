package dev.grok4.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;

/**
 * Reports a usage error on one line and exits with the usage code. picocli's own messages can
 * quote the whole command line, API key included, so every argument that follows
 * {@code --api-key} is blanked out of the message first.
 */
final class UsageErrorReporter implements IParameterExceptionHandler {
    private static final String HIDDEN = "***";

    private final Terminal terminal;
    private final List<String> args;

    UsageErrorReporter(Terminal terminal, String[] args) {
        this.terminal = terminal;
        this.args = List.of(args);
    }

    @Override
    public int handleParseException(ParameterException e, String[] ignored) {
        String message = redact(String.valueOf(e.getMessage()));
        CommandLine cli = e.getCommandLine();
        String help = cli.getCommandSpec().qualifiedName(" ").replaceFirst("^grok4 ?", "");
        terminal.err().println("grok4: " + ErrorReporter.oneLine(message) + " (see "
                + (help.isEmpty() ? "" : help + " ") + "--help)");
        return Grok4Cli.EXIT_USAGE;
    }

    String redact(String message) {
        String redacted = message;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--api-key") && i + 1 < args.size()) {
                redacted = hide(redacted, args.get(i + 1));
            } else if (arg.startsWith("--api-key=")) {
                redacted = hide(redacted, arg.substring("--api-key=".length()));
            }
        }
        return redacted;
    }

    private static String hide(String text, String secret) {
        return secret.isEmpty() ? text : text.replace(secret, HIDDEN);
    }
}

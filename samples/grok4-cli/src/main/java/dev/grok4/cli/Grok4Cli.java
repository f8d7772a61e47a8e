package dev.grok4.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code grok4} command line: ask Grok-4 from a shell or a script.
 *
 * <p>Exit codes: 0 on success, 1 for an API or network error (one line on stderr, never a stack
 * trace), 2 for a usage error.
 */
@Command(
        name = "grok4",
        mixinStandardHelpOptions = true,
        version = "grok4-cli 0.1.0",
        description = "Calls Grok-4 or any OpenAI-compatible endpoint.",
        subcommands = {ChatCommand.class, StreamCommand.class, ModelsCommand.class,
                BatchCommand.class, BenchCommand.class, CostCommand.class})
public final class Grok4Cli {
    static final int EXIT_OK = 0;
    static final int EXIT_API_ERROR = 1;
    static final int EXIT_USAGE = 2;

    private Grok4Cli() {}

    /** Runs the CLI and exits with its code. */
    public static void main(String[] args) {
        // Library warnings go to stderr as single lines, like the CLI's own messages.
        System.setProperty("java.util.logging.SimpleFormatter.format", "grok4: %4$s: %5$s%n");
        System.exit(run(args));
    }

    /** Runs the CLI with UTF-8 standard streams, whatever the platform locale. */
    static int run(String[] args) {
        PrintStream out = utf8(FileDescriptor.out);
        PrintStream err = utf8(FileDescriptor.err);
        System.setOut(out);
        System.setErr(err);
        return run(args, new Terminal(out, err, System.getenv(), System.console() != null));
    }

    /** Runs the CLI against the given terminal; tests call this directly. */
    static int run(String[] args, Terminal terminal) {
        CommandLine cli = new CommandLine(new Grok4Cli(), new TerminalFactory(terminal));
        cli.setOut(new PrintWriter(new OutputStreamWriter(terminal.out(), StandardCharsets.UTF_8),
                true));
        cli.setErr(new PrintWriter(new OutputStreamWriter(terminal.err(), StandardCharsets.UTF_8),
                true));
        cli.setExecutionExceptionHandler(new ErrorReporter(terminal));
        cli.setParameterExceptionHandler(new UsageErrorReporter(terminal, args));
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        return cli.execute(args);
    }

    private static PrintStream utf8(FileDescriptor descriptor) {
        return new PrintStream(new FileOutputStream(descriptor), true, StandardCharsets.UTF_8);
    }
}

package dev.grok4.cli;

import picocli.CommandLine;

/** Creates commands with the {@link Terminal} they print to. */
final class TerminalFactory implements CommandLine.IFactory {
    private final Terminal terminal;
    private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

    TerminalFactory(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        if (TerminalAware.class.isAssignableFrom(type)) {
            K command = type.getDeclaredConstructor().newInstance();
            ((TerminalAware) command).terminal(terminal);
            return command;
        }
        return fallback.create(type);
    }

    /** A command that prints to a terminal. */
    interface TerminalAware {
        void terminal(Terminal terminal);
    }
}

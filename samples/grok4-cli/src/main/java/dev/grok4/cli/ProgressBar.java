package dev.grok4.cli;

/** A one-line progress bar on stderr, drawn only when stderr is a terminal. */
final class ProgressBar {
    private static final int WIDTH = 30;

    private final Terminal terminal;
    private boolean drawn;

    ProgressBar(Terminal terminal) {
        this.terminal = terminal;
    }

    synchronized void update(int done, int total) {
        if (!terminal.interactive() || total == 0) {
            return;
        }
        int filled = WIDTH * done / total;
        terminal.err().print("\r[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] "
                + done + "/" + total);
        terminal.err().flush();
        drawn = true;
    }

    synchronized void finish() {
        if (drawn) {
            terminal.err().println();
        }
    }
}

package dev.grok4;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/** Helpers shared by the core tests. */
public final class TestSupport {
    private TestSupport() {}

    /**
     * Returns {@code <grok4.shared.dir>/fixtures/recorded}. Aborts the test when it is missing,
     * and fails it instead when {@code CI=true}.
     */
    public static Path recordedFixtures() {
        String shared = System.getProperty("grok4.shared.dir");
        Path dir = shared == null ? null : Path.of(shared, "fixtures", "recorded");
        if (dir == null || !Files.isDirectory(dir)) {
            String message = "Recorded fixtures not found at " + dir + " (system property"
                    + " grok4.shared.dir); these tests need the shared/ folder beside the checkout";
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail(message);
            }
            Assumptions.abort(message);
        }
        return dir;
    }

    /** Captures java.util.logging records of the {@code dev.grok4} loggers, DEBUG included. */
    public static final class LogCapture implements AutoCloseable {
        private final Logger logger = Logger.getLogger("dev.grok4");
        private final Level previous = logger.getLevel();
        private final List<LogRecord> records = new CopyOnWriteArrayList<>();
        private final Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };

        /** Starts capturing. */
        public LogCapture() {
            handler.setLevel(Level.ALL);
            logger.setLevel(Level.ALL);
            logger.addHandler(handler);
        }

        /** Returns the records so far. */
        public List<LogRecord> records() {
            return List.copyOf(records);
        }

        /** Returns every record formatted with its parameters, plus any thrown message. */
        public List<String> lines() {
            java.util.logging.SimpleFormatter formatter = new java.util.logging.SimpleFormatter();
            return records.stream().map(r -> formatter.formatMessage(r)
                    + (r.getThrown() == null ? "" : " " + r.getThrown())).toList();
        }

        /** Returns the records at this level. */
        public List<LogRecord> at(Level level) {
            return records.stream().filter(r -> r.getLevel().equals(level)).toList();
        }

        @Override
        public void close() {
            logger.removeHandler(handler);
            logger.setLevel(previous);
        }
    }
}

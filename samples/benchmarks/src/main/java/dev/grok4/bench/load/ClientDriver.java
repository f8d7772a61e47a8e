package dev.grok4.bench.load;

/**
 * One client under test, making blocking calls against the simulator. Implementations are
 * thread-safe: one instance serves every worker thread of a cell.
 */
public interface ClientDriver extends AutoCloseable {
    /** Returns the client's name in reports: {@code jdk}, {@code grok4}, ... */
    String name();

    /**
     * Sends one non-streaming chat call and reads the reply into the client's model.
     *
     * @return the length of the reply's content, in chars
     * @throws Exception when the call fails
     */
    int chat() throws Exception;

    /**
     * Streams one reply to its end, accumulating it the way the client offers.
     *
     * @return the number of content events received
     * @throws Exception when the call fails
     */
    int stream() throws Exception;

    /** Releases the client's connections and threads. */
    @Override
    void close();
}

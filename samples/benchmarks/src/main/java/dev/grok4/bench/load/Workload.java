package dev.grok4.bench.load;

/**
 * The fixed request every client sends, so that each gets the same deterministic reply from the
 * simulator: about 1 KB of JSON for a chat call, and 200 content events for a stream.
 */
public final class Workload {
    /** The model named in every request. */
    public static final String MODEL = "grok-4";

    /** The one user message of every request. */
    public static final String PROMPT = "Benchmark: describe the harbor at dawn.";

    /** The chat reply length asked of the simulator, in tokens: a reply of about 1 KB. */
    public static final int CHAT_MAX_TOKENS = 100;

    /** The streamed reply length asked of the simulator, in tokens. */
    public static final int STREAM_MAX_TOKENS = 151;

    /** Code points per content event; with {@link #STREAM_MAX_TOKENS}, 200 events. */
    public static final int STREAM_CHUNK_SIZE = 5;

    /** The content events a stream should carry. */
    public static final int STREAM_EVENTS = 200;

    /** The API key the peers insist on; the simulator ignores it. */
    public static final String API_KEY = "bench";

    private Workload() {
    }
}

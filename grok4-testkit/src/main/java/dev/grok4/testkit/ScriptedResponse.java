package dev.grok4.testkit;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One exact response for the simulator to serve to the next chat completion request.
 *
 * <p>Bodies are written byte for byte as given, so recorded payloads can be replayed without
 * reformatting. The simulator always sets {@code Content-Length} or {@code Transfer-Encoding}
 * itself; headers added with {@link #header(String, String)} are sent as given, and a
 * {@code Content-Type} header added that way replaces the default one.
 *
 * <p>Instances are immutable: every modifier returns a new instance, so one response can be
 * enqueued several times.
 *
 * <pre>{@code
 * simulator.enqueue(ScriptedResponse.json(429, errorJson)
 *         .header("retry-after", "2")
 *         .delay(Duration.ofMillis(50)));
 * }</pre>
 *
 * @since 0.1
 */
public final class ScriptedResponse {
    private static final String JSON_TYPE = "application/json; charset=utf-8";
    private static final String SSE_TYPE = "text/event-stream; charset=utf-8";

    /** How the body is framed on the wire. */
    enum Kind {
        FIXED_LENGTH,
        CHUNKED,
        DROP
    }

    /** A header exactly as it will be written. */
    record Header(String name, String value) {
    }

    private final Kind kind;
    private final int status;
    private final String contentType;
    private final byte[] body;
    private final List<Header> headers;
    private final @Nullable Duration delay;
    private final int pieceSize;
    private final Duration pause;
    private final int cutAfter;

    private ScriptedResponse(Kind kind, int status, String contentType, byte[] body,
            List<Header> headers, @Nullable Duration delay, int pieceSize, Duration pause,
            int cutAfter) {
        this.kind = kind;
        this.status = status;
        this.contentType = contentType;
        this.body = body;
        this.headers = headers;
        this.delay = delay;
        this.pieceSize = pieceSize;
        this.pause = pause;
        this.cutAfter = cutAfter;
    }

    private static ScriptedResponse of(Kind kind, int status, String contentType, byte[] body) {
        return new ScriptedResponse(kind, status, contentType, body, List.of(), null, 0,
                Duration.ZERO, -1);
    }

    /**
     * Returns a JSON response with {@code Content-Type: application/json; charset=utf-8} and a
     * {@code Content-Length}.
     *
     * @param status the HTTP status, 100 to 599
     * @param body the body, encoded as UTF-8 and written unchanged
     * @return the response
     * @throws IllegalArgumentException if the status is out of range
     */
    public static ScriptedResponse json(int status, String body) {
        requireNonNull(body, "body");
        return of(Kind.FIXED_LENGTH, checkStatus(status), JSON_TYPE,
                body.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Returns a response with any content type and a {@code Content-Length}.
     *
     * @param status the HTTP status, 100 to 599
     * @param contentType the {@code Content-Type} header value
     * @param body the exact body bytes; copied
     * @return the response
     * @throws IllegalArgumentException if the status is out of range
     */
    public static ScriptedResponse body(int status, String contentType, byte[] body) {
        requireNonNull(contentType, "contentType");
        requireNonNull(body, "body");
        return of(Kind.FIXED_LENGTH, checkStatus(status), checkHeaderValue(contentType),
                body.clone());
    }

    /**
     * Returns a 200 event stream ({@code text/event-stream}, chunked) whose body is the given
     * text, encoded as UTF-8 and written unchanged.
     *
     * @param rawSseText the complete event stream text, including blank lines between events
     * @return the response
     */
    public static ScriptedResponse sse(String rawSseText) {
        requireNonNull(rawSseText, "rawSseText");
        return of(Kind.CHUNKED, 200, SSE_TYPE, rawSseText.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Returns a 200 event stream with one {@code data: <payload>} event per payload, followed by
     * {@code data: [DONE]}.
     *
     * @param dataPayloads the payloads, usually JSON chunks, each on a single line
     * @return the response
     */
    public static ScriptedResponse sseData(List<String> dataPayloads) {
        StringBuilder text = new StringBuilder();
        for (String payload : List.copyOf(dataPayloads)) {
            text.append("data: ").append(payload).append("\n\n");
        }
        return sse(text.append("data: [DONE]\n\n").toString());
    }

    /**
     * Returns a response that reads the request and then resets the connection without writing
     * anything, so the client sees an I/O error.
     *
     * @return the response
     */
    public static ScriptedResponse drop() {
        return of(Kind.DROP, 0, "", new byte[0]);
    }

    /**
     * Returns a copy that also sends this header. Headers keep the order they were added in.
     * {@code Content-Length} and {@code Transfer-Encoding} are ignored because the simulator
     * frames the body itself.
     *
     * @param name the header name, sent as given
     * @param value the header value, sent as given
     * @return the new response
     * @throws IllegalArgumentException if the name or value contains a line break
     */
    public ScriptedResponse header(String name, String value) {
        requireNonNull(name, "name");
        requireNonNull(value, "value");
        List<Header> more = new ArrayList<>(headers);
        more.add(new Header(checkHeaderValue(name), checkHeaderValue(value)));
        return new ScriptedResponse(kind, status, contentType, body, List.copyOf(more), delay,
                pieceSize, pause, cutAfter);
    }

    /**
     * Returns a copy that waits before the response headers, replacing the simulator's latency
     * profile for this response.
     *
     * @param beforeHeaders the wait; not negative
     * @return the new response
     * @throws IllegalArgumentException if the wait is negative
     */
    public ScriptedResponse delay(Duration beforeHeaders) {
        return new ScriptedResponse(kind, status, contentType, body, headers,
                checkNotNegative(beforeHeaders, "beforeHeaders"), pieceSize, pause, cutAfter);
    }

    /**
     * Returns a copy that flushes the body in pieces of this many bytes. Odd sizes split UTF-8
     * characters on purpose. For event streams each piece is its own HTTP chunk.
     *
     * @param pieceSizeBytes the piece size, at least 1
     * @return the new response
     * @throws IllegalArgumentException if the size is less than 1
     */
    public ScriptedResponse writeInPieces(int pieceSizeBytes) {
        if (pieceSizeBytes < 1) {
            throw new IllegalArgumentException(
                    "pieceSizeBytes must be at least 1, got " + pieceSizeBytes);
        }
        return new ScriptedResponse(kind, status, contentType, body, headers, delay,
                pieceSizeBytes, pause, cutAfter);
    }

    /**
     * Returns a copy that sleeps between body pieces. Only has an effect together with
     * {@link #writeInPieces(int)}.
     *
     * @param pause the sleep; not negative
     * @return the new response
     * @throws IllegalArgumentException if the pause is negative
     */
    public ScriptedResponse pauseBetweenPieces(Duration pause) {
        return new ScriptedResponse(kind, status, contentType, body, headers, delay, pieceSize,
                checkNotNegative(pause, "pause"), cutAfter);
    }

    /**
     * Returns a copy that writes only the first {@code bytes} body bytes and then closes the
     * connection, without the terminating chunk of an event stream. The headers still announce
     * the full body.
     *
     * @param bytes how many body bytes to write, not negative
     * @return the new response
     * @throws IllegalArgumentException if the count is negative
     */
    public ScriptedResponse cutAfterBytes(int bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes must not be negative, got " + bytes);
        }
        return new ScriptedResponse(kind, status, contentType, body, headers, delay, pieceSize,
                pause, bytes);
    }

    Kind kind() {
        return kind;
    }

    int status() {
        return status;
    }

    String contentType() {
        return contentType;
    }

    byte[] bodyBytes() {
        return body;
    }

    List<Header> headers() {
        return headers;
    }

    @Nullable Duration delay() {
        return delay;
    }

    int pieceSize() {
        return pieceSize;
    }

    Duration pause() {
        return pause;
    }

    /** Returns the number of body bytes to write before closing, or -1 to write them all. */
    int cutAfter() {
        return cutAfter;
    }

    @Override
    public String toString() {
        return "ScriptedResponse[" + kind + " " + status + ", " + body.length + " bytes]";
    }

    private static int checkStatus(int status) {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("status must be in [100, 599], got " + status);
        }
        return status;
    }

    private static String checkHeaderValue(String text) {
        if (text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("header text must not contain line breaks");
        }
        return text;
    }

    private static Duration checkNotNegative(Duration duration, String name) {
        requireNonNull(duration, name);
        if (duration.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, got " + duration);
        }
        return duration;
    }
}

package dev.grok4.internal.sse;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * A push parser for a {@code text/event-stream} body, following the WHATWG rules: the fields
 * {@code data}, {@code event}, {@code id} and {@code retry}; comment lines starting with
 * {@code :}; one optional space after the colon; LF, CRLF and CR line endings, a CRLF split
 * across two buffers counting as one; an event dispatched at a blank line. A {@code data}
 * payload of {@code [DONE]} ends the stream.
 *
 * <p>Bytes are fed as they arrive with {@link #parse(ByteBuffer)}, which consumes input until
 * one event is complete and returns, so the caller decides how far ahead to parse. Lines are
 * split on the ASCII bytes CR and LF before any decoding, so a multi-byte UTF-8 character split
 * across reads is always decoded whole. The data of an event stays in a reused byte array and
 * is never turned into a {@code String} unless asked, which keeps allocation per event near
 * zero.
 *
 * <p>Not thread-safe: one parser per stream, used by one thread at a time.
 *
 * @since 0.1
 */
public final class SseParser {
    /** The default limit on one line, far above any chunk a chat server sends. */
    public static final int DEFAULT_MAX_LINE_BYTES = 16 * 1024 * 1024;

    private static final byte[] DONE = "[DONE]".getBytes(StandardCharsets.US_ASCII);

    /** What {@link #parse(ByteBuffer)} stopped at. */
    public enum Signal {
        /** The buffer is used up before an event completed; feed more bytes. */
        NEED_INPUT,
        /** An event is complete; read it with {@link #eventType()} and {@link #data()}. */
        EVENT,
        /** The {@code [DONE]} event arrived; later input is discarded. */
        DONE
    }

    private final int maxLineBytes;
    private byte[] line = new byte[256];
    private int lineLength;
    private boolean afterCr;
    private boolean firstLine = true;
    private byte[] data = new byte[1024];
    private int dataLength;
    private boolean dispatched;
    private boolean done;
    private @Nullable String pendingType;
    private String eventType = "message";
    private @Nullable String lastEventId;
    private long retryMillis = -1;

    /** Creates a parser with the default line limit. */
    public SseParser() {
        this(DEFAULT_MAX_LINE_BYTES);
    }

    /** Creates a parser that rejects lines longer than {@code maxLineBytes}. */
    public SseParser(int maxLineBytes) {
        if (maxLineBytes < 1) {
            throw new IllegalArgumentException("maxLineBytes must be positive: " + maxLineBytes);
        }
        this.maxLineBytes = maxLineBytes;
    }

    /**
     * Consumes bytes from {@code in} until an event completes or the buffer is used up. The
     * event's data stays readable until the next call.
     *
     * @return {@link Signal#EVENT} with {@code in} positioned after the event, or
     *     {@link Signal#NEED_INPUT} with {@code in} used up, or {@link Signal#DONE}
     * @throws SseFormatException if a line exceeds the limit
     */
    public Signal parse(ByteBuffer in) {
        if (dispatched) {
            dispatched = false;
            dataLength = 0;
        }
        if (done) {
            in.position(in.limit());
            return Signal.DONE;
        }
        while (in.hasRemaining()) {
            Signal signal = parseLine(in);
            if (signal != Signal.NEED_INPUT) {
                return signal;
            }
        }
        return Signal.NEED_INPUT;
    }

    /** Returns whether {@code [DONE]} arrived. */
    public boolean isDone() {
        return done;
    }

    /**
     * Returns whether bytes of an event that has not completed are held: an unterminated line
     * or data lines without their blank line. At the end of the body they are discarded, as the
     * standard says.
     */
    public boolean hasPartialEvent() {
        return !done && (lineLength > 0 || (!dispatched && dataLength > 0));
    }

    /** Returns the type of the last dispatched event, {@code message} unless it named one. */
    public String eventType() {
        return eventType;
    }

    /**
     * Returns the array holding the last event's data in its first {@link #dataLength()} bytes
     * (UTF-8). The array is reused: read it before the next {@link #parse(ByteBuffer)}.
     */
    public byte[] data() {
        return data;
    }

    /** Returns the length of the last event's data in bytes. */
    public int dataLength() {
        return dataLength;
    }

    /** Returns the last event's data decoded as UTF-8; allocates, so meant for tests and errors. */
    public String dataAsString() {
        return new String(data, 0, dataLength, StandardCharsets.UTF_8);
    }

    /** Returns the last event id the stream set, or null. */
    public @Nullable String lastEventId() {
        return lastEventId;
    }

    /** Returns the reconnection time the stream asked for in milliseconds, or -1. */
    public long retryMillis() {
        return retryMillis;
    }

    private Signal parseLine(ByteBuffer in) {
        int start = in.position();
        int limit = in.limit();
        if (afterCr) {
            afterCr = false;
            if (in.get(start) == '\n') {
                in.position(++start);
                return Signal.NEED_INPUT;
            }
        }
        int end = start;
        while (end < limit && in.get(end) != '\n' && in.get(end) != '\r') {
            end++;
        }
        appendLine(in, end - start);
        if (end == limit) {
            return Signal.NEED_INPUT;
        }
        afterCr = in.get(end) == '\r';
        in.position(end + 1);
        return processLine();
    }

    private void appendLine(ByteBuffer in, int length) {
        if (lineLength + length > maxLineBytes) {
            throw new SseFormatException("An event-stream line is longer than " + maxLineBytes
                    + " bytes; the body is not a chat stream");
        }
        if (lineLength + length > line.length) {
            line = Arrays.copyOf(line, Math.max(line.length * 2, lineLength + length));
        }
        in.get(line, lineLength, length);
        lineLength += length;
    }

    private Signal processLine() {
        int from = skipBom();
        int length = lineLength;
        lineLength = 0;
        if (length == from) {
            return dispatch();
        }
        if (line[from] == ':') {
            return Signal.NEED_INPUT;
        }
        int colon = indexOf((byte) ':', from, length);
        int nameEnd = colon < 0 ? length : colon;
        int valueStart = colon < 0 ? length : colon + 1;
        if (valueStart < length && line[valueStart] == ' ') {
            valueStart++;
        }
        field(from, nameEnd, valueStart, length);
        return Signal.NEED_INPUT;
    }

    private int skipBom() {
        if (!firstLine) {
            return 0;
        }
        firstLine = false;
        boolean bom = lineLength >= 3 && line[0] == (byte) 0xEF && line[1] == (byte) 0xBB
                && line[2] == (byte) 0xBF;
        return bom ? 3 : 0;
    }

    private void field(int nameStart, int nameEnd, int valueStart, int valueEnd) {
        if (nameIs("data", nameStart, nameEnd)) {
            appendData(valueStart, valueEnd);
        } else if (nameIs("event", nameStart, nameEnd)) {
            pendingType = decode(valueStart, valueEnd);
        } else if (nameIs("id", nameStart, nameEnd)) {
            if (indexOf((byte) 0, valueStart, valueEnd) < 0) {
                lastEventId = decode(valueStart, valueEnd);
            }
        } else if (nameIs("retry", nameStart, nameEnd)) {
            retry(valueStart, valueEnd);
        }
    }

    private void appendData(int from, int to) {
        int needed = dataLength + (to - from) + 1;
        if (needed > data.length) {
            data = Arrays.copyOf(data, Math.max(data.length * 2, needed));
        }
        System.arraycopy(line, from, data, dataLength, to - from);
        dataLength += to - from;
        data[dataLength++] = '\n';
    }

    private void retry(int from, int to) {
        if (from == to || to - from > 18) {
            return;
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            if (line[i] < '0' || line[i] > '9') {
                return;
            }
            value = value * 10 + (line[i] - '0');
        }
        retryMillis = value;
    }

    private Signal dispatch() {
        String type = pendingType;
        pendingType = null;
        if (dataLength == 0) {
            return Signal.NEED_INPUT;
        }
        dataLength--;
        eventType = type == null || type.isEmpty() ? "message" : type;
        dispatched = true;
        if (Arrays.equals(data, 0, dataLength, DONE, 0, DONE.length)) {
            done = true;
            return Signal.DONE;
        }
        return Signal.EVENT;
    }

    private boolean nameIs(String name, int from, int to) {
        if (to - from != name.length()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            if (line[from + i] != name.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private int indexOf(byte b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (line[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private String decode(int from, int to) {
        return new String(line, from, to - from, StandardCharsets.UTF_8);
    }
}

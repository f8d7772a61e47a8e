package dev.grok4.testkit;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Reads HTTP/1.1 requests from one connection. Not thread-safe. */
final class HttpRequestReader {
    private static final int MAX_LINE = 64 * 1024;
    private static final int MAX_HEADERS = 200;
    private static final int MAX_BODY = 64 * 1024 * 1024;
    private static final byte[] EMPTY = new byte[0];

    private final InputStream in;
    private byte[] line = new byte[256];

    HttpRequestReader(InputStream in) {
        this.in = in;
    }

    /** The request line and headers; the body is read separately. */
    record Head(String method, String target, String version, Map<String, String> headers) {
        boolean expectsContinue() {
            String expect = headers.get("expect");
            return expect != null && expect.equalsIgnoreCase("100-continue");
        }
    }

    /**
     * Reads the request line and headers.
     *
     * @return the head, or {@code null} if the client closed the connection between requests
     */
    @Nullable Head readHead() throws IOException {
        String requestLine = readLineOrNull();
        while (requestLine != null && requestLine.isEmpty()) {
            // Tolerate stray CRLFs between pipelined requests, as RFC 9112 allows.
            requestLine = readLineOrNull();
        }
        if (requestLine == null) {
            return null;
        }
        String[] parts = requestLine.split(" ", -1);
        if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) {
            throw new MalformedRequestException("bad request line: " + abbreviate(requestLine));
        }
        return new Head(parts[0], parts[1], parts[2], readHeaders());
    }

    byte[] readBody(Head head) throws IOException {
        String encoding = head.headers().get("transfer-encoding");
        if (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked")) {
            return readChunkedBody();
        }
        String length = head.headers().get("content-length");
        if (length == null) {
            return EMPTY;
        }
        return readFully(parseLength(length));
    }

    private Map<String, String> readHeaders() throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        for (int count = 0; ; count++) {
            String header = readLine();
            if (header.isEmpty()) {
                return Collections.unmodifiableMap(headers);
            }
            if (count >= MAX_HEADERS) {
                throw new MalformedRequestException("more than " + MAX_HEADERS + " headers");
            }
            int colon = header.indexOf(':');
            if (colon <= 0) {
                throw new MalformedRequestException("bad header line: " + abbreviate(header));
            }
            String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).trim();
            headers.merge(name, value, (first, second) -> first + ", " + second);
        }
    }

    private byte[] readChunkedBody() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine();
            int semicolon = sizeLine.indexOf(';');
            String hex = (semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim();
            int size = parseChunkSize(hex);
            if (size == 0) {
                skipTrailers();
                return body.toByteArray();
            }
            if (body.size() + (long) size > MAX_BODY) {
                throw new MalformedRequestException("request body larger than " + MAX_BODY);
            }
            body.write(readFully(size));
            if (!readLine().isEmpty()) {
                throw new MalformedRequestException("chunk data not followed by CRLF");
            }
        }
    }

    private void skipTrailers() throws IOException {
        while (!readLine().isEmpty()) {
            // Trailers carry nothing the simulator uses.
        }
    }

    private byte[] readFully(int length) throws IOException {
        byte[] data = new byte[length];
        int read = 0;
        while (read < length) {
            int n = in.read(data, read, length - read);
            if (n < 0) {
                throw new EOFException("request body ended after " + read + " of " + length);
            }
            read += n;
        }
        return data;
    }

    private String readLine() throws IOException {
        String text = readLineOrNull();
        if (text == null) {
            throw new EOFException("connection closed in the middle of a request");
        }
        return text;
    }

    /** Reads one line without its CRLF (a bare LF is accepted), decoded as ISO-8859-1. */
    private @Nullable String readLineOrNull() throws IOException {
        int length = 0;
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (length == 0) {
                    return null;
                }
                throw new EOFException("connection closed in the middle of a line");
            }
            if (b == '\n') {
                break;
            }
            if (length == line.length) {
                if (length >= MAX_LINE) {
                    throw new MalformedRequestException("line longer than " + MAX_LINE);
                }
                line = Arrays.copyOf(line, length * 2);
            }
            line[length++] = (byte) b;
        }
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        return new String(line, 0, length, StandardCharsets.ISO_8859_1);
    }

    private static int parseLength(String value) throws MalformedRequestException {
        try {
            long length = Long.parseLong(value.trim());
            if (length < 0 || length > MAX_BODY) {
                throw new MalformedRequestException("unsupported content-length " + value);
            }
            return (int) length;
        } catch (NumberFormatException e) {
            throw new MalformedRequestException("bad content-length " + abbreviate(value));
        }
    }

    private static int parseChunkSize(String hex) throws MalformedRequestException {
        try {
            long size = Long.parseLong(hex, 16);
            if (size < 0 || size > MAX_BODY) {
                throw new MalformedRequestException("unsupported chunk size " + hex);
            }
            return (int) size;
        } catch (NumberFormatException e) {
            throw new MalformedRequestException("bad chunk size " + abbreviate(hex));
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }
}

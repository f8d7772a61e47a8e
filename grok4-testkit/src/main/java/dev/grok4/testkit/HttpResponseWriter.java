package dev.grok4.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/** Writes HTTP/1.1 responses to one connection. Not thread-safe. */
final class HttpResponseWriter {
    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] LAST_CHUNK = "0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final OutputStream out;
    private final StringBuilder head = new StringBuilder(256);

    HttpResponseWriter(OutputStream out) {
        this.out = out;
    }

    /**
     * Writes the status line and headers.
     *
     * @param contentLength the body length, or -1 for chunked transfer encoding
     */
    void writeHead(int status, String contentType, List<ScriptedResponse.Header> extra,
            long contentLength, boolean close) throws IOException {
        head.setLength(0);
        head.append("HTTP/1.1 ").append(status).append(' ').append(reason(status)).append("\r\n");
        boolean customType = false;
        for (ScriptedResponse.Header header : extra) {
            String name = header.name().toLowerCase(Locale.ROOT);
            if (name.equals("content-length") || name.equals("transfer-encoding")) {
                continue;
            }
            customType |= name.equals("content-type");
            appendHeader(header.name(), header.value());
        }
        if (!customType && !contentType.isEmpty()) {
            appendHeader("Content-Type", contentType);
        }
        if (contentLength >= 0) {
            appendHeader("Content-Length", Long.toString(contentLength));
        } else {
            appendHeader("Transfer-Encoding", "chunked");
        }
        if (close) {
            appendHeader("Connection", "close");
        }
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    void writeJson(int status, byte[] body, List<ScriptedResponse.Header> extra, boolean close)
            throws IOException {
        writeHead(status, "application/json; charset=utf-8", extra, body.length, close);
        out.write(body);
        out.flush();
    }

    /** Writes raw body bytes of a fixed-length response. */
    void writeRaw(byte[] data, int offset, int length) throws IOException {
        out.write(data, offset, length);
    }

    /** Writes one chunk of a chunked body; empty chunks are skipped so they never end it. */
    void writeChunk(byte[] data, int offset, int length) throws IOException {
        if (length == 0) {
            return;
        }
        out.write(Integer.toHexString(length).getBytes(StandardCharsets.US_ASCII));
        out.write(CRLF);
        out.write(data, offset, length);
        out.write(CRLF);
    }

    void writeChunk(byte[] data) throws IOException {
        writeChunk(data, 0, data.length);
    }

    void endChunks() throws IOException {
        out.write(LAST_CHUNK);
    }

    void flush() throws IOException {
        out.flush();
    }

    private void appendHeader(String name, String value) {
        head.append(name).append(": ").append(value).append("\r\n");
    }

    static String reason(int status) {
        switch (status) {
            case 200: return "OK";
            case 201: return "Created";
            case 204: return "No Content";
            case 400: return "Bad Request";
            case 401: return "Unauthorized";
            case 403: return "Forbidden";
            case 404: return "Not Found";
            case 405: return "Method Not Allowed";
            case 408: return "Request Timeout";
            case 413: return "Payload Too Large";
            case 422: return "Unprocessable Entity";
            case 429: return "Too Many Requests";
            case 500: return "Internal Server Error";
            case 502: return "Bad Gateway";
            case 503: return "Service Unavailable";
            case 504: return "Gateway Timeout";
            default: return "Status " + status;
        }
    }
}

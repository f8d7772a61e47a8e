package dev.grok4.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One request as the simulator received it. Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class RecordedRequest {
    private final String method;
    private final String path;
    private final Map<String, String> headers;
    private final byte[] body;
    private final Instant receivedAt;

    RecordedRequest(String method, String path, Map<String, String> headers, byte[] body,
            Instant receivedAt) {
        this.method = method;
        this.path = path;
        this.headers = headers;
        this.body = body;
        this.receivedAt = receivedAt;
    }

    /**
     * Returns the request method, such as {@code POST}.
     *
     * @return the method
     */
    public String method() {
        return method;
    }

    /**
     * Returns the request target as sent, including any query string, such as
     * {@code /v1/chat/completions}.
     *
     * @return the path
     */
    public String path() {
        return path;
    }

    /**
     * Returns the headers with lower-case names. Repeated headers are joined with
     * {@code ", "}.
     *
     * @return an unmodifiable map
     */
    public Map<String, String> headers() {
        return headers;
    }

    /**
     * Returns one header, matching the name case-insensitively.
     *
     * @param name the header name
     * @return the value, or {@code null} if the request had no such header
     */
    public @Nullable String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /**
     * Returns the body decoded as UTF-8; empty if there was none.
     *
     * @return the body text
     */
    public String body() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /**
     * Parses the body as JSON.
     *
     * @return the JSON tree, or a missing node if the body is empty
     * @throws IllegalStateException if the body is not valid JSON
     */
    public JsonNode json() {
        if (body.length == 0) {
            return MissingNode.getInstance();
        }
        try {
            return Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "body of " + method + " " + path + " is not valid JSON: " + e.getMessage(), e);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("could not read the body of " + path, e);
        }
    }

    /**
     * Returns when the simulator finished reading the request.
     *
     * @return the receive time
     */
    public Instant receivedAt() {
        return receivedAt;
    }

    @Override
    public String toString() {
        return "RecordedRequest[" + method + " " + path + ", " + body.length + " bytes]";
    }
}

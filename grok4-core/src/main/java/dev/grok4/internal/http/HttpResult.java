package dev.grok4.internal.http;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A complete HTTP response.
 *
 * @param status the status code
 * @param headers response headers, names in lower case
 * @param body the whole body
 */
public record HttpResult(int status, Map<String, List<String>> headers, byte[] body) {

    /** Returns the first value of a header (name in lower case), or null. */
    public @Nullable String header(String lowerCaseName) {
        List<String> values = headers.get(lowerCaseName);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}

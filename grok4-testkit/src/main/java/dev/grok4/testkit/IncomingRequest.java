package dev.grok4.testkit;

import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A request read off the wire. Header names are lower case. */
record IncomingRequest(String method, String target, String version, Map<String, String> headers,
        byte[] body) {

    @Nullable String header(String name) {
        return headers.get(name);
    }

    /** Returns the target without its query string. */
    String path() {
        int query = target.indexOf('?');
        return query < 0 ? target : target.substring(0, query);
    }

    /** HTTP/1.1 keeps the connection unless told to close; HTTP/1.0 only when asked. */
    boolean keepAlive() {
        String connection = header("connection");
        String tokens = connection == null ? "" : connection.toLowerCase(Locale.ROOT);
        if ("HTTP/1.0".equals(version)) {
            return tokens.contains("keep-alive");
        }
        return !tokens.contains("close");
    }
}

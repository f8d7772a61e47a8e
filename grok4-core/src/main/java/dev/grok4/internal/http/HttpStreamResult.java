package dev.grok4.internal.http;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Flow;
import org.jspecify.annotations.Nullable;

/**
 * A response whose headers have arrived and whose body is still streaming.
 *
 * <p>The body publisher follows the JDK's {@code BodySubscribers.ofPublisher} contract: it may be
 * subscribed once, it honours demand, and cancelling the subscription releases the connection.
 * Reading it to completion returns the connection to the pool.
 *
 * @param status the status code
 * @param headers response headers, names in lower case
 * @param body the body as it arrives
 */
public record HttpStreamResult(
        int status, Map<String, List<String>> headers, Flow.Publisher<List<ByteBuffer>> body) {

    /** Returns the first value of a header (name in lower case), or null. */
    public @Nullable String header(String lowerCaseName) {
        List<String> values = headers.get(lowerCaseName);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}

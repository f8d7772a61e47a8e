package dev.grok4.internal.http;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP request to send.
 *
 * @param method {@code GET} or {@code POST}
 * @param uri the full URI
 * @param headers request headers, the {@code Authorization} header included
 * @param body the UTF-8 JSON body, or null for none
 * @param timeout the time allowed for the whole exchange (for streams: until headers arrive)
 */
public record HttpCall(
        String method, URI uri, Map<String, String> headers, byte @Nullable [] body,
        Duration timeout) {}

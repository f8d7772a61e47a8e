package dev.grok4.internal.stream;

import org.jspecify.annotations.Nullable;

/**
 * An error a server reported inside a stream or in a JSON body: OpenAI's
 * {@code {"error":{"message","type","code","param"}}} or xAI's flat
 * {@code {"code":"...","error":"..."}}. Values are as sent, not yet redacted.
 *
 * @since 0.1
 */
public record ErrorFrame(@Nullable String message, @Nullable String type,
        @Nullable String code, @Nullable String param) {}

package dev.grok4.sample.micronaut;

import dev.grok4.Grok4Exception;
import io.micronaut.serde.annotation.Serdeable;

/** {@code {"error":{"type","message"}}}, the body of every error this sample answers. */
@Serdeable
record ErrorReply(Detail error) {
    static ErrorReply of(String type, String message) {
        return new ErrorReply(new Detail(type, message));
    }

    // Core's messages never hold the API key, and provider text is already redacted.
    static ErrorReply of(Grok4Exception e) {
        return of(e.kind().wireName(), String.valueOf(e.getMessage()));
    }

    /** The error's kind, as {@link dev.grok4.ErrorKind#wireName()}, and what went wrong. */
    @Serdeable
    record Detail(String type, String message) {}
}

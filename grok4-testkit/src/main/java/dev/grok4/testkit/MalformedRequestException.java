package dev.grok4.testkit;

import java.io.IOException;

/** The client sent something that is not a valid HTTP/1.1 request. */
final class MalformedRequestException extends IOException {
    private static final long serialVersionUID = 1L;

    MalformedRequestException(String message) {
        super(message);
    }
}

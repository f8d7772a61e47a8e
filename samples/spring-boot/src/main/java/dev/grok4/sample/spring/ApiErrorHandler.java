package dev.grok4.sample.spring;

import dev.grok4.ErrorKind;
import dev.grok4.Grok4Exception;
import dev.grok4.sample.spring.ChatApi.ErrorBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns failures into {@code {"error": {"type", "message"}}}: an upstream failure is a 502 whose
 * type is the {@link ErrorKind} wire name, a missing prompt or unreadable body a 400. Core's
 * messages are already free of the API key.
 */
@RestControllerAdvice
class ApiErrorHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ApiErrorHandler.class);

    @ExceptionHandler(Grok4Exception.class)
    ResponseEntity<ErrorBody> upstream(Grok4Exception e) {
        LOG.warn("Upstream call failed ({}): {}", e.kind().wireName(), e.getMessage());
        return body(HttpStatus.BAD_GATEWAY, e.kind().wireName(), String.valueOf(e.getMessage()));
    }

    @ExceptionHandler(MissingPromptException.class)
    ResponseEntity<ErrorBody> missingPrompt(MissingPromptException e) {
        return body(HttpStatus.BAD_REQUEST, ErrorKind.BAD_REQUEST.wireName(), e.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ErrorBody> unreadable(HttpMessageNotReadableException e) {
        return body(HttpStatus.BAD_REQUEST, ErrorKind.BAD_REQUEST.wireName(),
                "The body is not JSON of the form {\"prompt\": \"...\"}");
    }

    private static ResponseEntity<ErrorBody> body(HttpStatus status, String type, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(ErrorBody.of(type, message));
    }
}

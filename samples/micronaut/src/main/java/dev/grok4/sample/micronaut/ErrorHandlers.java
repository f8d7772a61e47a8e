package dev.grok4.sample.micronaut;

import dev.grok4.Grok4Exception;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns this sample's failures into {@link ErrorReply} bodies. */
final class ErrorHandlers {
    private ErrorHandlers() {}

    /** An upstream failure is the gateway's fault, not the caller's: 502. */
    @Produces
    @Singleton
    static final class Upstream
            implements ExceptionHandler<Grok4Exception, HttpResponse<ErrorReply>> {
        private static final Logger LOG = LoggerFactory.getLogger(Upstream.class);

        @Override
        public HttpResponse<ErrorReply> handle(HttpRequest request, Grok4Exception e) {
            LOG.warn("Upstream call for {} failed: {}", request.getPath(), e.kind().wireName());
            return HttpResponse.<ErrorReply>status(HttpStatus.BAD_GATEWAY).body(ErrorReply.of(e));
        }
    }

    /** A missing prompt is the caller's: 400. */
    @Produces
    @Singleton
    static final class MissingPrompt
            implements ExceptionHandler<MissingPromptException, HttpResponse<ErrorReply>> {
        @Override
        public HttpResponse<ErrorReply> handle(HttpRequest request, MissingPromptException e) {
            return HttpResponse.badRequest(ErrorReply.of("bad_request", e.getMessage()));
        }
    }
}

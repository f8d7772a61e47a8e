package dev.grok4.sample.quarkus;

import dev.grok4.ErrorKind;
import dev.grok4.Grok4Exception;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns failures into {@code {"error":{"type","message"}}} bodies: 400 for a missing prompt,
 * 502 when the upstream call failed.
 */
class ErrorMappers {
    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    @ServerExceptionMapper
    Response missingPrompt(MissingPromptException e) {
        return error(Response.Status.BAD_REQUEST, ErrorKind.BAD_REQUEST.wireName(), e.getMessage());
    }

    /** Core's messages carry no API key; provider text in them is already redacted. */
    @ServerExceptionMapper
    Response upstream(Grok4Exception e) {
        LOG.warnf("Upstream call failed: %s", e.getMessage());
        return error(Response.Status.BAD_GATEWAY, e.kind().wireName(), e.getMessage());
    }

    private static Response error(Response.Status status, String type, String message) {
        ErrorBody body = new ErrorBody(new ErrorBody.Detail(type, message));
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).build();
    }

    /** The error document. */
    record ErrorBody(Detail error) {
        /** What failed and why. */
        record Detail(String type, String message) {}
    }
}

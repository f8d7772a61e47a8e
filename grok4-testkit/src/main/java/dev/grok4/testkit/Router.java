package dev.grok4.testkit;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

/** Records every request and sends it to the matching route. Shared by all connections. */
final class Router {
    private final SimulatorState state;
    private final Settings settings;
    private final ChatEndpoint chat;

    Router(SimulatorState state, Settings settings) {
        this.state = state;
        this.settings = settings;
        this.chat = new ChatEndpoint(state, settings);
    }

    Outcome handle(IncomingRequest request, HttpResponseWriter writer, boolean keepAlive)
            throws IOException {
        state.record(new RecordedRequest(request.method(), request.target(), request.headers(),
                request.body(), Instant.now()));
        String path = request.path();
        String route = path.startsWith("/v1/") ? path.substring(3) : path;
        if (route.equals("/chat/completions")) {
            return request.method().equals("POST") ? chat.handle(request, writer, keepAlive)
                    : methodNotAllowed(request, writer, keepAlive);
        }
        if (route.equals("/models")) {
            return request.method().equals("GET")
                    ? json(writer, keepAlive, 200, settings.modelsJson())
                    : methodNotAllowed(request, writer, keepAlive);
        }
        if (route.startsWith("/models/") && request.method().equals("GET")) {
            return model(route.substring("/models/".length()), writer, keepAlive);
        }
        return json(writer, keepAlive, 404, Replies.error("No route for " + request.method() + " "
                + path + ". The simulator serves POST /v1/chat/completions and GET /v1/models.",
                "invalid_request_error", null, "not_found"));
    }

    private Outcome model(String id, HttpResponseWriter writer, boolean keepAlive)
            throws IOException {
        if (settings.models().contains(id)) {
            return json(writer, keepAlive, 200, Json.bytes(Replies.model(id)));
        }
        return json(writer, keepAlive, 404, Replies.error("The model " + id + " does not exist.",
                "invalid_request_error", "model", "model_not_found"));
    }

    private static Outcome methodNotAllowed(IncomingRequest request, HttpResponseWriter writer,
            boolean keepAlive) throws IOException {
        return json(writer, keepAlive, 405, Replies.error("Method " + request.method()
                + " is not allowed on " + request.path() + ".", "invalid_request_error", null,
                "method_not_allowed"));
    }

    private static Outcome json(HttpResponseWriter writer, boolean keepAlive, int status,
            byte[] body) throws IOException {
        writer.writeJson(status, body, List.of(), !keepAlive);
        return keepAlive ? Outcome.KEEP_OPEN : Outcome.CLOSE;
    }
}

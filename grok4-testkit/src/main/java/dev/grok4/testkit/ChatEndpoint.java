package dev.grok4.testkit;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/** Answers {@code POST /v1/chat/completions}: scripted first, then faults, then the default. */
final class ChatEndpoint {
    private final SimulatorState state;
    private final Settings settings;

    ChatEndpoint(SimulatorState state, Settings settings) {
        this.state = state;
        this.settings = settings;
    }

    Outcome handle(IncomingRequest request, HttpResponseWriter writer, boolean keepAlive)
            throws IOException {
        state.chatStarted();
        try {
            ScriptedResponse scripted = state.nextScripted();
            if (scripted != null) {
                Duration delay = scripted.delay();
                Pause.sleep(delay != null ? delay : state.nextLatency());
                return ScriptedWriter.write(scripted, writer, keepAlive);
            }
            return answer(request, writer, keepAlive);
        } finally {
            state.chatFinished();
        }
    }

    private Outcome answer(IncomingRequest request, HttpResponseWriter writer, boolean keepAlive)
            throws IOException {
        ChatRequest chat;
        try {
            JsonNode json = Json.MAPPER.readTree(request.body());
            chat = ChatRequest.parse(json == null ? Json.NODES.missingNode() : json,
                    settings.defaultModel());
        } catch (JacksonException e) {
            return badRequest(writer, keepAlive, "", "invalid_json",
                    "The request body is not valid JSON.");
        } catch (ChatRequest.InvalidException e) {
            return badRequest(writer, keepAlive, e.param(), "invalid_value", e.getMessage());
        }

        FaultPlan faults = state.nextFaults(chat.stream());
        Pause.sleep(state.nextLatency().plus(faults.extraDelay()));
        switch (faults.terminal()) {
            case RATE_LIMITED:
                return rateLimited(writer, keepAlive, faults.retryAfter());
            case SERVER_ERROR:
                return serverError(writer, keepAlive);
            case CONNECTION_RESET:
                return Outcome.RESET;
            default:
                break;
        }

        ReplyPlan plan = ReplyPlan.of(chat);
        if (!chat.stream()) {
            writer.writeJson(200, Replies.completion(plan), List.of(), !keepAlive);
            return keepAlive ? Outcome.KEEP_OPEN : Outcome.CLOSE;
        }
        return stream(plan, chat.includeUsage(), faults.stream(), writer, keepAlive);
    }

    private Outcome stream(ReplyPlan plan, boolean includeUsage, FaultPlan.StreamFault fault,
            HttpResponseWriter writer, boolean keepAlive) throws IOException {
        Replies.StreamScript script = Replies.stream(plan, includeUsage,
                settings.streamChunkSize());
        writer.writeHead(200, "text/event-stream; charset=utf-8", List.of(), -1, !keepAlive);
        send(script.opening(), writer, true);
        List<byte[]> deltas = script.deltas();
        if (fault == FaultPlan.StreamFault.NONE) {
            send(deltas, writer, false);
            send(script.closing(), writer, false);
            writer.endChunks();
            writer.flush();
            return keepAlive ? Outcome.KEEP_OPEN : Outcome.CLOSE;
        }
        send(deltas.subList(0, deltas.size() / 2), writer, false);
        if (fault == FaultPlan.StreamFault.CUT) {
            return Outcome.CLOSE;
        }
        send(List.of(Replies.errorEvent("The simulator injected a mid-stream error.")), writer,
                false);
        writer.endChunks();
        writer.flush();
        return keepAlive ? Outcome.KEEP_OPEN : Outcome.CLOSE;
    }

    /** Writes each event as its own chunk and flushes it, pausing between events. */
    private void send(List<byte[]> events, HttpResponseWriter writer, boolean first)
            throws IOException {
        boolean pause = !first;
        for (byte[] event : events) {
            if (pause) {
                Pause.sleep(settings.streamInterval());
            }
            pause = true;
            writer.writeChunk(event);
            writer.flush();
        }
    }

    private static Outcome rateLimited(HttpResponseWriter writer, boolean keepAlive,
            Duration retryAfter) throws IOException {
        long seconds = retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0);
        byte[] body = Replies.error("Rate limit reached for requests. The simulator injected "
                + "this fault; retry after " + seconds + "s.", "requests", null,
                "rate_limit_exceeded");
        List<ScriptedResponse.Header> headers = List.of(
                new ScriptedResponse.Header("Retry-After", Long.toString(seconds)),
                new ScriptedResponse.Header("x-ratelimit-remaining-requests", "0"),
                new ScriptedResponse.Header("x-ratelimit-reset-requests", seconds + "s"));
        writer.writeJson(429, body, headers, !keepAlive);
        return keepAlive ? Outcome.KEEP_OPEN : Outcome.CLOSE;
    }

    private static Outcome serverError(HttpResponseWriter writer, boolean keepAlive)
            throws IOException {
        byte[] body = Replies.error("The server is temporarily unavailable. The simulator "
                + "injected this fault.", "server_error", null, "service_unavailable");
        writer.writeJson(503, body, List.of(), !keepAlive);
        return keepAlive ? Outcome.KEEP_OPEN : Outcome.CLOSE;
    }

    private static Outcome badRequest(HttpResponseWriter writer, boolean keepAlive, String param,
            String code, String message) throws IOException {
        byte[] body = Replies.error(message, "invalid_request_error",
                param.isEmpty() ? null : param, code);
        writer.writeJson(400, body, List.of(), !keepAlive);
        return keepAlive ? Outcome.KEEP_OPEN : Outcome.CLOSE;
    }
}

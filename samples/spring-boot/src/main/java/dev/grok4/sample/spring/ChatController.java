package dev.grok4.sample.spring;

import static java.util.Objects.requireNonNull;

import dev.grok4.Grok4Client;
import dev.grok4.model.ChatRequest;
import dev.grok4.sample.spring.ChatApi.PromptBody;
import dev.grok4.sample.spring.ChatApi.Reply;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** {@code POST /chat} for a whole reply, {@code GET /chat/stream} for its deltas as events. */
@RestController
class ChatController {
    private final Grok4Client client;
    private final ReplyStreamer streamer;

    ChatController(Grok4Client client, ReplyStreamer streamer) {
        this.client = requireNonNull(client, "client");
        this.streamer = requireNonNull(streamer, "streamer");
    }

    @PostMapping(path = "/chat", produces = MediaType.APPLICATION_JSON_VALUE)
    Reply chat(@RequestBody(required = false) @Nullable PromptBody body) {
        String prompt = MissingPromptException.require(body == null ? null : body.prompt());
        return Reply.of(client.chat(ChatRequest.ofPrompt(prompt)));
    }

    @GetMapping(path = "/chat/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(@RequestParam(required = false) @Nullable String prompt) {
        return streamer.stream(ChatRequest.ofPrompt(MissingPromptException.require(prompt)));
    }
}

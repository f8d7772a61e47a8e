package dev.grok4.sample.micronaut;

import dev.grok4.Grok4Client;
import dev.grok4.Grok4Exception;
import dev.grok4.micronaut.Grok4ReactiveStreams;
import dev.grok4.model.ChatChunk;
import dev.grok4.model.ChatRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.sse.Event;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** {@code POST /chat} and {@code GET /chat/stream}. */
@Controller("/chat")
class ChatController {
    private final Grok4Client client;

    ChatController(Grok4Client client) {
        this.client = client;
    }

    /** Answers {@code {"prompt"}} with the whole reply; upstream failures become 502. */
    @Post(consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    ChatReply chat(@Body PromptBody body) {
        return ChatReply.of(client.chat(ChatRequest.ofPrompt(requirePrompt(body.prompt()))));
    }

    /**
     * Streams the reply, one event per content delta. A failure after the first event cannot
     * change the status any more, so it arrives as a last event named {@code error}.
     */
    @Get(uri = "/stream", produces = MediaType.TEXT_EVENT_STREAM)
    Publisher<Event<Object>> stream(@QueryValue @Nullable String prompt) {
        ChatRequest request = ChatRequest.ofPrompt(requirePrompt(prompt));
        return Flux.from(Grok4ReactiveStreams.stream(client, request))
                .map(ChatChunk::content)
                .filter(delta -> !delta.isEmpty())
                .map(delta -> Event.<Object>of(delta))
                .onErrorResume(Grok4Exception.class, e -> Mono.just(errorEvent(e)))
                .subscribeOn(Schedulers.boundedElastic());
    }

    private static Event<Object> errorEvent(Grok4Exception e) {
        return Event.<Object>of(ErrorReply.of(e)).name("error");
    }

    private static String requirePrompt(@Nullable String prompt) {
        if (prompt == null || prompt.isBlank()) {
            throw new MissingPromptException();
        }
        return prompt;
    }
}

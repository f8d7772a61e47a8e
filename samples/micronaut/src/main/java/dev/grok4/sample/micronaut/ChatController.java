package dev.grok4.sample.micronaut;

import dev.grok4.Grok4Client;
import dev.grok4.Grok4Exception;
import dev.grok4.micronaut.Grok4ReactiveStreams;
import dev.grok4.model.ChatChunk;
import dev.grok4.model.ChatRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.http.sse.Event;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** {@code POST /chat} and {@code GET /chat/stream}. */
@Controller("/chat")
class ChatController {
    private static final Logger LOG = LoggerFactory.getLogger(ChatController.class);

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
     * Streams the reply, one event per content delta. A failure before the first event is a
     * 502 like {@link #chat}; after it the status is sent, so the failure arrives as a last event
     * named {@code error}.
     */
    @Get(uri = "/stream", produces = MediaType.TEXT_EVENT_STREAM)
    Publisher<Event<Object>> stream(@QueryValue @Nullable String prompt) {
        ChatRequest request = ChatRequest.ofPrompt(requirePrompt(prompt));
        return Flux.defer(() -> deltas(request)).subscribeOn(Schedulers.boundedElastic());
    }

    private Flux<Event<Object>> deltas(ChatRequest request) {
        AtomicBoolean started = new AtomicBoolean();
        return Flux.from(Grok4ReactiveStreams.stream(client, request))
                .map(ChatChunk::content)
                .filter(delta -> !delta.isEmpty())
                .map(delta -> Event.<Object>of(delta))
                .doOnNext(event -> started.set(true))
                .onErrorResume(Grok4Exception.class, e -> failure(e, started.get()));
    }

    private static Mono<Event<Object>> failure(Grok4Exception e, boolean started) {
        LOG.warn("Upstream stream failed{}: {}", started ? " mid-stream" : "", e.kind().wireName());
        if (started) {
            return Mono.just(Event.<Object>of(ErrorReply.of(e)).name("error"));
        }
        Object body = ErrorReply.of(e);
        return Mono.error(new HttpStatusException(HttpStatus.BAD_GATEWAY, body));
    }

    private static String requirePrompt(@Nullable String prompt) {
        if (prompt == null || prompt.isBlank()) {
            throw new MissingPromptException();
        }
        return prompt;
    }
}

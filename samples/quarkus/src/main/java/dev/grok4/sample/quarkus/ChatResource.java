package dev.grok4.sample.quarkus;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.grok4.Grok4Client;
import dev.grok4.model.ChatChunk;
import dev.grok4.model.ChatRequest;
import dev.grok4.model.ChatResponse;
import dev.grok4.model.Usage;
import dev.grok4.quarkus.Grok4Multi;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestQuery;
import org.jspecify.annotations.Nullable;

/**
 * Chat endpoints: {@code POST /chat} answers in one JSON document, {@code GET /chat/stream}
 * streams the answer as server-sent events, one content delta per event.
 */
@Path("/chat")
public class ChatResource {
    private final Grok4Client client;

    /** Receives the client the extension configured from {@code quarkus.grok4.*}. */
    @Inject
    public ChatResource(Grok4Client client) {
        this.client = client;
    }

    /** Sends the prompt and returns the reply with its model and token usage. */
    @POST
    @Blocking
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Reply chat(@Nullable Prompt prompt) {
        String text = Prompt.require(prompt == null ? null : prompt.prompt());
        ChatResponse response = client.chat(ChatRequest.ofPrompt(text));
        return Reply.of(response);
    }

    /**
     * Streams the reply to {@code prompt} as server-sent events of content deltas.
     *
     * <p>Quarkus commits a 200 event-stream response before it subscribes to the returned Multi,
     * so a failure after that can only cut the stream. This method therefore waits, on a worker
     * thread, for the stream's first signal: an upstream error before any content still becomes
     * a 502 through {@link ErrorMappers}.
     */
    @GET
    @Path("/stream")
    @Blocking
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<String> stream(@RestQuery @Nullable String prompt) {
        String text = Prompt.require(prompt);
        Multi<String> deltas = Grok4Multi.stream(client, ChatRequest.ofPrompt(text))
                .map(ChatChunk::content)
                .filter(delta -> !delta.isEmpty())
                .map(ChatResource::sseData)
                .cache();
        deltas.toUni().await().indefinitely();
        return deltas;
    }

    /**
     * Quarkus writes {@code data:} and the text with no space after the colon, while an SSE
     * client drops one leading space from every data line. A space before each line keeps
     * deltas that start with a space, or a line, intact; line breaks become {@code \n}.
     */
    static String sseData(String delta) {
        String lines = delta.replace("\r\n", "\n").replace('\r', '\n');
        return " " + lines.replace("\n", "\n ");
    }

    /** The request body of {@code POST /chat}. */
    public record Prompt(@Nullable String prompt) {
        static String require(@Nullable String prompt) {
            if (prompt == null || prompt.isBlank()) {
                throw new MissingPromptException();
            }
            return prompt;
        }
    }

    /** The response body of {@code POST /chat}. */
    public record Reply(String content, @Nullable String model, Tokens usage) {
        static Reply of(ChatResponse response) {
            Usage usage = response.usage();
            Tokens tokens = usage == null ? new Tokens(null, null, null)
                    : new Tokens(usage.promptTokens(), usage.completionTokens(),
                            usage.totalTokens());
            return new Reply(response.content(), response.model(), tokens);
        }
    }

    /** Token counts as the server reported them; null where it did not. */
    public record Tokens(
            @JsonProperty("prompt_tokens") @Nullable Integer promptTokens,
            @JsonProperty("completion_tokens") @Nullable Integer completionTokens,
            @JsonProperty("total_tokens") @Nullable Integer totalTokens) {}
}

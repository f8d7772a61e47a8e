package dev.grok4.bench.load;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.http.client.jdk.JdkHttpClient;
import dev.langchain4j.http.client.jdk.JdkHttpClientBuilder;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * langchain4j-open-ai on its default JDK transport, forced to HTTP/1.1 like the floor. Its
 * streaming API is callback-based; a worker waits for the completion callback.
 */
final class LangChainDriver implements ClientDriver {
    private final OpenAiChatModel chat;
    private final OpenAiStreamingChatModel streaming;

    LangChainDriver(URI baseUrl) {
        this.chat = OpenAiChatModel.builder()
                .httpClientBuilder(transport())
                .baseUrl(baseUrl.toString())
                .apiKey(Workload.API_KEY)
                .modelName(Workload.MODEL)
                .maxTokens(Workload.CHAT_MAX_TOKENS)
                .maxRetries(0)
                .timeout(Duration.ofSeconds(60))
                .build();
        this.streaming = OpenAiStreamingChatModel.builder()
                .httpClientBuilder(transport())
                .baseUrl(baseUrl.toString())
                .apiKey(Workload.API_KEY)
                .modelName(Workload.MODEL)
                .maxTokens(Workload.STREAM_MAX_TOKENS)
                .timeout(Duration.ofSeconds(60))
                .build();
    }

    private static JdkHttpClientBuilder transport() {
        return JdkHttpClient.builder().httpClientBuilder(
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1));
    }

    @Override
    public String name() {
        return "langchain4j";
    }

    @Override
    public int chat() {
        ChatResponse response = chat.chat(request());
        return response.aiMessage().text().length();
    }

    @Override
    public int stream() throws Exception {
        CompletableFuture<ChatResponse> done = new CompletableFuture<>();
        AtomicInteger events = new AtomicInteger();
        streaming.chat(request(), new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(String partial) {
                events.incrementAndGet();
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
                done.complete(response);
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }
        });
        await(done);
        return events.get();
    }

    private static void await(CompletableFuture<ChatResponse> done) throws Exception {
        try {
            done.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof Exception ? (Exception) cause : e;
        }
    }

    private static ChatRequest request() {
        return ChatRequest.builder().messages(UserMessage.from(Workload.PROMPT)).build();
    }

    @Override
    public void close() {
        // Neither model holds anything to release; the JDK transport ends once unreachable.
    }
}

package dev.grok4.bench.load;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.helpers.ChatCompletionAccumulator;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import java.net.URI;
import java.time.Duration;

/**
 * openai-java over OkHttp, with its idle pool raised to the worker count so that no cell pays
 * for new connections (the default keeps five).
 */
final class OpenAiDriver implements ClientDriver {
    private final OpenAIClient client;

    OpenAiDriver(URI baseUrl, int concurrency) {
        this.client = OpenAIOkHttpClient.builder()
                .baseUrl(baseUrl.toString())
                .apiKey(Workload.API_KEY)
                .maxRetries(0)
                .timeout(Duration.ofSeconds(60))
                .maxIdleConnections(Math.max(5, concurrency))
                .keepAliveDuration(Duration.ofMinutes(5))
                .build();
    }

    @Override
    public String name() {
        return "openai-java";
    }

    @Override
    public int chat() {
        ChatCompletion completion = client.chat().completions().create(params(false));
        return completion.choices().get(0).message().content().orElse("").length();
    }

    @Override
    public int stream() {
        ChatCompletionAccumulator accumulator = ChatCompletionAccumulator.create();
        int events = 0;
        try (StreamResponse<ChatCompletionChunk> response =
                client.chat().completions().createStreaming(params(true))) {
            for (ChatCompletionChunk chunk : (Iterable<ChatCompletionChunk>)
                    response.stream()::iterator) {
                accumulator.accumulate(chunk);
                events += hasContent(chunk) ? 1 : 0;
            }
        }
        accumulator.chatCompletion();
        return events;
    }

    private static boolean hasContent(ChatCompletionChunk chunk) {
        return !chunk.choices().isEmpty()
                && !chunk.choices().get(0).delta().content().orElse("").isEmpty();
    }

    private static ChatCompletionCreateParams params(boolean stream) {
        ChatCompletionCreateParams.Builder builder = ChatCompletionCreateParams.builder()
                .model(Workload.MODEL)
                .addUserMessage(Workload.PROMPT)
                .maxCompletionTokens(stream ? Workload.STREAM_MAX_TOKENS
                        : Workload.CHAT_MAX_TOKENS);
        if (stream) {
            builder.streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build());
        }
        return builder.build();
    }

    @Override
    public void close() {
        client.close();
    }
}

package dev.grok4.internal.stream;

import dev.grok4.Grok4Exception;
import dev.grok4.RateLimitedException;
import dev.grok4.ServerException;
import dev.grok4.internal.http.HttpResult;
import dev.grok4.internal.http.HttpStreamResult;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;

/** Sends streaming requests with the JDK client, as the real transport will. */
final class StreamTestSupport {
    static final String KEY = "xai-test-secret-key-123";
    static final String REQUEST = "{\"model\":\"grok-4\",\"stream\":true,"
            + "\"stream_options\":{\"include_usage\":true},"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";

    private StreamTestSupport() {}

    static HttpClient client(Executor executor) {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(executor)
                .build();
    }

    static CompletableFuture<HttpStreamResult> send(HttpClient client, URI baseUrl) {
        HttpRequest request = HttpRequest.newBuilder(baseUrl.resolve("v1/chat/completions"))
                .header("content-type", "application/json")
                .header("authorization", "Bearer " + KEY)
                .POST(HttpRequest.BodyPublishers.ofString(REQUEST)).build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofPublisher())
                .thenApply(StreamTestSupport::toResult);
    }

    private static HttpStreamResult toResult(
            HttpResponse<Flow.Publisher<List<ByteBuffer>>> response) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        response.headers().map().forEach((name, values) ->
                headers.put(name.toLowerCase(Locale.ROOT), values));
        return new HttpStreamResult(response.statusCode(), headers, response.body());
    }

    static StreamingCall.Builder call(HttpClient client, URI baseUrl) {
        return StreamingCall.builder(send(client, baseUrl)).errorMapper(StreamTestSupport::mapError)
                .redactor(text -> text.replace(KEY, "[REDACTED]"));
    }

    /** A small stand-in for the core engineer's ErrorMapper: 429 and 5xx only. */
    static Grok4Exception mapError(HttpResult result) {
        String body = new String(result.body(), StandardCharsets.UTF_8).replace(KEY, "[REDACTED]");
        Grok4Exception.Details details = Grok4Exception.Details.status(result.status())
                .providerMessage(body);
        if (result.status() == 429) {
            return new RateLimitedException("Rate limited: " + body, null, details);
        }
        return new ServerException("Status " + result.status() + ": " + body, null, details);
    }

    static String sse(List<String> payloads) {
        StringBuilder text = new StringBuilder();
        for (String payload : payloads) {
            text.append("data: ").append(payload).append("\n\n");
        }
        return text.toString();
    }

    static String chunk(String deltaJson, String finishReason) {
        String finish = finishReason == null ? "" : ",\"finish_reason\":\"" + finishReason + "\"";
        return "{\"id\":\"c1\",\"model\":\"grok-4-0709\",\"choices\":[{\"index\":0,\"delta\":"
                + deltaJson + finish + "}]}";
    }

    static String content(String text) {
        return chunk("{\"content\":\"" + text + "\"}", null);
    }

    static List<String> contents(int count) {
        List<String> payloads = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            payloads.add(content("w" + i + " "));
        }
        return payloads;
    }

    static final String USAGE = "{\"id\":\"c1\",\"model\":\"grok-4-0709\",\"choices\":[],"
            + "\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":7,\"total_tokens\":12}}";
}

package dev.grok4.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.grok4.BadRequestException;
import dev.grok4.Grok4Exception;
import dev.grok4.model.ChatRequest;
import dev.grok4.model.Message;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The lines of a batch file: {@code {"prompt": "..."}} with optional {@code model},
 * {@code system} and {@code max_tokens}. A line that cannot be read becomes a failed item, so
 * that the output still has one line per input line.
 */
final class BatchInput {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One input line: a request, or why it could not be read. */
    record Item(@Nullable ChatRequest request, @Nullable Grok4Exception problem) {}

    private BatchInput() {}

    /** Reads every non-blank line of the file. */
    static List<Item> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ErrorReporter.UsageException("No such input file: " + file);
        } catch (IOException e) {
            throw new ErrorReporter.UsageException("Cannot read " + file + ": " + e.getMessage()
                    + "; the input must be UTF-8 JSON Lines");
        }
        // Notepad and Excel save UTF-8 with a byte order mark, which JSON does not allow.
        if (!lines.isEmpty() && lines.get(0).startsWith("\uFEFF")) {
            lines.set(0, lines.get(0).substring(1));
        }
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                items.add(parse(i + 1, lines.get(i)));
            }
        }
        return items;
    }

    static Item parse(int lineNumber, String line) {
        try {
            return new Item(request(JSON.readTree(line)), null);
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            String reason = e instanceof IOException ? "not valid JSON" : e.getMessage();
            return new Item(null, new BadRequestException("Input line " + lineNumber + ": "
                    + reason + "; expected {\"prompt\": \"...\"}", null,
                    Grok4Exception.Details.none()));
        }
    }

    private static ChatRequest request(JsonNode line) {
        JsonNode prompt = line.path("prompt");
        if (!prompt.isTextual() || prompt.asText().isBlank()) {
            throw new IllegalArgumentException("\"prompt\" is missing or not a non-empty string");
        }
        ChatRequest.Builder builder = ChatRequest.builder();
        if (line.path("system").isTextual()) {
            builder.addMessage(Message.system(line.get("system").asText()));
        }
        builder.addMessage(Message.user(prompt.asText()));
        if (line.path("model").isTextual()) {
            builder.model(line.get("model").asText());
        }
        if (line.has("max_tokens")) {
            builder.maxTokens(maxTokens(line.get("max_tokens")));
        }
        return builder.build();
    }

    private static int maxTokens(JsonNode value) {
        if (!value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() < 1) {
            throw new IllegalArgumentException("\"max_tokens\" must be a positive integer, was "
                    + value);
        }
        return value.asInt();
    }
}

package dev.grok4.model;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One message of a conversation.
 *
 * <p>The content is either plain text or, for user messages, a list of {@link ContentPart}s.
 * Assistant messages may carry the tool calls the model made; tool messages answer one of them.
 *
 * @since 0.1
 */
public final class Message {
    private final Role role;
    private final @Nullable String content;
    private final List<ContentPart> parts;
    private final @Nullable String name;
    private final @Nullable String toolCallId;
    private final List<ToolCall> toolCalls;

    private Message(Role role, @Nullable String content, List<ContentPart> parts,
            @Nullable String name, @Nullable String toolCallId, List<ToolCall> toolCalls) {
        this.role = role;
        this.content = content;
        this.parts = List.copyOf(parts);
        this.name = name;
        this.toolCallId = toolCallId;
        this.toolCalls = List.copyOf(toolCalls);
    }

    /** Returns a system message. */
    public static Message system(String text) {
        return new Message(Role.SYSTEM, requireNonNull(text, "text"), List.of(), null, null,
                List.of());
    }

    /** Returns a user message with text content. */
    public static Message user(String text) {
        return new Message(Role.USER, requireNonNull(text, "text"), List.of(), null, null,
                List.of());
    }

    /** Returns a user message made of text and image parts. */
    public static Message user(List<ContentPart> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("A multi-part user message needs at least one part");
        }
        return new Message(Role.USER, null, parts, null, null, List.of());
    }

    /** Returns an assistant message with text content, for conversation history. */
    public static Message assistant(String text) {
        return new Message(Role.ASSISTANT, requireNonNull(text, "text"), List.of(), null, null,
                List.of());
    }

    /** Returns an assistant message that made tool calls; {@code text} may be null. */
    public static Message assistant(@Nullable String text, List<ToolCall> toolCalls) {
        return new Message(Role.ASSISTANT, text, List.of(), null, null, toolCalls);
    }

    /** Returns a tool message carrying the result of the call with this id. */
    public static Message tool(String toolCallId, String result) {
        return new Message(Role.TOOL, requireNonNull(result, "result"), List.of(), null,
                requireNonNull(toolCallId, "toolCallId"), List.of());
    }

    /** Returns a copy of this message with a participant name. */
    public Message withName(String name) {
        return new Message(role, content, parts, requireNonNull(name, "name"), toolCallId,
                toolCalls);
    }

    /** Returns the author. */
    public Role role() {
        return role;
    }

    /** Returns the text content, or null for a multi-part message or a bare tool-call message. */
    public @Nullable String content() {
        return content;
    }

    /** Returns the content parts; empty unless this is a multi-part message. */
    public List<ContentPart> parts() {
        return parts;
    }

    /** Returns the participant name, or null. */
    public @Nullable String name() {
        return name;
    }

    /** Returns the id of the tool call a tool message answers, or null. */
    public @Nullable String toolCallId() {
        return toolCallId;
    }

    /** Returns the tool calls of an assistant message; empty otherwise. */
    public List<ToolCall> toolCalls() {
        return toolCalls;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof Message m && role == m.role && Objects.equals(content, m.content)
                && parts.equals(m.parts) && Objects.equals(name, m.name)
                && Objects.equals(toolCallId, m.toolCallId) && toolCalls.equals(m.toolCalls);
    }

    @Override
    public int hashCode() {
        return Objects.hash(role, content, parts, name, toolCallId, toolCalls);
    }

    /** Describes the message without its content, which may be private. */
    @Override
    public String toString() {
        return "Message[role=" + role.wireName() + "]";
    }
}

package dev.grok4.model;

import static java.util.Objects.requireNonNull;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One part of a multi-part user message: text or an image.
 *
 * @since 0.1
 */
public final class ContentPart {
    private final Type type;
    private final @Nullable String text;
    private final @Nullable String imageUrl;
    private final @Nullable String detail;

    /** The kind of a content part. */
    public enum Type {
        /** Plain text. */
        TEXT,
        /** An image given by URL or as a {@code data:} URL. */
        IMAGE_URL
    }

    private ContentPart(Type type, @Nullable String text, @Nullable String url,
            @Nullable String detail) {
        this.type = type;
        this.text = text;
        this.imageUrl = url;
        this.detail = detail;
    }

    /** Returns a text part. */
    public static ContentPart text(String text) {
        return new ContentPart(Type.TEXT, requireNonNull(text, "text"), null, null);
    }

    /** Returns an image part; {@code url} is an {@code https:} or a base64 {@code data:} URL. */
    public static ContentPart imageUrl(String url) {
        return new ContentPart(Type.IMAGE_URL, null, requireNonNull(url, "url"), null);
    }

    /**
     * Returns an image part with a detail level.
     *
     * @param detail {@code "low"}, {@code "high"} or {@code "auto"}
     */
    public static ContentPart imageUrl(String url, String detail) {
        return new ContentPart(Type.IMAGE_URL, null, requireNonNull(url, "url"),
                requireNonNull(detail, "detail"));
    }

    /** Returns the kind of this part. */
    public Type type() {
        return type;
    }

    /** Returns the text of a {@link Type#TEXT} part, otherwise null. */
    public @Nullable String text() {
        return text;
    }

    /** Returns the URL of an {@link Type#IMAGE_URL} part, otherwise null. */
    public @Nullable String imageUrl() {
        return imageUrl;
    }

    /** Returns the detail level of an image part, or null when not set. */
    public @Nullable String detail() {
        return detail;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof ContentPart p && type == p.type && Objects.equals(text, p.text)
                && Objects.equals(imageUrl, p.imageUrl) && Objects.equals(detail, p.detail);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, text, imageUrl, detail);
    }

    @Override
    public String toString() {
        return type == Type.TEXT ? "ContentPart[text]" : "ContentPart[image_url]";
    }
}

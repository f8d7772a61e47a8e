package dev.grok4;

import static java.util.Objects.requireNonNull;

import dev.grok4.model.ChatResponse;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The result of one request of a batch: its response, or the error it failed with. A batch never
 * fails as a whole because of one item.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class BatchResult {
    private final int index;
    private final @Nullable ChatResponse response;
    private final @Nullable Grok4Exception error;

    private BatchResult(int index, @Nullable ChatResponse response,
            @Nullable Grok4Exception error) {
        if (index < 0) {
            throw new IllegalArgumentException("Invalid index: " + index + "; expected 0 or more");
        }
        this.index = index;
        this.response = response;
        this.error = error;
    }

    /** Returns a successful result for the request at {@code index}. */
    public static BatchResult success(int index, ChatResponse response) {
        return new BatchResult(index, requireNonNull(response, "response"), null);
    }

    /** Returns a failed result for the request at {@code index}. */
    public static BatchResult failure(int index, Grok4Exception error) {
        return new BatchResult(index, null, requireNonNull(error, "error"));
    }

    /** Returns the position of the request in the batch's input, from 0. */
    public int index() {
        return index;
    }

    /** Returns whether the request succeeded. */
    public boolean isSuccess() {
        return response != null;
    }

    /** Returns the response, or null when the request failed. */
    public @Nullable ChatResponse response() {
        return response;
    }

    /** Returns the error, or null when the request succeeded. */
    public @Nullable Grok4Exception error() {
        return error;
    }

    /**
     * Returns the response, or throws the error when the request failed.
     *
     * @throws Grok4Exception the item's error
     */
    public ChatResponse responseOrThrow() {
        if (response == null) {
            throw requireNonNull(error);
        }
        return response;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof BatchResult r && index == r.index
                && Objects.equals(response, r.response) && Objects.equals(error, r.error);
    }

    @Override
    public int hashCode() {
        return Objects.hash(index, response, error);
    }

    @Override
    public String toString() {
        return response != null
                ? "BatchResult[index=" + index + ", success]"
                : "BatchResult[index=" + index + ", failure=" + requireNonNull(error).kind()
                        .wireName() + "]";
    }
}

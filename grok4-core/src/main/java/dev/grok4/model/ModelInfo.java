package dev.grok4.model;

import static java.util.Objects.requireNonNull;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A model listed by {@code GET /models}.
 *
 * @since 0.1
 */
public final class ModelInfo {
    private final String id;
    private final @Nullable String ownedBy;
    private final @Nullable Long created;

    /** Creates a model entry. */
    public ModelInfo(String id, @Nullable String ownedBy, @Nullable Long created) {
        this.id = requireNonNull(id, "id");
        this.ownedBy = ownedBy;
        this.created = created;
    }

    /** Returns the model id to send in requests. */
    public String id() {
        return id;
    }

    /** Returns the owner, such as {@code xai}, or null. */
    public @Nullable String ownedBy() {
        return ownedBy;
    }

    /** Returns the creation time in epoch seconds, or null. */
    public @Nullable Long created() {
        return created;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof ModelInfo m && id.equals(m.id) && Objects.equals(ownedBy, m.ownedBy)
                && Objects.equals(created, m.created);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, ownedBy, created);
    }

    @Override
    public String toString() {
        return "ModelInfo[" + id + "]";
    }
}

package dev.grok4;

import static java.util.Objects.requireNonNull;

/**
 * How a batch runs: how many requests are in flight at once and who hears about progress.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class BatchOptions {
    private static final BatchOptions DEFAULTS = builder().build();

    private final int parallelism;
    private final BatchProgressListener progressListener;

    private BatchOptions(Builder b) {
        this.parallelism = b.parallelism;
        this.progressListener = b.progressListener;
    }

    /** Returns the defaults: the client's {@code maxConcurrent} in flight, no listener. */
    public static BatchOptions defaults() {
        return DEFAULTS;
    }

    /** Returns a builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns the requests in flight at once, or 0 for the client's {@code maxConcurrent}. */
    public int parallelism() {
        return parallelism;
    }

    /** Returns the progress listener; {@link BatchProgressListener#NONE} by default. */
    public BatchProgressListener progressListener() {
        return progressListener;
    }

    @Override
    public String toString() {
        return "BatchOptions[parallelism=" + parallelism + "]";
    }

    /**
     * Builds {@link BatchOptions}. Not thread-safe.
     *
     * @since 0.1
     */
    public static final class Builder {
        private int parallelism;
        private BatchProgressListener progressListener = BatchProgressListener.NONE;

        private Builder() {
        }

        /**
         * Sets the requests in flight at once; 0 (the default) means the client's
         * {@code maxConcurrent}.
         *
         * @throws IllegalArgumentException when negative
         */
        public Builder parallelism(int parallelism) {
            if (parallelism < 0) {
                throw new IllegalArgumentException("Invalid parallelism: " + parallelism
                        + "; expected 0 (the client's maxConcurrent) or more");
            }
            this.parallelism = parallelism;
            return this;
        }

        /** Sets the listener told after each item finishes. */
        public Builder progressListener(BatchProgressListener progressListener) {
            this.progressListener = requireNonNull(progressListener, "progressListener");
            return this;
        }

        /** Returns the options. */
        public BatchOptions build() {
            return new BatchOptions(this);
        }
    }
}

package dev.grok4;

/**
 * Hears how far a batch has got. Calls are never concurrent and {@code done} only grows, but
 * they come from whichever thread finished an item, so keep them short. An exception thrown here
 * is logged and ignored.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface BatchProgressListener {
    /** A listener that does nothing. */
    BatchProgressListener NONE = (done, total) -> { };

    /**
     * Called after each item finishes, whether it succeeded or failed.
     *
     * @param done items finished so far, 1 to {@code total}
     * @param total items in the batch
     */
    void onProgress(int done, int total);
}

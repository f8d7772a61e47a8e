package dev.grok4.testkit;

import java.time.Duration;
import java.util.List;

/** The simulator's fixed settings, chosen on its builder. */
record Settings(int streamChunkSize, Duration streamInterval, List<String> models,
        byte[] modelsJson) {

    static Settings of(int streamChunkSize, Duration streamInterval, List<String> models) {
        return new Settings(streamChunkSize, streamInterval, List.copyOf(models),
                Replies.models(models));
    }

    String defaultModel() {
        return models.isEmpty() ? "grok-4" : models.get(0);
    }
}

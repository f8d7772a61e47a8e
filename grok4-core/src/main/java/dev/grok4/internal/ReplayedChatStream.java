package dev.grok4.internal;

import dev.grok4.ChatStream;
import dev.grok4.model.ChatChunk;
import dev.grok4.model.ChatResponse;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/** A stream whose chunks are already known: a cached answer replayed. */
final class ReplayedChatStream implements ChatStream {
    private final List<ChatChunk> chunks;
    private final ChatResponse response;

    ReplayedChatStream(List<ChatChunk> chunks, ChatResponse response) {
        this.chunks = List.copyOf(chunks);
        this.response = response;
    }

    @Override
    public Iterator<ChatChunk> iterator() {
        return chunks.iterator();
    }

    @Override
    public Stream<ChatChunk> chunks() {
        return chunks.stream();
    }

    @Override
    public ChatResponse response() {
        return response;
    }

    @Override
    public void close() {}
}

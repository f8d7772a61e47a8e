package dev.grok4.internal.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Bounds the memory allocated per event on the hot path (event-stream parsing, chunk parsing
 * and accumulation). A bound on bytes, not on time: it does not depend on the machine's speed.
 */
class AllocationTest {
    private static final int EVENTS = 20_000;
    private static final long MAX_BYTES_PER_EVENT = 5 * 1024;

    @Test
    void aTypicalChunkAllocatesLessThanFiveKilobytes() {
        com.sun.management.ThreadMXBean threads = threadBean();
        List<ByteBuffer> reads = reads();
        run(reads);

        long before = threads.getCurrentThreadAllocatedBytes();
        int chunks = run(reads);
        long perEvent = (threads.getCurrentThreadAllocatedBytes() - before) / chunks;

        assertThat(chunks).isEqualTo(EVENTS);
        assertThat(perEvent).as("bytes allocated per event").isLessThan(MAX_BYTES_PER_EVENT);
    }

    private static int run(List<ByteBuffer> reads) {
        StreamSettings settings = new StreamSettings(StreamTestSupport::mapError,
                StreamErrors.defaultFailureMapper(UnaryOperator.identity()),
                UnaryOperator.identity(), System::nanoTime, System.nanoTime(), false, null,
                StreamObserver.NOOP, null, UnaryOperator.identity());
        ChunkReader reader = new ChunkReader(settings, new StreamCompletion(StreamObserver.NOOP));
        int chunks = 0;
        for (ByteBuffer read : reads) {
            reader.feed(List.of(read.duplicate()));
            while (reader.next() != null) {
                chunks++;
            }
        }
        return chunks;
    }

    /** A realistic xAI-shaped stream cut into 8 KB reads, as a socket delivers it. */
    private static List<ByteBuffer> reads() {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < EVENTS; i++) {
            body.append("data: {\"id\":\"9038c331-380a-921c-a4be-7dc9d250cf97\",\"object\":")
                    .append("\"chat.completion.chunk\",\"created\":1780935051,\"model\":")
                    .append("\"grok-4.3\",\"choices\":[{\"index\":0,\"delta\":{\"content\":")
                    .append("\" word").append(i % 100).append("\"}}],\"system_fingerprint\":")
                    .append("\"fp_eb3c003fc66c14ed\",\"service_tier\":\"default\"}\n\n");
        }
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        List<ByteBuffer> reads = new ArrayList<>();
        for (int offset = 0; offset < bytes.length; offset += 8192) {
            reads.add(ByteBuffer.wrap(bytes, offset, Math.min(8192, bytes.length - offset))
                    .slice());
        }
        return reads;
    }

    private static com.sun.management.ThreadMXBean threadBean() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        Assumptions.assumeTrue(bean instanceof com.sun.management.ThreadMXBean,
                "This JVM does not report allocated bytes per thread");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
        Assumptions.assumeTrue(threads.isThreadAllocatedMemorySupported());
        return threads;
    }
}

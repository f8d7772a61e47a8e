package dev.grok4.bench.jmh;

import dev.grok4.bench.load.FloorCodec;
import dev.grok4.internal.sse.SseParser;
import dev.grok4.internal.stream.ChunkFrame;
import dev.grok4.internal.stream.ChunkParser;
import dev.grok4.internal.stream.StreamAccumulator;
import dev.grok4.model.ChatChunk;
import dev.grok4.model.ChatResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One whole streamed reply (200 content events, about 53 KB) through the SSE parser, the chunk
 * parser and the accumulator, as the client does after the bytes arrive; beside it the floor's
 * line reader with Jackson data binding. Divide by 200 for figures per event.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class StreamBenchmark {
    private byte[] body;
    private List<ByteBuffer> pieces;

    /** Fetches the stream body once and cuts it into one buffer per event, as it arrives. */
    @Setup
    public void setUp() throws IOException, InterruptedException {
        body = Payloads.fetch().stream();
        pieces = new ArrayList<>();
        int start = 0;
        for (int i = 0; i + 1 < body.length; i++) {
            if (body[i] == '\n' && body[i + 1] == '\n') {
                pieces.add(ByteBuffer.wrap(body, start, i + 2 - start).slice());
                start = i + 2;
            }
        }
    }

    /** Core: SSE parse plus chunk parse plus accumulate, to the final response. */
    @Benchmark
    public ChatResponse parseAndAccumulate() throws IOException {
        SseParser sse = new SseParser();
        StreamAccumulator accumulator = new StreamAccumulator(System::nanoTime, System.nanoTime());
        for (ByteBuffer piece : pieces) {
            ByteBuffer in = piece.duplicate();
            SseParser.Signal signal;
            while ((signal = sse.parse(in)) == SseParser.Signal.EVENT) {
                ChunkFrame frame = ChunkParser.parse(sse.data(), 0, sse.dataLength());
                ChatChunk chunk = frame.chunk();
                if (chunk != null) {
                    accumulator.add(chunk);
                }
            }
            if (signal == SseParser.Signal.DONE) {
                break;
            }
        }
        return accumulator.response();
    }

    /** Core: the SSE parser alone over the same buffers. */
    @Benchmark
    public int sseOnly() {
        SseParser sse = new SseParser();
        int events = 0;
        for (ByteBuffer piece : pieces) {
            ByteBuffer in = piece.duplicate();
            while (sse.parse(in) == SseParser.Signal.EVENT) {
                events += sse.dataLength();
            }
        }
        return events;
    }

    /** The floor: lines, Jackson records and a {@code StringBuilder}. */
    @Benchmark
    public String floorReadStream() throws IOException {
        return FloorCodec.readStream(body);
    }
}

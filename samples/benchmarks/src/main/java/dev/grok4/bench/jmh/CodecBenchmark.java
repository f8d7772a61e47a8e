package dev.grok4.bench.jmh;

import dev.grok4.bench.load.FloorCodec;
import dev.grok4.bench.load.Workload;
import dev.grok4.internal.json.ChatJson;
import dev.grok4.model.ChatRequest;
import dev.grok4.model.ChatResponse;
import java.io.IOException;
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
 * Request serialisation and response parsing of one chat call: core's {@code ChatJson} beside
 * the floor's Jackson data binding. Run with {@code -prof gc} for bytes per operation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CodecBenchmark {
    private ChatRequest request;
    private byte[] reply;

    /** Builds the request and fetches the reply body once. */
    @Setup
    public void setUp() throws IOException, InterruptedException {
        request = Payloads.request(Workload.CHAT_MAX_TOKENS);
        reply = Payloads.fetch().chat();
    }

    /** Core: a {@code ChatRequest} to request bytes. */
    @Benchmark
    public byte[] writeRequest() {
        return ChatJson.writeRequest(request, false, false);
    }

    /** The floor: a request record to bytes with Jackson data binding. */
    @Benchmark
    public byte[] floorWriteRequest() throws IOException {
        return FloorCodec.writeRequest(false);
    }

    /** Core: a 1 KB reply body to a {@code ChatResponse}. */
    @Benchmark
    public ChatResponse readResponse() throws IOException {
        return ChatJson.readResponse(reply);
    }

    /** The floor: the same body to records. */
    @Benchmark
    public int floorReadResponse() throws IOException {
        return FloorCodec.readResponse(reply);
    }
}

package dev.grok4.testkit;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An OpenAI-compatible chat completions server on the loopback interface, for tests, demos and
 * benchmarks.
 *
 * <p>It speaks plain HTTP/1.1 with keep-alive and serves {@code POST /v1/chat/completions}
 * (also without {@code /v1}) and {@code GET /v1/models}. Each chat request takes the next
 * {@linkplain #enqueue(ScriptedResponse) scripted response}; when the queue is empty it may get
 * an injected {@linkplain #faults(FaultProfile) fault}, and otherwise it gets a deterministic
 * reply derived from the model and the messages, streamed as server-sent events when the request
 * says {@code "stream": true}. A reply quotes the last user message and is padded with filler
 * words up to {@code max_completion_tokens} (or {@code max_tokens}, else 20 tokens).
 *
 * <pre>{@code
 * try (Grok4Simulator simulator = Grok4Simulator.start()) {
 *     URI baseUrl = simulator.baseUrl(); // http://127.0.0.1:PORT/v1
 *     simulator.enqueue(ScriptedResponse.json(503, "{\"error\":{\"message\":\"busy\"}}"));
 *     // ... call the client, then inspect simulator.requests()
 * }
 * }</pre>
 *
 * <p>All methods are thread-safe. Every connection is served on its own daemon thread from a
 * cached pool. Always {@link #close()} the simulator; it closes every open connection.
 *
 * @since 0.1
 */
public final class Grok4Simulator implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Grok4Simulator.class.getName());
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final ServerSocket serverSocket;
    private final SimulatorState state;
    private final Router router;
    private final ExecutorService pool;
    private final Set<Socket> openSockets = ConcurrentHashMap.newKeySet();
    private final URI baseUrl;
    private volatile boolean closed;

    private Grok4Simulator(Builder builder) throws IOException {
        this.state = new SimulatorState(builder.latency, builder.faults);
        this.router = new Router(state, Settings.of(builder.streamChunkSize,
                builder.streamInterval, builder.models));
        this.serverSocket = bind(builder.port);
        this.baseUrl = URI.create("http://127.0.0.1:" + serverSocket.getLocalPort() + "/v1");
        this.pool = Executors.newCachedThreadPool(threads(serverSocket.getLocalPort()));
        pool.execute(this::acceptLoop);
        LOG.log(Level.DEBUG, () -> "grok4 simulator listening on " + baseUrl);
    }

    /**
     * Starts a simulator on a free loopback port with default settings.
     *
     * @return the running simulator
     * @throws UncheckedIOException if no port could be bound
     */
    public static Grok4Simulator start() {
        return builder().start();
    }

    /**
     * Returns a builder for a simulator with custom settings.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the base URL to configure clients with: {@code http://127.0.0.1:PORT/v1}, without
     * a trailing slash.
     *
     * @return the base URL
     */
    public URI baseUrl() {
        return baseUrl;
    }

    /**
     * Returns the bound port.
     *
     * @return the port
     */
    public int port() {
        return serverSocket.getLocalPort();
    }

    /**
     * Queues a response for a later chat completion request. Requests take queued responses in
     * FIFO order; faults are not injected while the queue holds anything.
     *
     * @param response the response to serve
     */
    public void enqueue(ScriptedResponse response) {
        state.enqueue(requireNonNull(response, "response"));
    }

    /**
     * Queues several responses in list order.
     *
     * @param responses the responses to serve
     */
    public void enqueueAll(List<ScriptedResponse> responses) {
        for (ScriptedResponse response : List.copyOf(responses)) {
            state.enqueue(response);
        }
    }

    /**
     * Replaces the latency profile; requests that arrive afterwards use it.
     *
     * @param profile the new profile, {@link LatencyProfile#none()} for no delay
     */
    public void latency(LatencyProfile profile) {
        state.latency(requireNonNull(profile, "profile"));
    }

    /**
     * Replaces the fault profile and restarts its sequence of rolls.
     *
     * @param profile the new profile, {@link FaultProfile#none()} for no faults
     */
    public void faults(FaultProfile profile) {
        state.faults(requireNonNull(profile, "profile"));
    }

    /**
     * Returns the requests received so far, oldest first: every method and path. Only the most
     * recent 10,000 are kept, so long benchmarks don't grow the heap.
     *
     * @return an immutable snapshot
     */
    public List<RecordedRequest> requests() {
        return state.requests();
    }

    /**
     * Returns how many chat completion POSTs arrived since start or the last {@link #reset()},
     * including ones answered by scripts or faults. Exact, unlike the bounded request log.
     *
     * @return the count
     */
    public int requestCount() {
        return state.chatRequests();
    }

    /**
     * Returns how many client sockets are accepted and not yet closed. It drops back once
     * clients close their connections, after the simulator notices the end of the stream.
     *
     * @return the open connection count
     */
    public int openConnections() {
        return state.openConnections();
    }

    /**
     * Returns the largest number of chat completion requests handled at the same time since
     * start or the last {@link #reset()}.
     *
     * @return the peak concurrency
     */
    public int maxConcurrentRequests() {
        return state.peakChats();
    }

    /**
     * Clears the scripted queue, the request log, the counters and the fault profile. The
     * latency profile and open connections are kept.
     */
    public void reset() {
        state.reset();
    }

    /**
     * Stops accepting, closes every open connection and stops the connection threads. Requests
     * in flight fail on the client side. Calling it again has no effect.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        closeQuietly(serverSocket);
        for (Socket socket : openSockets) {
            closeQuietly(socket);
        }
        pool.shutdownNow();
        try {
            pool.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "Grok4Simulator[" + baseUrl + (closed ? ", closed]" : "]");
    }

    private void acceptLoop() {
        while (!closed) {
            Socket socket;
            try {
                socket = serverSocket.accept();
            } catch (IOException e) {
                if (!closed) {
                    LOG.log(Level.ERROR, "simulator stopped accepting connections", e);
                }
                return;
            }
            dispatch(socket);
        }
    }

    private void dispatch(Socket socket) {
        state.connectionOpened();
        openSockets.add(socket);
        try {
            if (closed) {
                throw new RejectedExecutionException("simulator closed");
            }
            pool.execute(new Connection(socket, router, state, openSockets));
        } catch (RejectedExecutionException e) {
            openSockets.remove(socket);
            closeQuietly(socket);
            state.connectionClosed();
        }
    }

    private static ServerSocket bind(int port) throws IOException {
        ServerSocket socket = new ServerSocket();
        try {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 512);
            return socket;
        } catch (IOException e) {
            closeQuietly(socket);
            throw e;
        }
    }

    private static ThreadFactory threads(int port) {
        AtomicInteger count = new AtomicInteger();
        int instance = INSTANCES.incrementAndGet();
        return task -> {
            Thread thread = new Thread(task,
                    "grok4-simulator-" + instance + "-" + port + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private static void closeQuietly(java.io.Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            LOG.log(Level.DEBUG, () -> "could not close " + closeable + ": " + e);
        }
    }

    /**
     * Settings for a new simulator. Not thread-safe.
     *
     * @since 0.1
     */
    public static final class Builder {
        private int port;
        private LatencyProfile latency = LatencyProfile.none();
        private FaultProfile faults = FaultProfile.none();
        private int streamChunkSize = 4;
        private Duration streamInterval = Duration.ZERO;
        private List<String> models = List.of("grok-4", "grok-3", "grok-3-mini");

        private Builder() {
        }

        /**
         * Sets the loopback port. Defaults to 0, which picks a free port.
         *
         * @param port 0 to 65535
         * @return this builder
         * @throws IllegalArgumentException if the port is out of range
         */
        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be in [0, 65535], got " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * Sets the initial latency profile. Defaults to {@link LatencyProfile#none()}.
         *
         * @param latency the profile
         * @return this builder
         */
        public Builder latency(LatencyProfile latency) {
            this.latency = requireNonNull(latency, "latency");
            return this;
        }

        /**
         * Sets the initial fault profile. Defaults to {@link FaultProfile#none()}. Note that
         * {@link Grok4Simulator#reset()} clears it.
         *
         * @param faults the profile
         * @return this builder
         */
        public Builder faults(FaultProfile faults) {
            this.faults = requireNonNull(faults, "faults");
            return this;
        }

        /**
         * Sets how many code points each streamed content delta carries. Defaults to 4.
         *
         * @param codePoints at least 1
         * @return this builder
         * @throws IllegalArgumentException if the size is less than 1
         */
        public Builder streamChunkSize(int codePoints) {
            if (codePoints < 1) {
                throw new IllegalArgumentException(
                        "streamChunkSize must be at least 1, got " + codePoints);
            }
            this.streamChunkSize = codePoints;
            return this;
        }

        /**
         * Sets the pause between streamed events. Defaults to zero.
         *
         * @param interval the pause; not negative
         * @return this builder
         * @throws IllegalArgumentException if the interval is negative
         */
        public Builder streamInterval(Duration interval) {
            requireNonNull(interval, "interval");
            if (interval.isNegative()) {
                throw new IllegalArgumentException(
                        "streamInterval must not be negative, got " + interval);
            }
            this.streamInterval = interval;
            return this;
        }

        /**
         * Sets the model ids that {@code GET /v1/models} lists. The first one is used when a
         * chat request names no model. Defaults to {@code grok-4}, {@code grok-3} and
         * {@code grok-3-mini}. Chat requests for other models are answered too.
         *
         * @param models the model ids
         * @return this builder
         */
        public Builder models(List<String> models) {
            this.models = List.copyOf(models);
            return this;
        }

        /**
         * Binds the port and starts serving.
         *
         * @return the running simulator
         * @throws UncheckedIOException if the port could not be bound
         */
        public Grok4Simulator start() {
            try {
                return new Grok4Simulator(this);
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the simulator on 127.0.0.1:"
                        + port + "; pick another port or use 0 for a free one", e);
            }
        }
    }
}

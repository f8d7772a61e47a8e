package dev.grok4.testkit;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Serves the requests of one accepted socket, one after another, on a pool thread. */
final class Connection implements Runnable {
    private static final System.Logger LOG = System.getLogger(Grok4Simulator.class.getName());
    private static final int BUFFER = 16 * 1024;
    private static final byte[] CONTINUE =
            "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final Socket socket;
    private final Router router;
    private final SimulatorState state;
    private final Set<Socket> openSockets;

    Connection(Socket socket, Router router, SimulatorState state, Set<Socket> openSockets) {
        this.socket = socket;
        this.router = router;
        this.state = state;
        this.openSockets = openSockets;
    }

    @Override
    public void run() {
        try {
            serve();
        } catch (IOException e) {
            LOG.log(Level.DEBUG, () -> "simulator connection ended: " + e);
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "simulator failed while serving a request", e);
        } finally {
            closeQuietly();
            openSockets.remove(socket);
            state.connectionClosed();
        }
    }

    private void serve() throws IOException {
        socket.setTcpNoDelay(true);
        BufferedInputStream in = new BufferedInputStream(socket.getInputStream(), BUFFER);
        BufferedOutputStream out = new BufferedOutputStream(socket.getOutputStream(), BUFFER);
        HttpRequestReader reader = new HttpRequestReader(in);
        HttpResponseWriter writer = new HttpResponseWriter(out);
        while (true) {
            IncomingRequest request;
            try {
                request = read(reader, out);
            } catch (MalformedRequestException e) {
                writer.writeJson(400, Replies.error("Malformed HTTP request: " + e.getMessage(),
                        "invalid_request_error", null, "bad_request"), List.of(), true);
                return;
            }
            if (request == null) {
                return;
            }
            Outcome outcome = router.handle(request, writer, request.keepAlive());
            if (outcome == Outcome.RESET) {
                socket.setSoLinger(true, 0);
                return;
            }
            if (outcome == Outcome.CLOSE) {
                return;
            }
        }
    }

    private static @Nullable IncomingRequest read(
            HttpRequestReader reader, BufferedOutputStream out) throws IOException {
        HttpRequestReader.Head head = reader.readHead();
        if (head == null) {
            return null;
        }
        if (head.expectsContinue()) {
            out.write(CONTINUE);
            out.flush();
        }
        return new IncomingRequest(head.method(), head.target(), head.version(), head.headers(),
                reader.readBody(head));
    }

    private void closeQuietly() {
        try {
            socket.close();
        } catch (IOException e) {
            LOG.log(Level.DEBUG, () -> "could not close a simulator socket: " + e);
        }
    }
}

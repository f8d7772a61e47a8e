package dev.grok4.testkit;

import java.io.IOException;

/** Writes a scripted response with its pieces, pauses and cuts. */
final class ScriptedWriter {
    private ScriptedWriter() {
    }

    static Outcome write(ScriptedResponse response, HttpResponseWriter writer, boolean keepAlive)
            throws IOException {
        if (response.kind() == ScriptedResponse.Kind.DROP) {
            return Outcome.RESET;
        }
        boolean chunked = response.kind() == ScriptedResponse.Kind.CHUNKED;
        byte[] body = response.bodyBytes();
        boolean cut = response.cutAfter() >= 0;
        writer.writeHead(response.status(), response.contentType(), response.headers(),
                chunked ? -1 : body.length, !keepAlive);
        writeBody(response, writer, chunked);
        if (cut) {
            writer.flush();
            return Outcome.CLOSE;
        }
        if (chunked) {
            writer.endChunks();
        }
        writer.flush();
        return keepAlive ? Outcome.KEEP_OPEN : Outcome.CLOSE;
    }

    private static void writeBody(ScriptedResponse response, HttpResponseWriter writer,
            boolean chunked) throws IOException {
        byte[] body = response.bodyBytes();
        int limit = response.cutAfter() >= 0 ? Math.min(response.cutAfter(), body.length)
                : body.length;
        int piece = response.pieceSize() > 0 ? response.pieceSize() : Math.max(limit, 1);
        for (int offset = 0; offset < limit; offset += piece) {
            if (offset > 0) {
                Pause.sleep(response.pause());
            }
            int length = Math.min(piece, limit - offset);
            if (chunked) {
                writer.writeChunk(body, offset, length);
            } else {
                writer.writeRaw(body, offset, length);
            }
            if (response.pieceSize() > 0) {
                writer.flush();
            }
        }
    }
}

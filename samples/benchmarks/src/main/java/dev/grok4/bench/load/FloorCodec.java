package dev.grok4.bench.load;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The floor client's JSON work on its own, for the microbenchmarks to set beside core's codec:
 * Jackson data binding into plain records, and event lines read with a {@link BufferedReader}.
 *
 * @since 0.1
 */
public final class FloorCodec {
    private FloorCodec() {
    }

    /**
     * Encodes the workload's request as the floor does.
     *
     * @throws IOException never in practice; Jackson declares it
     */
    public static byte[] writeRequest(boolean stream) throws IOException {
        return JdkDriver.MAPPER.writeValueAsBytes(new JdkDriver.Body(Workload.MODEL,
                List.of(new JdkDriver.Msg("user", Workload.PROMPT)), Workload.CHAT_MAX_TOKENS,
                stream ? Boolean.TRUE : null, stream ? new JdkDriver.StreamOptions(true) : null));
    }

    /**
     * Reads a chat completion body into records.
     *
     * @return the reply's content length
     * @throws IOException if the body is not a completion
     */
    public static int readResponse(byte[] body) throws IOException {
        JdkDriver.Completion completion = JdkDriver.MAPPER.readValue(body,
                JdkDriver.Completion.class);
        String content = completion.choices().get(0).message().content();
        return content == null ? 0 : content.length();
    }

    /**
     * Reads a whole event-stream body line by line, binding each chunk and appending its text.
     *
     * @return the accumulated content
     * @throws IOException if an event is not a chunk
     */
    public static String readStream(byte[] body) throws IOException {
        JdkDriver.Chunk last = null;
        StringBuilder text = new StringBuilder(1024);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new ByteArrayInputStream(body), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith("data: ") && !line.equals("data: [DONE]")) {
                    last = JdkDriver.MAPPER.readValue(line.substring(6), JdkDriver.Chunk.class);
                    appendContent(last, text);
                }
            }
        }
        return text.toString();
    }

    private static void appendContent(JdkDriver.Chunk chunk, StringBuilder text) {
        if (!chunk.choices().isEmpty() && chunk.choices().get(0).delta() != null) {
            String content = chunk.choices().get(0).delta().content();
            text.append(content == null ? "" : content);
        }
    }
}

package dev.grok4.internal.stream;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/** Loads the recorded event streams from the shared fixtures folder. */
final class RecordedFixtures {

    /** One recorded stream: its name and its raw event-stream body. */
    record Recording(String name, String body) {
        @Override
        public String toString() {
            return name;
        }
    }

    private RecordedFixtures() {}

    /**
     * Returns every recorded chat-completions stream; skips the calling test when the shared
     * folder is absent, and fails instead under {@code CI=true}.
     */
    static List<Recording> all() throws IOException {
        Path recorded = recordedDir();
        List<Recording> recordings = new ArrayList<>();
        recordings.addAll(vercel(recorded.resolve("vercel-ai")));
        recordings.addAll(rubyLlm(recorded.resolve("ruby_llm")));
        if (recordings.isEmpty()) {
            throw new IllegalStateException("No recorded streams found under " + recorded);
        }
        return recordings;
    }

    static Path recordedDir() {
        String shared = System.getProperty("grok4.shared.dir");
        Path dir = shared == null ? null : Path.of(shared, "fixtures", "recorded");
        if (dir == null || !Files.isDirectory(dir)) {
            String message = "Recorded fixtures not found at " + dir
                    + " (system property grok4.shared.dir); skipping the recorded-stream tests";
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(message + " is not allowed under CI=true");
            }
            Assumptions.abort(message);
        }
        return dir;
    }

    private static List<Recording> vercel(Path root) throws IOException {
        List<Recording> recordings = new ArrayList<>();
        for (Path file : files(root, ".chunks.txt")) {
            if (root.relativize(file).startsWith("xai-responses")) {
                continue;
            }
            StringBuilder body = new StringBuilder();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    body.append("data: ").append(line).append("\n\n");
                }
            }
            body.append("data: [DONE]\n\n");
            recordings.add(new Recording(root.relativize(file).toString(), body.toString()));
        }
        return recordings;
    }

    private static List<Recording> rubyLlm(Path root) throws IOException {
        List<Recording> recordings = new ArrayList<>();
        for (Path file : files(root, ".yml")) {
            if (root.relativize(file).startsWith("responses-api")) {
                continue;
            }
            int i = 0;
            for (Map<String, Object> response : responses(file)) {
                String body = body(response);
                if (body != null && (isEventStream(response) || body.startsWith("data:"))) {
                    recordings.add(new Recording(file.getFileName() + "#" + i, body));
                }
                i++;
            }
        }
        return recordings;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> responses(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            Map<String, Object> cassette = new Yaml(new BinaryAsText()).load(in);
            List<Map<String, Object>> interactions =
                    (List<Map<String, Object>>) cassette.get("http_interactions");
            List<Map<String, Object>> responses = new ArrayList<>();
            for (Map<String, Object> interaction : interactions) {
                responses.add((Map<String, Object>) interaction.get("response"));
            }
            return responses;
        }
    }

    @SuppressWarnings("unchecked")
    private static String body(Map<String, Object> response) {
        Map<String, Object> body = (Map<String, Object>) response.get("body");
        return body == null ? null : (String) body.get("string");
    }

    @SuppressWarnings("unchecked")
    private static boolean isEventStream(Map<String, Object> response) {
        Map<String, Object> headers = (Map<String, Object>) response.get("headers");
        if (headers == null) {
            return false;
        }
        return headers.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase("content-type"))
                .anyMatch(e -> String.valueOf(e.getValue()).contains("text/event-stream"));
    }

    private static List<Path> files(Path root, String suffix) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted()
                    .toList();
        }
    }

    /** Reads Ruby's {@code !binary} base64 scalars as UTF-8 text. */
    private static final class BinaryAsText extends SafeConstructor {
        BinaryAsText() {
            super(new LoaderOptions());
            yamlConstructors.put(new Tag("!binary"), new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    String base64 = ((ScalarNode) node).getValue();
                    return new String(Base64.getMimeDecoder().decode(base64),
                            StandardCharsets.UTF_8);
                }
            });
        }
    }
}

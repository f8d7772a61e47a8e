package dev.grok4.internal.capabilities;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.grok4.internal.json.Json;
import dev.grok4.model.ChatRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which request parameters each model rejects, as data: the built-in table
 * {@code dev/grok4/model-capabilities.json} with the rows of an optional override file on top.
 *
 * <p>A model uses the row whose name is its longest prefix, so {@code grok-4-0709} uses
 * {@code grok-4}. A model with no row accepts every parameter. Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class ModelCapabilities {
    /** The built-in table, on the class path. */
    public static final String RESOURCE = "/dev/grok4/model-capabilities.json";

    private static final System.Logger LOG = System.getLogger(ModelCapabilities.class.getName());

    private final Map<String, Set<String>> unsupported;

    private ModelCapabilities(Map<String, Set<String>> unsupported) {
        this.unsupported = Map.copyOf(unsupported);
    }

    /**
     * Loads the built-in table and applies the override file's rows, which replace built-in rows
     * of the same name.
     *
     * @throws IllegalArgumentException naming the file and the problem if the override file is
     *     unreadable, not of the expected shape, or names an unknown parameter
     */
    public static ModelCapabilities load(@Nullable Path overrideFile) {
        Map<String, Set<String>> rows = new HashMap<>();
        try (InputStream in = ModelCapabilities.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The resource " + RESOURCE + " is missing");
            }
            rows.putAll(read(Json.FACTORY.createParser(in), RESOURCE));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + RESOURCE, e);
        }
        if (overrideFile != null) {
            rows.putAll(readFile(overrideFile));
        }
        return new ModelCapabilities(rows);
    }

    private static Map<String, Set<String>> readFile(Path file) {
        try (JsonParser p = Json.FACTORY.createParser(Files.newInputStream(file))) {
            return read(p, file.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException("Invalid capabilitiesFile: " + file
                    + " could not be read as JSON (" + e.getMessage() + "); expected"
                    + " {\"models\":{\"<model>\":{\"unsupported\":[\"<parameter>\"]}}}", e);
        }
    }

    private static Map<String, Set<String>> read(JsonParser p, String source) throws IOException {
        Map<String, Set<String>> rows = new HashMap<>();
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw shape(source, "the document is not a JSON object");
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            if (field.equals("models") && p.currentToken() == JsonToken.START_OBJECT) {
                readModels(p, source, rows);
            } else {
                p.skipChildren();
            }
        }
        return rows;
    }

    private static void readModels(JsonParser p, String source, Map<String, Set<String>> rows)
            throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String model = p.currentName();
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw shape(source, "the row of '" + model + "' is not an object");
            }
            Set<String> params = new LinkedHashSet<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                if (field.equals("unsupported")) {
                    params.addAll(readNames(p, source, model));
                } else {
                    p.skipChildren();
                }
            }
            rows.put(model, Collections.unmodifiableSet(params));
        }
    }

    private static List<String> readNames(JsonParser p, String source, String model)
            throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw shape(source, "'unsupported' of '" + model + "' is not an array");
        }
        List<String> names = new ArrayList<>();
        while (p.nextToken() == JsonToken.VALUE_STRING) {
            String name = p.getText();
            if (!Parameter.isKnown(name)) {
                throw shape(source, "'" + model + "' lists the unknown parameter '" + name
                        + "'; known parameters are " + Parameter.names());
            }
            names.add(name);
        }
        if (p.currentToken() != JsonToken.END_ARRAY) {
            throw shape(source, "'unsupported' of '" + model + "' holds a value that is not a"
                    + " string");
        }
        return names;
    }

    private static IllegalArgumentException shape(String source, String problem) {
        return new IllegalArgumentException("Invalid capabilitiesFile: " + source + ": " + problem
                + "; expected {\"models\":{\"<model>\":{\"unsupported\":[\"<parameter>\"]}}}");
    }

    /** Returns the parameters this model rejects, by longest matching prefix; may be empty. */
    public Set<String> unsupported(String model) {
        String best = null;
        for (String prefix : unsupported.keySet()) {
            if (model.startsWith(prefix) && (best == null || prefix.length() > best.length())) {
                best = prefix;
            }
        }
        return best == null ? Set.of() : unsupported.get(best);
    }

    /**
     * Checks a request whose model is set against its model's row.
     *
     * @param drop whether to drop unsupported parameters (logged at DEBUG) instead of failing
     * @return the request, or a copy without the dropped parameters
     * @throws IllegalArgumentException naming the first unsupported parameter and the model
     */
    public ChatRequest apply(ChatRequest request, boolean drop) {
        String model = request.model() == null ? "" : request.model();
        Set<String> rejected = unsupported(model);
        if (rejected.isEmpty()) {
            return request;
        }
        ChatRequest.Builder copy = null;
        for (String name : rejected) {
            Parameter parameter = Parameter.of(name);
            if (!parameter.isSet(request)) {
                continue;
            }
            if (!drop) {
                throw new IllegalArgumentException(model + " does not support " + name
                        + "; remove it or set dropUnsupportedParameters");
            }
            copy = copy == null ? request.toBuilder() : copy;
            parameter.clear(copy);
            LOG.log(Level.DEBUG, "Dropped {0}, which {1} does not support", name, model);
        }
        return copy == null ? request : copy.build();
    }
}

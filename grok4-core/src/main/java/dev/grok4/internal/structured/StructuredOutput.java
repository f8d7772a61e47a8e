package dev.grok4.internal.structured;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import dev.grok4.StructuredOutputException;
import dev.grok4.model.ResponseFormat;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Structured output: a JSON schema for a class, sent as {@code response_format}, and the reply
 * read back into an instance.
 *
 * <p>Schemas are Draft 2020-12, suitable for strict mode: every property is required and no
 * other property is allowed. Records and plain classes with fields both work. Replies are read
 * with a mapper owned by this class, never the application's, so its settings cannot change what
 * a reply means. Formats are cached per class. Thread-safe.
 *
 * @since 0.1
 */
public final class StructuredOutput {
    private final SchemaGenerator generator;
    private final ObjectMapper mapper;
    private final ConcurrentMap<Class<?>, ResponseFormat> formats = new ConcurrentHashMap<>();

    /** Creates the generator and the mapper. */
    public StructuredOutput() {
        SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(
                SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON)
                .with(Option.FORBIDDEN_ADDITIONAL_PROPERTIES_BY_DEFAULT)
                .without(Option.SCHEMA_VERSION_INDICATOR);
        config.forFields().withRequiredCheck(field -> true);
        this.generator = new SchemaGenerator(config.build());
        this.mapper = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    /** Returns the strict {@code json_schema} response format for a class. */
    public ResponseFormat formatFor(Class<?> type) {
        return formats.computeIfAbsent(type, this::generate);
    }

    private ResponseFormat generate(Class<?> type) {
        ObjectNode schema = generator.generateSchema(type);
        return ResponseFormat.jsonSchema(schemaName(type), schema.toString(), true);
    }

    /** Returns a schema name from the class's simple name: letters, digits, _ and -, ≤ 64. */
    static String schemaName(Class<?> type) {
        String name = type.getSimpleName().replaceAll("[^A-Za-z0-9_-]", "_");
        if (name.isEmpty()) {
            name = "response";
        }
        return name.length() <= 64 ? name : name.substring(0, 64);
    }

    /**
     * Reads a reply into the class. A reply wrapped in a Markdown code fence is unwrapped first,
     * as some models add one even in JSON mode.
     *
     * @throws StructuredOutputException carrying the raw reply if it does not fit
     */
    public <T> T read(String content, Class<T> type) {
        String json = unfence(content.strip());
        try {
            T value = mapper.readValue(json, type);
            if (value == null) {
                throw new StructuredOutputException("The reply is JSON null, not a "
                        + type.getSimpleName(), null, content);
            }
            return value;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new StructuredOutputException("The reply does not fit " + type.getName()
                    + ": " + e.getOriginalMessage(), e, content);
        }
    }

    private static String unfence(String text) {
        if (!text.startsWith("```") || !text.endsWith("```") || text.length() < 6) {
            return text;
        }
        int firstLineEnd = text.indexOf('\n');
        if (firstLineEnd < 0) {
            return text;
        }
        return text.substring(firstLineEnd + 1, text.length() - 3).strip();
    }
}

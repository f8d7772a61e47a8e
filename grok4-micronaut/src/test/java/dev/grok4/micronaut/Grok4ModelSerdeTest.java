package dev.grok4.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import dev.grok4.model.ChatResponse;
import dev.grok4.model.Usage;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.beans.BeanIntrospector;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.serde.annotation.SerdeImport;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class Grok4ModelSerdeTest {
    private static final String MODEL_PATH = "dev/grok4/model/";

    @Test
    void everyModelTypeIsImported() throws Exception {
        List<Class<?>> modelTypes = modelTypes();
        List<Class<?>> imported = Arrays.stream(
                Grok4ModelSerde.class.getAnnotationsByType(SerdeImport.class))
                .<Class<?>>map(SerdeImport::value)
                .toList();

        assertThat(modelTypes).contains(Usage.class);
        assertThat(imported).containsAll(modelTypes);
    }

    @Test
    void everyModelTypeHasAnIntrospection() throws Exception {
        for (Class<?> type : modelTypes()) {
            assertThat(BeanIntrospector.SHARED.findIntrospection(type)).as(type.getName())
                    .isPresent();
        }
    }

    @Test
    void writesCoreTypesWithTheirProperties() throws Exception {
        Usage usage = new Usage(12, 3, 15, null, null, null);
        ChatResponse response = ChatResponse.builder().model("grok-4").usage(usage).build();

        try (ApplicationContext context = ApplicationContext.run()) {
            ObjectMapper json = context.getBean(ObjectMapper.class);
            Map<String, Object> written = json.readValue(json.writeValueAsString(response),
                    Argument.mapOf(String.class, Object.class));

            assertThat(written).containsEntry("model", "grok-4")
                    .doesNotContainKeys("hashCode", "toString", "toBuilder");
            assertThat(written.get("usage")).isEqualTo(Map.of("promptTokens", 12,
                    "completionTokens", 3, "totalTokens", 15, "inputTokens", 12,
                    "outputTokens", 3));
            assertThat(json.readValue(json.writeValueAsString(usage), Usage.class))
                    .isEqualTo(usage);
        }
    }

    /** The public types of core's model package, found on the class path, builders excepted. */
    static List<Class<?>> modelTypes() throws IOException, URISyntaxException {
        List<String> entries = new ArrayList<>();
        for (URL root : Collections.list(loader().getResources(MODEL_PATH))) {
            entries.addAll(root.getProtocol().equals("jar") ? jarEntries(root) : dirEntries(root));
        }
        return entries.stream()
                .filter(name -> name.endsWith(".class"))
                .map(name -> name.substring(0, name.length() - ".class".length()))
                .filter(name -> !name.equals("package-info") && !name.endsWith("$Builder"))
                .<Class<?>>map(name -> load("dev.grok4.model." + name))
                .filter(type -> Modifier.isPublic(type.getModifiers()))
                .toList();
    }

    private static List<String> jarEntries(URL root) throws IOException {
        JarURLConnection connection = (JarURLConnection) root.openConnection();
        connection.setUseCaches(false);
        try (JarFile jar = connection.getJarFile()) {
            return jar.stream()
                    .map(entry -> entry.getName())
                    .filter(name -> name.startsWith(MODEL_PATH))
                    .map(name -> name.substring(MODEL_PATH.length()))
                    .filter(name -> !name.contains("/"))
                    .toList();
        }
    }

    private static List<String> dirEntries(URL root) throws IOException, URISyntaxException {
        try (Stream<Path> files = Files.list(Path.of(root.toURI()))) {
            return files.map(file -> file.getFileName().toString()).toList();
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, loader());
        } catch (ClassNotFoundException e) {
            throw new AssertionError(name, e);
        }
    }

    private static ClassLoader loader() {
        return Grok4ModelSerdeTest.class.getClassLoader();
    }
}

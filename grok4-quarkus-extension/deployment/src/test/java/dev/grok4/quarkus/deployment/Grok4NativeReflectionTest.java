package dev.grok4.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.grok4.Grok4Exception;
import dev.grok4.model.ChatRequest;
import io.quarkus.builder.BuildContext;
import io.quarkus.builder.BuildStep;
import io.quarkus.deployment.builditem.GeneratedResourceBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveClassBuildItem;
import io.quarkus.test.QuarkusUnitTest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.Index;
import org.jboss.jandex.Indexer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every class of core's model package and every core exception is registered for reflection.
 *
 * <p>The expected set comes from a Jandex index this test builds itself over core's compiled
 * classes; the actual set is every {@link ReflectiveClassBuildItem} of the build, captured by
 * an extra build step and handed to the test as a generated resource.
 */
class Grok4NativeReflectionTest {
    private static final String CAPTURED = "grok4-test/reflective-classes.txt";

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withEmptyApplication()
            .overrideConfigKey("quarkus.grok4.devservices.enabled", "false")
            .addBuildChainCustomizer(chain -> chain.addBuildStep(new CaptureReflectiveClasses())
                    .consumes(ReflectiveClassBuildItem.class)
                    .produces(GeneratedResourceBuildItem.class)
                    .build());

    @Test
    void everyModelClassIsRegistered() throws IOException {
        Index core = indexCoreClasses();
        Set<String> expected = new TreeSet<>();
        for (ClassInfo type : core.getKnownClasses()) {
            if (type.name().toString().startsWith("dev.grok4.model.")) {
                expected.add(type.name().toString());
            }
        }

        assertThat(expected).contains(ChatRequest.class.getName(),
                ChatRequest.Builder.class.getName(), "dev.grok4.model.ChatChunk",
                "dev.grok4.model.Usage");
        assertThat(captured()).containsAll(expected);
    }

    @Test
    void everyExceptionIsRegistered() throws IOException {
        Index core = indexCoreClasses();
        Set<String> expected = new TreeSet<>();
        expected.add(Grok4Exception.class.getName());
        DotName root = DotName.createSimple(Grok4Exception.class);
        for (ClassInfo error : core.getAllKnownSubclasses(root)) {
            expected.add(error.name().toString());
        }

        assertThat(expected).contains("dev.grok4.RateLimitedException",
                "dev.grok4.AuthenticationException", "dev.grok4.StreamTruncatedException");
        assertThat(captured()).containsAll(expected);
    }

    /** Indexes the .class files of dev/grok4 and dev/grok4/model where core was loaded from. */
    private static Index indexCoreClasses() throws IOException {
        Path location = codeSource(ChatRequest.class);
        if (Files.isDirectory(location)) {
            return index(location);
        }
        try (FileSystem jar = FileSystems.newFileSystem(location, Map.of())) {
            return index(jar.getPath("/"));
        }
    }

    private static Index index(Path root) throws IOException {
        Indexer indexer = new Indexer();
        for (String folder : new String[] {"dev/grok4", "dev/grok4/model"}) {
            try (Stream<Path> files = Files.list(root.resolve(folder))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                    try (InputStream in = Files.newInputStream(file)) {
                        indexer.index(in);
                    }
                }
            }
        }
        return indexer.complete();
    }

    private static Path codeSource(Class<?> type) {
        try {
            URI uri = type.getProtectionDomain().getCodeSource().getLocation().toURI();
            return Path.of(uri);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<String> captured() throws IOException {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (InputStream in = loader.getResourceAsStream(CAPTURED)) {
            assertThat(in).as("the captured list " + CAPTURED).isNotNull();
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new TreeSet<>(text.lines().toList());
        }
    }

    /** Writes the class names of every ReflectiveClassBuildItem into a resource. */
    static final class CaptureReflectiveClasses implements BuildStep {
        @Override
        public void execute(BuildContext context) {
            Set<String> names = new TreeSet<>();
            List<ReflectiveClassBuildItem> items =
                    context.consumeMulti(ReflectiveClassBuildItem.class);
            for (ReflectiveClassBuildItem item : items) {
                names.addAll(item.getClassNames());
            }
            byte[] bytes = String.join("\n", names).getBytes(StandardCharsets.UTF_8);
            context.produce(new GeneratedResourceBuildItem(CAPTURED, bytes));
        }
    }
}

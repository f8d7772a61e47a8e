package dev.grok4.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.grok4.model.ChatRequest;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.context.annotation.ImportRuntimeHints;

class Grok4RuntimeHintsTest {
    private static final String MODEL_DIR = "dev/grok4/model/";

    @Test
    void registersReflectionForEveryModelClassFoundInCore() throws Exception {
        RuntimeHints hints = new RuntimeHints();
        ClassLoader loader = getClass().getClassLoader();
        new Grok4RuntimeHints().registerHints(hints, loader);

        List<String> scanned = scanCoreModelPackage();
        assertThat(scanned).contains("dev.grok4.model.ChatRequest",
                "dev.grok4.model.ChatRequest$Builder", "dev.grok4.model.Usage");
        for (String name : scanned) {
            Class<?> type = Class.forName(name, false, loader);
            assertThat(RuntimeHintsPredicates.reflection().onType(type)
                    .withMemberCategories(MemberCategory.INVOKE_DECLARED_CONSTRUCTORS,
                            MemberCategory.INVOKE_DECLARED_METHODS))
                    .as(name).accepts(hints);
        }
    }

    @Test
    void registersCoresJsonResources() throws Exception {
        RuntimeHints hints = new RuntimeHints();
        new Grok4RuntimeHints().registerHints(hints, getClass().getClassLoader());

        List<String> tables = coreEntries().stream()
                .filter(e -> e.matches("dev/grok4/[^/]+\\.json")).toList();
        assertThat(tables).contains("dev/grok4/model-capabilities.json", "dev/grok4/prices.json");
        for (String table : tables) {
            assertThat(RuntimeHintsPredicates.resource().forResource(table)).as(table)
                    .accepts(hints);
        }
        assertThat(RuntimeHintsPredicates.resource().forResource("dev/grok4/model/x.class"))
                .rejects(hints);
    }

    @Test
    void theAutoConfigurationImportsTheHints() {
        ImportRuntimeHints imported =
                Grok4AutoConfiguration.class.getAnnotation(ImportRuntimeHints.class);

        assertThat(imported.value()).containsExactly(Grok4RuntimeHints.class);
    }

    /** Lists dev/grok4/model in core's jar or classes folder, independently of the registrar. */
    private static List<String> scanCoreModelPackage() throws IOException, URISyntaxException {
        return coreEntries().stream()
                .filter(e -> e.startsWith(MODEL_DIR) && e.endsWith(".class"))
                .filter(e -> e.indexOf('/', MODEL_DIR.length()) < 0)
                .filter(e -> !e.endsWith("package-info.class"))
                .map(e -> e.substring(0, e.length() - 6).replace('/', '.')).toList();
    }

    /** Returns the paths of every file in core's jar or classes folder. */
    private static List<String> coreEntries() throws IOException, URISyntaxException {
        Path location = Path.of(ChatRequest.class.getProtectionDomain().getCodeSource()
                .getLocation().toURI());
        List<String> entries = new ArrayList<>();
        if (Files.isDirectory(location)) {
            try (Stream<Path> files = Files.walk(location)) {
                files.filter(Files::isRegularFile).forEach(f -> entries.add(
                        location.relativize(f).toString().replace(File.separatorChar, '/')));
            }
        } else {
            try (JarFile jar = new JarFile(location.toFile())) {
                Collections.list(jar.entries()).forEach(e -> entries.add(e.getName()));
            }
        }
        return entries;
    }
}

package dev.grok4.spring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.util.ClassUtils;

/**
 * Native-image hints for the client: reflection on every type of {@code dev.grok4.model}, which
 * core's Jackson mapper reads and writes, and the JSON tables under {@code dev/grok4}.
 *
 * <p>The model package is scanned at build time rather than listed, so a type added to core is
 * covered without a change here.
 */
final class Grok4RuntimeHints implements RuntimeHintsRegistrar {
    static final String MODEL_PACKAGE = "dev.grok4.model";

    static final String RESOURCES = "dev/grok4/*.json";

    // DECLARED_FIELDS is deprecated on Spring Framework 7 but its successor is missing on 6.2.
    @SuppressWarnings("deprecation")
    private static final MemberCategory[] CATEGORIES = {
        MemberCategory.INVOKE_DECLARED_CONSTRUCTORS, MemberCategory.INVOKE_DECLARED_METHODS,
        MemberCategory.DECLARED_FIELDS
    };

    @Override
    public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
        for (String name : modelClassNames(classLoader)) {
            Class<?> type = ClassUtils.resolveClassName(name, classLoader);
            hints.reflection().registerType(type, CATEGORIES);
        }
        hints.resources().registerPattern(RESOURCES);
    }

    /** Returns the binary names of the classes in the model package, nested ones included. */
    static List<String> modelClassNames(@Nullable ClassLoader classLoader) {
        String pattern = "classpath*:" + MODEL_PACKAGE.replace('.', '/') + "/*.class";
        List<String> names = new ArrayList<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver(classLoader)
                    .getResources(pattern)) {
                String file = String.valueOf(resource.getFilename());
                if (!file.startsWith("package-info")) {
                    names.add(MODEL_PACKAGE + "." + file.substring(0, file.length() - 6));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + pattern, e);
        }
        return names;
    }
}

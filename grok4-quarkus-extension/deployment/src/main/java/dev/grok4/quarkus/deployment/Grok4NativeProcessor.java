package dev.grok4.quarkus.deployment;

import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.CombinedIndexBuildItem;
import io.quarkus.deployment.builditem.IndexDependencyBuildItem;
import io.quarkus.deployment.builditem.nativeimage.NativeImageResourcePatternsBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveClassBuildItem;
import java.util.List;
import java.util.TreeSet;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;

/**
 * Native-image metadata for core: every request, response, chunk and error type is open to
 * reflection, because Jackson reads and writes them by reflection, and core's JSON tables are
 * kept as resources. The classes are found in core's Jandex index, so a type added to core is
 * covered without touching this list.
 */
class Grok4NativeProcessor {
    static final String MODEL_PACKAGE = "dev.grok4.model";
    static final DotName GROK4_EXCEPTION = DotName.createSimple("dev.grok4.Grok4Exception");

    @BuildStep
    IndexDependencyBuildItem indexCore() {
        return new IndexDependencyBuildItem("dev.grok4", "grok4-core");
    }

    @BuildStep
    ReflectiveClassBuildItem reflection(CombinedIndexBuildItem combinedIndex) {
        List<String> names = List.copyOf(reflectiveClassNames(combinedIndex.getIndex()));
        return ReflectiveClassBuildItem.builder(names)
                .constructors().methods().fields()
                .reason(Grok4NativeProcessor.class.getName())
                .build();
    }

    @BuildStep
    NativeImageResourcePatternsBuildItem resources() {
        return NativeImageResourcePatternsBuildItem.builder()
                .includeGlob("dev/grok4/*.json")
                .build();
    }

    /** Every class of the model package, nested ones included, and every core exception. */
    static TreeSet<String> reflectiveClassNames(IndexView index) {
        TreeSet<String> names = new TreeSet<>();
        for (ClassInfo type : index.getKnownClasses()) {
            if (type.name().packagePrefix() != null
                    && type.name().packagePrefix().equals(MODEL_PACKAGE)) {
                names.add(type.name().toString());
            }
        }
        names.add(GROK4_EXCEPTION.toString());
        for (ClassInfo error : index.getAllKnownSubclasses(GROK4_EXCEPTION)) {
            names.add(error.name().toString());
        }
        return names;
    }
}

package dev.grok4.testkit;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit Jupiter extension that runs one {@link Grok4Simulator} per test class.
 *
 * <p>The simulator starts before the first test of the class, is {@linkplain
 * Grok4Simulator#reset() reset} before each test and is closed when the class finishes (it lives
 * in the class's {@link ExtensionContext.Store}). Nested classes share their outer class's
 * simulator. Test methods, constructors and lifecycle methods can declare a
 * {@link Grok4Simulator} parameter or a {@link URI} parameter annotated with
 * {@link SimulatorBaseUrl}.
 *
 * <pre>{@code
 * @ExtendWith(Grok4SimulatorExtension.class)
 * class ChatTest {
 *     @Test
 *     void replies(Grok4Simulator simulator, @SimulatorBaseUrl URI baseUrl) { ... }
 * }
 * }</pre>
 *
 * <p>To customize the simulator, register an instance in a static field:
 * {@code @RegisterExtension static Grok4SimulatorExtension sim = new
 * Grok4SimulatorExtension(() -> Grok4Simulator.builder().streamChunkSize(1));}. Because each
 * test starts with a reset, faults set on the builder only reach the first test; set them in the
 * test instead.
 *
 * <p>This is the only type in the module that needs JUnit on the class path.
 *
 * @since 0.1
 */
public final class Grok4SimulatorExtension
        implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(Grok4SimulatorExtension.class);

    private final Supplier<Grok4Simulator.Builder> builder;

    /** Creates an extension whose simulator has default settings. */
    public Grok4SimulatorExtension() {
        this(Grok4Simulator::builder);
    }

    /**
     * Creates an extension whose simulator is started from the supplied builder.
     *
     * @param builder supplies the builder, called once per test class
     */
    public Grok4SimulatorExtension(Supplier<Grok4Simulator.Builder> builder) {
        this.builder = requireNonNull(builder, "builder");
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        simulator(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        simulator(context).reset();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Grok4Simulator.class
                || (type == URI.class && parameter.isAnnotated(SimulatorBaseUrl.class));
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Grok4Simulator simulator = simulator(context);
        return parameter.getParameter().getType() == URI.class ? simulator.baseUrl() : simulator;
    }

    /**
     * Finds or starts the simulator of the class. A method-level store would close it after
     * every test, so the lookup climbs to the class level first.
     */
    private Grok4Simulator simulator(ExtensionContext context) {
        ExtensionContext classContext = context;
        while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
            classContext = classContext.getParent().get();
        }
        return classContext.getStore(NAMESPACE).computeIfAbsent(Grok4Simulator.class,
                key -> builder.get().start(), Grok4Simulator.class);
    }
}

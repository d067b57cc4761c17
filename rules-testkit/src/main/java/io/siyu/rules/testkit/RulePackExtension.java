package io.siyu.rules.testkit;

import io.siyu.rules.diagnostic.Diagnostic;
import io.siyu.rules.pack.PackOptions;
import io.siyu.rules.pack.PackSource;
import io.siyu.rules.pack.RulePack;
import io.siyu.rules.pack.RulePackException;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ModifierSupport;
import org.junit.platform.commons.support.ReflectionSupport;

import java.lang.reflect.Field;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The JUnit 5 extension behind {@link RulePackTest}: loads the pack once per annotated class (kept in the
 * class's extension store, so nested classes share it), resolves parameters and fills non-final fields
 * of type {@link RulePack}, {@link TestCustomers} and {@link RuleCoverage} (static fields before all
 * tests, instance fields for each test instance) and {@link FunnelScenario} (a new one for each parameter
 * and test instance, starting on day 0 at the annotation's clock; never in a static field: a scenario is
 * mutable), and, with
 * {@code requireFullCoverage}, checks the pack's {@link RuleCoverage} after all tests.
 */
public final class RulePackExtension implements BeforeAllCallback, AfterAllCallback, TestInstancePostProcessor,
        ParameterResolver {
    private static final String CLASSPATH = "classpath:";
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(RulePackExtension.class);

    /** Made by JUnit. */
    public RulePackExtension() {
    }

    /** Loads the pack (failing the class with its diagnostics) and fills static fields. */
    @Override
    public void beforeAll(ExtensionContext context) {
        RulePack pack = pack(context);
        inject(context.getRequiredTestClass(), null, pack,
                field -> ModifierSupport.isStatic(field) && field.getType() != FunnelScenario.class);
    }

    /** With {@code requireFullCoverage}, fails the annotated class when a rule never fired. */
    @Override
    public void afterAll(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        Optional<RulePackTest> own = AnnotationSupport.findAnnotation(testClass, RulePackTest.class);
        if (own.isPresent() && own.get().requireFullCoverage()) {
            RuleCoverage.of(pack(context)).assertAllFired();
        }
    }

    /** Fills instance fields. */
    @Override
    public void postProcessTestInstance(Object testInstance, ExtensionContext context) {
        inject(testInstance.getClass(), testInstance, pack(context), ModifierSupport::isNotStatic);
    }

    /**
     * Resolves parameters of type {@link RulePack}, {@link TestCustomers}, {@link RuleCoverage} and
     * {@link FunnelScenario}.
     */
    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return injectable(parameter.getParameter().getType());
    }

    /** The pack, customers for it, its coverage, or a new funnel scenario against it. */
    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (!injectable(type)) {
            throw new ParameterResolutionException("cannot resolve a " + type.getName());
        }
        return valueOf(type, pack(context));
    }

    /** The types the extension hands out. */
    private static boolean injectable(Class<?> type) {
        return type == RulePack.class || type == TestCustomers.class || type == RuleCoverage.class
                || type == FunnelScenario.class;
    }

    private static Object valueOf(Class<?> type, RulePack pack) {
        if (type == RulePack.class) {
            return pack;
        }
        if (type == FunnelScenario.class) {
            // Day 0 is the annotation's clock (by default RuleCases.DEFAULT_TIME).
            return FunnelScenario.scenario(pack,
                    OffsetDateTime.ofInstant(pack.options().clock().instant(), pack.funnelConfig().zone()));
        }
        return type == TestCustomers.class ? TestCustomers.of(pack) : RuleCoverage.of(pack);
    }

    private static void inject(Class<?> type, Object instance, RulePack pack, Predicate<Field> which) {
        for (Field field : ReflectionSupport.findFields(type,
                f -> which.test(f) && ModifierSupport.isNotFinal(f) && injectable(f.getType()),
                HierarchyTraversalMode.TOP_DOWN)) {
            try {
                field.setAccessible(true);
                field.set(instance, valueOf(field.getType(), pack));
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new ExtensionConfigurationException("cannot set field " + field, e);
            }
        }
    }

    /** The pack of the nearest class (this one or an enclosing one) annotated with {@link RulePackTest}. */
    private static RulePack pack(ExtensionContext context) {
        Class<?> annotated = annotatedClass(context.getRequiredTestClass());
        RulePackTest settings = AnnotationSupport.findAnnotation(annotated, RulePackTest.class).orElseThrow();
        return context.getStore(NAMESPACE).getOrComputeIfAbsent(annotated, c -> load(settings, annotated),
                RulePack.class);
    }

    private static Class<?> annotatedClass(Class<?> testClass) {
        for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
            if (AnnotationSupport.isAnnotated(c, RulePackTest.class)) {
                return c;
            }
        }
        throw new ExtensionConfigurationException(testClass.getName() + " uses " + RulePackExtension.class
                .getSimpleName() + " but it (or a class around it) is not annotated with @RulePackTest");
    }

    /**
     * Loads the pack the annotation names.
     *
     * @throws AssertionError for a pack that does not load, with every diagnostic on its own line
     */
    static RulePack load(RulePackTest settings, Class<?> annotated) {
        String value = settings.value();
        PackSource source = value.startsWith(CLASSPATH)
                ? PackSource.classpath(value, annotated.getClassLoader())
                : PackSource.directory(Path.of(value));
        PackOptions.Builder options = PackOptions.builder().clock(clock(settings.clock()));
        if (!settings.locale().isEmpty()) {
            options.locale(Locale.forLanguageTag(settings.locale()));
        }
        try {
            return RulePack.load(source, options.build());
        } catch (RulePackException e) {
            throw new AssertionError(failure(source.name(), e), e);
        }
    }

    /** {@code Rule pack SOURCE does not load (N problems):} then each diagnostic as {@code file:line:column: message}. */
    static String failure(String source, RulePackException e) {
        int n = e.diagnostics().size();
        return "Rule pack " + source + " does not load (" + n + (n == 1 ? " problem" : " problems") + "):\n"
                + e.diagnostics().stream().map(Diagnostic::format).collect(Collectors.joining("\n"));
    }

    private static Clock clock(String time) {
        if (time.isEmpty()) {
            return Clock.fixed(RuleCases.DEFAULT_TIME.toInstant(), RuleCases.DEFAULT_TIME.getOffset());
        }
        try {
            OffsetDateTime at = OffsetDateTime.parse(time);
            return Clock.fixed(at.toInstant(), at.getOffset());
        } catch (DateTimeParseException e) {
            throw new ExtensionConfigurationException("@RulePackTest(clock = \"" + time + "\") is not a date-time "
                    + "with offset, e.g. 2026-11-23T10:00:00+08:00", e);
        }
    }
}

package io.siyu.rules.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import io.siyu.rules.pack.RulePack;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The API line of {@code rules-core}, as the module descriptor the build produced draws it: which packages
 * module {@value #MODULE} exports (the API) and which it keeps to itself. Shared with the other modules of
 * the project through {@code rules-core}'s test-jar, so that each checks its own use of {@code rules-core}
 * against the real {@code module-info}, not a copy of it.
 *
 * <p>On the module path the module system enforces the line; on the class path, where the project's own
 * modules use {@code rules-core}, nothing does, hence {@link #onlyTheExportedApiOfRulesCore()}.
 */
public final class ApiLine {
    /** The name of {@code rules-core}'s module. */
    public static final String MODULE = "io.siyu.rules";

    private ApiLine() {
    }

    /**
     * The descriptor of module {@value #MODULE}, read from the jar or directory that {@code rules-core}'s
     * classes were loaded from (on the class path too, where the JVM ignores it).
     *
     * @throws AssertionError if that location holds no module {@value #MODULE}
     */
    public static ModuleDescriptor descriptor() {
        Path location;
        try {
            location = Path.of(RulePack.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new AssertionError("cannot locate rules-core's classes", e);
        }
        return ModuleFinder.of(location).find(MODULE)
                .orElseThrow(() -> new AssertionError("no module " + MODULE + " in " + location))
                .descriptor();
    }

    /** The packages the module exports to everyone: the API. */
    public static Set<String> exportedPackages() {
        return descriptor().exports().stream().filter(e -> !e.isQualified()).map(ModuleDescriptor.Exports::source)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The module's packages that it does not export to everyone: implementation details. */
    public static Set<String> hiddenPackages() {
        Set<String> hidden = new TreeSet<>(descriptor().packages());
        hidden.removeAll(exportedPackages());
        return hidden;
    }

    /** Classes in one of these packages (not their subpackages). */
    public static DescribedPredicate<JavaClass> inPackages(Set<String> packages, String description) {
        Set<String> copy = Set.copyOf(packages);
        return DescribedPredicate.describe(description + " " + new TreeSet<>(copy),
                javaClass -> copy.contains(javaClass.getPackageName()));
    }

    /**
     * No class may use a package of {@code rules-core} that its module does not export. For a module that
     * builds on {@code rules-core}, in a plain JUnit test (ArchUnit's own JUnit engine would show up in tests
     * that run the JUnit launcher themselves, as rules-testkit's do):
     * {@code onlyTheExportedApiOfRulesCore().check(new ClassFileImporter().importPackages("io.siyu.rules.cli"))}.
     */
    public static ArchRule onlyTheExportedApiOfRulesCore() {
        return noClasses().should().dependOnClassesThat(inPackages(hiddenPackages(),
                        "reside in a package that module " + MODULE + " does not export"))
                .because("what " + MODULE + " does not export may change in any release, and on the module path "
                        + "it cannot even be seen (docs/modules.md)");
    }
}

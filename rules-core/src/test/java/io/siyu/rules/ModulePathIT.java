package io.siyu.rules;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The library on the module path, as a host application with a {@code module-info.java} uses it: run by
 * failsafe after {@code package}, against the built jar and its runtime dependencies (Drools' automatic
 * modules, Jackson, SLF4J). The unit tests cover the class path; this covers the other half.
 *
 * <p>The host modules are real sources in {@code src/test/modulepath}, compiled here with {@code javax.tools}
 * and run in a child JVM, because a module graph is fixed when a JVM starts.
 */
class ModulePathIT {
    private static final Path FIXTURES = Path.of("src/test/modulepath");
    private static final Path SKINCARE = Path.of("src/test/resources/packs/skincare");

    private static Path jar;
    private static List<Path> dependencies;

    @BeforeAll
    static void findTheBuiltJar() throws IOException {
        jar = Path.of(requiredProperty("modulepath.jar"));
        String deps = Files.readString(Path.of(requiredProperty("modulepath.dependencies"))).strip();
        dependencies = Stream.of(deps.split(File.pathSeparator)).filter(s -> !s.isBlank()).map(Path::of).toList();
        assertThat(jar).as("the jar built by this module").isRegularFile();
        assertThat(dependencies).as("runtime dependencies").isNotEmpty().allSatisfy(p -> assertThat(p).exists());
    }

    @Test
    void theJarIsANamedModuleThatExportsTheApiAndHidesTheInternals() {
        ModuleReference module = ModuleFinder.of(jar).findAll().iterator().next();
        ModuleDescriptor descriptor = module.descriptor();

        assertThat(descriptor.name()).isEqualTo("io.siyu.rules");
        assertThat(descriptor.isAutomatic()).as("a module-info, not a derived name").isFalse();
        Set<String> exported = descriptor.exports().stream().map(ModuleDescriptor.Exports::source)
                .collect(Collectors.toSet());
        assertThat(exported).contains("io.siyu.rules.codebook", "io.siyu.rules.decision", "io.siyu.rules.diagnostic",
                        "io.siyu.rules.funnel", "io.siyu.rules.pack", "io.siyu.rules.script")
                .noneMatch(p -> p.startsWith("io.siyu.rules.internal"));
        assertThat(descriptor.packages()).contains("io.siyu.rules.internal.compile", "io.siyu.rules.internal.engine",
                "io.siyu.rules.internal.json", "io.siyu.rules.internal.files", "io.siyu.rules.internal.i18n");
        assertThat(descriptor.opens()).allSatisfy(open -> assertThat(open.targets())
                .as("packages are opened to named modules only, never to everyone: " + open).isNotEmpty());
    }

    @Test
    void aNamedModuleLoadsAPackAndDecidesInBothCompileModes(@TempDir Path tmp) throws Exception {
        Path classes = tmp.resolve("demo-classes");
        Compilation compiled = compile(FIXTURES.resolve("demo"), classes);
        assertThat(compiled.success()).as("demo module compiles:%n%s", compiled.messages()).isTrue();
        Path pack = tmp.resolve("skincare");
        copyTree(SKINCARE, pack);
        Files.copy(FIXTURES.resolve("vip.drl"), pack.resolve("rules/vip.drl"));

        ChildJvm.Run run = java(tmp, classes, "demo/demo.Main", pack.toString());

        assertThat(run.exitCode()).as("exit code; stderr:%n%s", run.stderr()).isZero();
        assertThat(run.stdout()).as("stderr:%n%s", run.stderr()).containsExactly(
                "demo named=true library=io.siyu.rules reads=true",
                "CLASSIC c-cold COLD -10 STOP_GENTLY acne.light",
                "CLASSIC c-warm WARM 30 STRENGTHEN_MOTIVE acne.motive",
                "CLASSIC c-hot HOT 70 OFFER_PRODUCT acne.offer",
                "CLASSIC vip-1 HOT 90 OFFER_PRODUCT acne.offer",
                "EXECUTABLE_MODEL c-cold COLD -10 STOP_GENTLY acne.light",
                "EXECUTABLE_MODEL c-warm WARM 30 STRENGTHEN_MOTIVE acne.motive",
                "EXECUTABLE_MODEL c-hot HOT 70 OFFER_PRODUCT acne.offer",
                "EXECUTABLE_MODEL vip-1 HOT 90 OFFER_PRODUCT acne.offer",
                "en: <dir> is not a rule pack directory.",
                "zh_CN: <dir> 不是规则包目录。",
                "journey ONE_TO_ONE round trip=true",
                "internal.json exported=false",
                "internal reflection: IllegalAccessException");
    }

    @Test
    void aNamedModuleCannotCompileAgainstAnInternalPackage(@TempDir Path tmp) {
        Compilation compiled = compile(FIXTURES.resolve("intruder"), tmp.resolve("intruder-classes"));

        assertThat(compiled.success()).as("compiling the intruder module").isFalse();
        assertThat(String.join("\n", compiled.messages()))
                .contains("Peek.java:3: error: package io.siyu.rules.internal.json is not visible")
                .contains("(package io.siyu.rules.internal.json is declared in module io.siyu.rules, "
                        + "which does not export it)");
    }

    // ---------------------------------------------------------------- tools

    private record Compilation(boolean success, List<String> messages) {
    }

    /**
     * Compiles one module's sources (single-module mode) with the library on the module path, in process.
     * javac is reached through {@link ToolProvider} rather than {@code javax.tools}: test classes are compiled
     * as part of module {@code io.siyu.rules}, which does not read {@code java.compiler}.
     */
    private static Compilation compile(Path moduleSources, Path out) {
        ToolProvider javac = ToolProvider.findFirst("javac")
                .orElseThrow(() -> new AssertionError("a JDK, not a JRE, runs the integration tests"));
        // An explicit, empty class path: in process, javac would otherwise take this JVM's, which holds the
        // library's classes as an unnamed module.
        List<String> arguments = new ArrayList<>(List.of("-d", out.toString(), "--module-path", modulePath(),
                "--class-path", out.toString(), "-encoding", "UTF-8", "-Xlint:all", "-Werror"));
        try (Stream<Path> tree = Files.walk(moduleSources)) {
            Files.createDirectories(out);
            tree.filter(p -> p.toString().endsWith(".java")).map(Path::toString).forEach(arguments::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StringWriter messages = new StringWriter();
        try (PrintWriter writer = new PrintWriter(messages)) {
            int status = javac.run(writer, writer, arguments.toArray(String[]::new));
            writer.flush();
            return new Compilation(status == 0, messages.toString().lines().toList());
        }
    }

    /**
     * Runs a module's main class in a child JVM whose default locale is Chinese (the library must not fall
     * back to it) and whose output is UTF-8.
     */
    private static ChildJvm.Run java(Path tmp, Path classes, String mainModuleAndClass, String... args)
            throws Exception {
        List<String> arguments = new ArrayList<>(List.of("-Duser.language=zh", "-Duser.country=CN",
                "-Dfile.encoding=UTF-8", "-Dsun.stdout.encoding=UTF-8", "-Dsun.stderr.encoding=UTF-8",
                "--module-path", classes + File.pathSeparator + modulePath(),
                "-m", mainModuleAndClass));
        arguments.addAll(List.of(args));
        return ChildJvm.run(tmp, ChildJvm.java(arguments));
    }

    private static String modulePath() {
        return Stream.concat(Stream.of(jar), dependencies.stream()).map(Path::toString)
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> tree = Files.walk(from)) {
            for (Path p : (Iterable<Path>) tree::iterator) {
                Files.copy(p, to.resolve(from.relativize(p).toString()));
            }
        }
    }

    private static String requiredProperty(String name) {
        String value = System.getProperty(name);
        assertThat(value).as("system property %s (set by the failsafe configuration in rules-core/pom.xml)", name)
                .isNotBlank();
        return value;
    }
}

package io.siyu.rules;

import io.siyu.rules.decision.Customer;
import io.siyu.rules.decision.DecisionJson;
import io.siyu.rules.pack.PackOptions;
import io.siyu.rules.pack.PackSource;
import io.siyu.rules.pack.RulePack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A compiled pack loads and decides in a JVM that cannot compile anything: run by failsafe after
 * {@code package}, a child JVM gets the built jar and its runtime dependencies without the rule compiler and
 * everything only it uses — {@code drools-compiler}, ECJ, MVEL, the DRL parser, the executable model's code
 * generator and JavaParser — and without the JDK's {@code jdk.compiler} module, loads the skincare pack
 * compiled here ({@code RulePack.compile}) and decides as this JVM does with the pack compiled at load.
 */
class CompiledPackIT {
    private static final Path SKINCARE = Path.of("src/test/resources/packs/skincare");
    /** The jars only compiling rules needs (artifact id at the start of the file name). */
    private static final Pattern COMPILER = Pattern.compile("(drools-compiler|drools-mvel|mvel2|drools-ecj|ecj"
            + "|drools-model-codegen|drools-codegen-common|javaparser-core|drools-drl-parser|drools-drl-ast"
            + "|drools-drl-extensions|antlr4-runtime|antlr-runtime|kie-util-maven-support)-\\d.*\\.jar");

    @Test
    void aCompiledPackDecidesInAJvmWithoutACompiler(@TempDir Path tmp) throws Exception {
        PackOptions options = PackOptions.builder().locale(Locale.ENGLISH).clock(CompiledPackMain.TEN_AM).build();
        Path zip = tmp.resolve("skincare.zip");
        RulePack.compile(PackSource.directory(SKINCARE), options, zip);
        RulePack classic = RulePack.load(SKINCARE, options);
        DecisionJson json = classic.json();
        List<String> expected = new ArrayList<>();
        for (Customer c : CompiledPackMain.customers(classic)) {
            expected.add("decision " + json.write(classic.decide(c)));
        }

        String deps = Files.readString(Path.of(System.getProperty("modulepath.dependencies"))).strip();
        List<String> kept = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        for (String jar : deps.split(File.pathSeparator)) {
            if (jar.isBlank()) {
                continue;
            }
            (COMPILER.matcher(Path.of(jar).getFileName().toString()).matches() ? dropped : kept).add(jar);
        }
        assertThat(dropped).as("the compiler's jars, found among the dependencies").hasSizeGreaterThanOrEqualTo(8);
        String classPath = String.join(File.pathSeparator, Stream.concat(Stream.of(
                System.getProperty("modulepath.jar"), Path.of("target/test-classes").toString()), kept.stream())
                .toList());
        String modules = ModuleLayer.boot().modules().stream().map(Module::getName)
                .filter(m -> !m.equals("jdk.compiler") && !m.equals("java.compiler"))
                .filter(m -> m.startsWith("java.") || m.equals("jdk.management") || m.equals("jdk.unsupported"))
                .sorted().reduce((a, b) -> a + "," + b).orElseThrow();

        ChildJvm.Run run = ChildJvm.run(tmp, ChildJvm.java(List.of("--limit-modules", modules, "-cp", classPath,
                CompiledPackMain.class.getName(), zip.toString())));

        assertThat(run.exitCode()).as("exit code; stderr:%n%s", run.stderr()).isZero();
        assertThat(run.stdout()).contains("class org.drools.compiler.builder.impl.KnowledgeBuilderImpl absent",
                "class org.mvel2.MVEL absent", "class org.eclipse.jdt.internal.compiler.Compiler absent",
                "class org.drools.model.codegen.ExecutableModelProject absent",
                "class org.drools.drl.parser.DrlParser absent", "module jdk.compiler absent");
        assertThat(run.stdout()).filteredOn(l -> l.startsWith("decision ")).containsExactlyElementsOf(expected);
        System.out.println("compiled skincare pack in a JVM without a compiler: "
                + run.stdout().stream().filter(l -> l.startsWith("load ")).findFirst().orElse("?"));
    }
}

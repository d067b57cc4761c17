package io.siyu.rules.pack;

import io.siyu.rules.diagnostic.Diagnostic;
import io.siyu.rules.internal.i18n.Messages;
import org.kie.api.KieBase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Benchmark-only access to the library's package-private {@link DrlCompiler}: compiles a pack's rule
 * files into a {@link KieBase} exactly as {@link RulePack#load} does (same generated preamble, same
 * KIE API calls, same KieBase options), so that the plain-Drools reference runs the very same rule base.
 *
 * <p>It lives in {@code rules-bench} under the library's package (a split package, fine on the class path
 * of the benchmark jar) so the library does not have to expose its compiler.
 */
public final class PackCompiler {
    private PackCompiler() {
    }

    /**
     * Compiles the {@code rules/**}{@code /*.drl} files of a pack directory.
     *
     * @throws IllegalStateException with the diagnostics when the rules do not compile
     */
    public static KieBase compile(Path packDirectory, CompileMode mode) {
        List<RuleSource> sources = new ArrayList<>();
        try (Stream<Path> files = Files.walk(packDirectory.resolve("rules"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".drl")).sorted().toList()) {
                sources.add(new RuleSource(packDirectory.relativize(p).toString().replace('\\', '/'),
                        Files.readString(p, StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DrlCompiler.Result result = new DrlCompiler(Messages.of(PackManifest.MESSAGES, Locale.ROOT))
                .compile(sources, List.of(), mode);
        return result.kieBase().orElseThrow(() -> new IllegalStateException("the rules do not compile: "
                + result.diagnostics().stream().map(Diagnostic::format).toList()));
    }
}

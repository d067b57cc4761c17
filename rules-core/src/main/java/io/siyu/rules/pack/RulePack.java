package io.siyu.rules.pack;

import io.siyu.rules.decision.Customer;
import io.siyu.rules.decision.Decision;
import io.siyu.rules.decision.DecisionPipeline;
import io.siyu.rules.decision.RuleInfo;
import io.siyu.rules.decision.ScriptRenderer;
import io.siyu.rules.diagnostic.Diagnostic;
import io.siyu.rules.diagnostic.Messages;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A loaded, compiled rule pack: the directory of files operations staff own ({@code pack.json},
 * {@code codebook.json}, {@code scripts.json}, {@code funnel.json}, {@code rules/**}{@code /*.drl}),
 * checked and compiled into something that decides.
 *
 * <p>Immutable and thread-safe: share one instance across threads; each decision runs in its own
 * Drools session. Load it once and keep it; use {@code LiveRulePack} to pick up edits.
 * <pre>{@code
 * RulePack pack = RulePack.load(Path.of("packs/gaozi"));
 * Decision d = pack.decide(Customer.builder("c1").tags(pack.codebook().decode("3D")).build());
 * }</pre>
 */
public final class RulePack {
    private final Path directory;
    private final PackManifest manifest;
    private final List<RuleInfo> rules;
    private final DecisionPipeline pipeline;
    private final PackOptions options;

    private RulePack(Path directory, PackManifest manifest, List<RuleInfo> rules, DecisionPipeline pipeline,
                     PackOptions options) {
        this.directory = directory;
        this.manifest = manifest;
        this.rules = List.copyOf(rules);
        this.pipeline = pipeline;
        this.options = options;
    }

    /**
     * Loads the pack in a directory with the default options.
     *
     * @throws RulePackException listing every problem in every file of the pack
     */
    public static RulePack load(Path packDirectory) {
        return load(packDirectory, PackOptions.defaults());
    }

    /**
     * Loads the pack in a directory.
     *
     * @throws RulePackException listing every problem in every file of the pack
     */
    public static RulePack load(Path packDirectory, PackOptions options) {
        Objects.requireNonNull(packDirectory, "packDirectory");
        Objects.requireNonNull(options, "options");
        Messages messages = Messages.of(PackManifest.MESSAGES, options.locale());
        List<Diagnostic> problems = new ArrayList<>();
        if (!Files.isDirectory(packDirectory)) {
            problems.add(Diagnostic.error(packDirectory.toString(), 0, 0, "pack.not-a-directory",
                    messages.format("pack.not-a-directory", packDirectory)));
            throw failure(packDirectory, problems, messages);
        }
        Optional<PackManifest> manifest = readFile(packDirectory, PackManifest.FILE, true, problems, messages)
                .flatMap(text -> PackManifest.parse(text, options.locale(), problems));
        List<RuleSource> sources = ruleSources(packDirectory, problems, messages);
        // The codebook and script sets are wired in when codebook.json and scripts.json are loaded.
        problems.addAll(new RuleReferences(options.locale(), Optional.empty(), Optional.empty()).check(sources));
        DrlCompiler.Result compiled = new DrlCompiler(messages).compile(sources,
                List.copyOf(options.allowedClasses()), options.compileMode());
        problems.addAll(compiled.diagnostics());
        if (problems.stream().anyMatch(Diagnostic::isError) || manifest.isEmpty() || compiled.kieBase().isEmpty()) {
            throw failure(packDirectory, problems, messages);
        }
        PackManifest m = manifest.get();
        ScriptRenderer renderer = (scriptId, customerId, values) -> {
            throw new IllegalStateException("no script library");
        };
        DecisionPipeline pipeline = new DecisionPipeline(compiled.kieBase().get(),
                new DecisionPipeline.Settings(m.id(), m.version(), m.thresholds(), m.contact(), m.zone(),
                        options.clock(), options.maxFirings(), options.locale()),
                renderer, compiled.rules());
        return new RulePack(packDirectory, m, compiled.rules(), pipeline, options);
    }

    private static RulePackException failure(Path dir, List<Diagnostic> problems, Messages messages) {
        List<Diagnostic> sorted = new ArrayList<>(problems);
        sorted.sort(Diagnostic.READING_ORDER);
        return new RulePackException(messages.format("pack.failed", dir, sorted.size()), sorted);
    }

    private static Optional<String> readFile(Path dir, String name, boolean required, List<Diagnostic> problems,
                                             Messages messages) {
        Path file = dir.resolve(name);
        if (!Files.exists(file)) {
            if (required) {
                problems.add(Diagnostic.error(name, 0, 0, "pack.missing-file",
                        messages.format("pack.missing-file", name)));
            }
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            problems.add(Diagnostic.error(name, 0, 0, "pack.unreadable", messages.format("pack.unreadable",
                    e.getMessage())));
            return Optional.empty();
        }
    }

    private static List<RuleSource> ruleSources(Path dir, List<Diagnostic> problems, Messages messages) {
        Path rulesDir = dir.resolve("rules");
        List<RuleSource> sources = new ArrayList<>();
        if (!Files.isDirectory(rulesDir)) {
            problems.add(Diagnostic.error("rules", 0, 0, "pack.no-rules", messages.format("pack.no-rules")));
            return sources;
        }
        try (Stream<Path> files = Files.walk(rulesDir)) {
            List<Path> drls = files.filter(p -> p.getFileName().toString().endsWith(".drl")).sorted().toList();
            for (Path p : drls) {
                String relative = dir.relativize(p).toString().replace('\\', '/');
                readFile(dir, relative, true, problems, messages).ifPresent(t -> sources.add(new RuleSource(relative, t)));
            }
        } catch (IOException e) {
            problems.add(Diagnostic.error("rules", 0, 0, "pack.unreadable", messages.format("pack.unreadable",
                    e.getMessage())));
        }
        if (sources.isEmpty() && problems.isEmpty()) {
            problems.add(Diagnostic.error("rules", 0, 0, "pack.no-rules", messages.format("pack.no-rules")));
        }
        return sources;
    }

    /**
     * Decides the next-best action for one customer.
     *
     * @throws io.siyu.rules.decision.DecisionException when a rule loops or fails for this customer, or the
     *         chosen script cannot be rendered
     */
    public Decision decide(Customer customer) {
        return pipeline.decide(customer);
    }

    /**
     * Decides for a batch, in order. A failure on one customer is reported on that customer's decision
     * and does not stop the batch.
     */
    public List<Decision> decideAll(List<Customer> customers) {
        return pipeline.decideAll(customers);
    }

    /** The pack id from {@code pack.json}. */
    public String id() {
        return manifest.id();
    }

    /** The pack version from {@code pack.json}. */
    public String version() {
        return manifest.version();
    }

    /** The pack's settings. */
    public PackManifest manifest() {
        return manifest;
    }

    /** Every rule of the pack, in file order. */
    public List<RuleInfo> rules() {
        return rules;
    }

    /** The directory the pack was loaded from. */
    public Path directory() {
        return directory;
    }

    /** The options the pack was loaded with. */
    public PackOptions options() {
        return options;
    }

    @Override
    public String toString() {
        return "RulePack[" + manifest.id() + " " + manifest.version() + ", " + rules.size() + " rules]";
    }
}

package io.siyu.rules.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The packages of {@code rules-core} form layers, bottom to top:
 * <ol>
 *   <li>{@code diagnostic}, {@code internal.i18n} — use nothing of ours;</li>
 *   <li>{@code internal.text} (what an input method typed in place of ASCII) — {@code internal.i18n};</li>
 *   <li>{@code internal.json}, {@code internal.files} — the three above;</li>
 *   <li>{@code codebook}, {@code script} — the four above;</li>
 *   <li>{@code funnel} — and {@code codebook};</li>
 *   <li>{@code decision} — and {@code codebook}, {@code funnel}, {@code script};</li>
 *   <li>{@code internal.compile} — {@code decision}, {@code funnel}; {@code internal.engine} — {@code decision},
 *       {@code funnel}, {@code script}, {@code internal.compile} (both: and the first two layers);</li>
 *   <li>{@code pack} — everything below;</li>
 *   <li>{@code cases} (the CSV case-table runner, API; optional until it exists) — everything below;</li>
 *   <li>{@code report} (conversion, attribution and holdout uplift) — everything below but {@code cases}.</li>
 * </ol>
 * A package that fits no layer fails {@link #everyClassIsInALayer}: place it deliberately.
 */
@AnalyzeClasses(packages = "io.siyu.rules", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {
    private static final String[] BASE = {"Diagnostic", "I18n", "Text", "Json", "Files"};

    @ArchTest
    static final ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("Diagnostic").definedBy("io.siyu.rules.diagnostic..")
            .layer("I18n").definedBy("io.siyu.rules.internal.i18n..")
            .layer("Text").definedBy("io.siyu.rules.internal.text..")
            .layer("Json").definedBy("io.siyu.rules.internal.json..")
            .layer("Files").definedBy("io.siyu.rules.internal.files..")
            .layer("Codebook").definedBy("io.siyu.rules.codebook..")
            .layer("Script").definedBy("io.siyu.rules.script..")
            .layer("Funnel").definedBy("io.siyu.rules.funnel..")
            .layer("Decision").definedBy("io.siyu.rules.decision..")
            .layer("Compile").definedBy("io.siyu.rules.internal.compile..")
            .layer("Engine").definedBy("io.siyu.rules.internal.engine..")
            .layer("Pack").definedBy("io.siyu.rules.pack..")
            .optionalLayer("Cases").definedBy("io.siyu.rules.cases..")
            .layer("Report").definedBy("io.siyu.rules.report..")

            .whereLayer("Diagnostic").mayNotAccessAnyLayer()
            .whereLayer("I18n").mayNotAccessAnyLayer()
            .whereLayer("Text").mayOnlyAccessLayers("I18n")
            .whereLayer("Json").mayOnlyAccessLayers("Diagnostic", "I18n", "Text")
            .whereLayer("Files").mayOnlyAccessLayers("Diagnostic", "I18n")
            .whereLayer("Codebook").mayOnlyAccessLayers(BASE)
            .whereLayer("Script").mayOnlyAccessLayers(BASE)
            .whereLayer("Funnel").mayOnlyAccessLayers(with("Codebook"))
            .whereLayer("Decision").mayOnlyAccessLayers(with("Codebook", "Funnel", "Script"))
            .whereLayer("Compile").mayOnlyAccessLayers(with("Decision", "Funnel"))
            .whereLayer("Engine").mayOnlyAccessLayers(with("Decision", "Funnel", "Script", "Compile"))
            .whereLayer("Pack").mayOnlyAccessLayers(
                    with("Codebook", "Script", "Funnel", "Decision", "Compile", "Engine"))
            .whereLayer("Cases").mayOnlyAccessLayers(
                    with("Codebook", "Script", "Funnel", "Decision", "Compile", "Engine", "Pack"))
            .whereLayer("Report").mayOnlyAccessLayers(
                    with("Codebook", "Script", "Funnel", "Decision", "Pack"))
            .because("each package builds on the ones below it only: they can be understood, tested and "
                    + "changed from the bottom up");

    @ArchTest
    static final ArchRule everyClassIsInALayer = classes().should().resideInAnyPackage(
                    "io.siyu.rules.diagnostic..", "io.siyu.rules.internal.i18n..", "io.siyu.rules.internal.text..",
                    "io.siyu.rules.internal.json..",
                    "io.siyu.rules.internal.files..", "io.siyu.rules.codebook..", "io.siyu.rules.script..",
                    "io.siyu.rules.funnel..", "io.siyu.rules.decision..", "io.siyu.rules.internal.compile..",
                    "io.siyu.rules.internal.engine..", "io.siyu.rules.pack..", "io.siyu.rules.cases..",
                    "io.siyu.rules.report..")
            .because("a new package must be given its place in the layers of LayeringTest");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("io.siyu.rules.(**)").should().beFreeOfCycles();

    private static String[] with(String... more) {
        String[] all = new String[BASE.length + more.length];
        System.arraycopy(BASE, 0, all, 0, BASE.length);
        System.arraycopy(more, 0, all, BASE.length, more.length);
        return all;
    }
}

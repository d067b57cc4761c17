package io.siyu.rules.internal.compile;

import io.siyu.rules.diagnostic.Diagnostic;
import io.siyu.rules.diagnostic.Diagnostic.Severity;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class RuleReferencesTest {
    private static final Optional<Set<String>> CODES = Optional.of(Set.of("1", "2", "3", "D"));
    private static final Optional<Set<String>> SCRIPTS = Optional.of(Set.of("acne.offer", "acne.light"));

    static List<RuleSource> sources(String pack) throws IOException {
        Path dir = Path.of("src/test/resources/packs", pack);
        try (Stream<Path> files = Files.walk(dir.resolve("rules"))) {
            return files.filter(p -> p.toString().endsWith(".drl")).sorted().map(p -> new RuleSource(
                    dir.relativize(p).toString().replace('\\', '/'), read(p))).toList();
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> check(String pack, Optional<Set<String>> codes, Optional<Set<String>> scripts,
                                      Locale locale) throws IOException {
        return new RuleReferences(locale, codes, scripts).check(sources(pack)).stream().map(Diagnostic::format)
                .toList();
    }

    @Test
    void unknownTagCodesInHasAnyAndHasAllButNotInComments() throws IOException {
        assertThat(check("broken-unknown-code", CODES, Optional.empty(), Locale.ENGLISH)).containsExactly(
                "rules/intent.drl:12:27: The codebook has no code \"Z\". Codes in the codebook: 1, 2, 3, D.",
                "rules/propose.drl:5:27: The codebook has no code \"X9\". Codes in the codebook: 1, 2, 3, D.");
    }

    @Test
    void unknownScriptIdsAndActionNamesThatAreNotUpperSnakeCase() throws IOException {
        List<Diagnostic> found = new RuleReferences(Locale.ENGLISH, Optional.empty(), SCRIPTS)
                .check(sources("broken-unknown-script"));
        assertThat(found).extracting(Diagnostic::format).containsExactly(
                "rules/propose.drl:7:38: scripts.json has no script \"acne.offr\". Did you mean \"acne.offer\"?",
                "rules/propose.drl:15:21: warning: Action \"stopGently\" should be written in capitals with "
                        + "underscores, like \"STOP_GENTLY\".");
        assertThat(found).extracting(Diagnostic::severity).containsExactly(Severity.ERROR, Severity.WARNING);
    }

    @Test
    void inChinese() throws IOException {
        assertThat(check("broken-unknown-script", Optional.empty(), SCRIPTS, Locale.SIMPLIFIED_CHINESE))
                .first().isEqualTo("rules/propose.drl:7:38: scripts.json 中没有话术 \"acne.offr\"。是不是想写 \"acne.offer\"？");
    }

    @Test
    void absentSetsSkipTheirCheckAndAGoodPackHasNoProblems() throws IOException {
        assertThat(check("broken-unknown-code", Optional.empty(), Optional.empty(), Locale.ENGLISH)).isEmpty();
        assertThat(check("mini", CODES, SCRIPTS, Locale.ENGLISH)).isEmpty();
    }

    @Test
    void onlyLiteralArgumentsAreCheckedAndStringsInsideOtherCallsAreNotScriptIds() {
        String drl = """
                rule "r"
                    ruleflow-group "propose"
                when
                    $c : Customer( has($c.text("code")), hasAny("D", "3") )
                then
                    actions.propose("OFFER_PRODUCT", $c.text("script"), 90, "x");
                    actions.propose("OFFER_PRODUCT", String.valueOf("acne.nope"), 90, "x");
                end
                rule "s"
                    ruleflow-group "policy"
                when
                    Customer( )
                then
                    policy.veto("offer product", "quiet");
                end
                """;
        List<Diagnostic> found = new RuleReferences(Locale.ENGLISH, CODES, SCRIPTS)
                .check(List.of(new RuleSource("rules/r.drl", drl)));
        assertThat(found).extracting(Diagnostic::format).containsExactly(
                "rules/r.drl:14:17: warning: Action \"offer product\" should be written in capitals with underscores, "
                        + "like \"OFFER_PRODUCT\".");
    }
}

package io.siyu.rules.pack;

import io.siyu.rules.diagnostic.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A copy of the skincare test pack with one mistake that the loader used to let through: a {@code cohortBy}
 * question the codebook does not have, rule files that are not read.
 */
class PackFilesCheckedTest {
    @TempDir
    Path dir;

    private Path pack() throws IOException {
        Path from = Path.of("src/test/resources/packs/skincare");
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path target = dir.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
        return dir;
    }

    private List<String> errors(Locale locale) {
        RulePackException e = catchThrowableOfType(RulePackException.class,
                () -> RulePack.load(dir, PackOptions.builder().locale(locale).build()));
        assertThat(e).as("the pack must not load").isNotNull();
        return e.diagnostics().stream().filter(d -> !d.key().equals(PackSourceTest.SKINCARE_WARNING))
                .map(Diagnostic::format).toList();
    }

    @Test
    void aCohortQuestionTheCodebookDoesNotHaveIsAnErrorAtItsPlace() throws IOException {
        Path pack = pack();
        Files.writeString(pack.resolve("funnel.json"), "{\n  \"cohortBy\": [\"concerns\"]\n}\n");
        assertThat(errors(Locale.ENGLISH)).containsExactly("funnel.json:2:16: cohortBy names the question "
                + "\"concerns\", which is not in the codebook, so every customer would be in one cohort \"untagged\". "
                + "Questions in codebook.json: problems, concern, urgency, budget. Did you mean \"concern\"? "
                + "(at cohortBy[0])");
        assertThat(errors(Locale.SIMPLIFIED_CHINESE)).singleElement().asString()
                .startsWith("funnel.json:2:16: cohortBy 写的题目 \"concerns\" 不在密码本中")
                .contains("是不是想写 \"concern\"？");
    }

    @Test
    void aCohortQuestionFarFromEveryQuestionHasNoGuess() throws IOException {
        Path pack = pack();
        Files.writeString(pack.resolve("funnel.json"), "{\"cohortBy\": [\"concern\", \"skinType\"]}");
        assertThat(errors(Locale.ENGLISH)).singleElement().asString()
                .startsWith("funnel.json:1:26: cohortBy names the question \"skinType\"")
                .doesNotContain("Did you mean");
    }

    private List<String> warnings(Locale locale) {
        return RulePack.load(dir, PackOptions.builder().locale(locale).build()).warnings().stream()
                .filter(d -> !d.key().equals(PackSourceTest.SKINCARE_WARNING)).map(Diagnostic::format).toList();
    }

    @Test
    void everyFileUnderRulesThatIsNotReadIsAWarningSayingWhatToDo() throws IOException {
        Path pack = pack();
        Path rules = pack.resolve("rules");
        Files.move(rules.resolve("intent.drl"), rules.resolve("intent.drl.txt"));
        Files.move(rules.resolve("content.drl"), rules.resolve("content.DRL"));
        Files.createDirectories(rules.resolve("notes"));
        Files.writeString(rules.resolve("notes/README.md"), "notes", StandardCharsets.UTF_8);
        assertThat(warnings(Locale.ENGLISH)).contains(
                "rules/content.DRL:0:0: warning: This file is ignored, and its rules are not loaded: only files "
                        + "ending in .drl (lower case) are read from rules/. Rename it to rules/content.drl.",
                "rules/intent.drl.txt:0:0: warning: This file is ignored, and its rules are not loaded: only files "
                        + "ending in .drl (lower case) are read from rules/. Rename it to rules/intent.drl.",
                "rules/notes/README.md:0:0: warning: This file is ignored: only files ending in .drl are read from "
                        + "rules/ (and its subfolders). Move it out of rules/ if it holds no rules.");
        assertThat(warnings(Locale.SIMPLIFIED_CHINESE)).contains(
                "rules/intent.drl.txt:0:0: warning: 这个文件被忽略，其中的规则没有加载：rules/ 中只读取以 .drl（小写）结尾的文件。"
                        + "请把它改名为 rules/intent.drl。");
    }

    @Test
    void aRuleFileWithNoRuleIsAWarning() throws IOException {
        Path pack = pack();
        Files.writeString(pack.resolve("rules/extra.drl"), "// the rules went here\n", StandardCharsets.UTF_8);
        assertThat(warnings(Locale.ENGLISH)).contains("rules/extra.drl:1:1: warning: This rule file has no rule. "
                + "If its rules were lost, restore them; otherwise delete the file.");
    }

    @Test
    void anEmptyRuleFileIsReportedNotSilentlyDropped() throws IOException {
        Path pack = pack();
        Files.writeString(pack.resolve("rules/intent.drl"), "", StandardCharsets.UTF_8);
        List<String> said;
        try {
            said = warnings(Locale.ENGLISH);
        } catch (RulePackException e) {
            said = e.diagnostics().stream().map(Diagnostic::format).toList();
        }
        assertThat(said).anySatisfy(d -> assertThat(d).startsWith("rules/intent.drl:"));
    }
}

package io.siyu.rules.script;

import io.siyu.rules.diagnostic.Diagnostic;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

/** Every mistake staff can make in scripts.json comes back with its place and a sentence they can act on. */
class ScriptLibraryDiagnosticsTest {

    private static List<Diagnostic> problems(String file, Locale locale) {
        return catchThrowableOfType(ScriptException.class,
                () -> ScriptLibrary.parse(file, TestLibraries.read(file), locale)).diagnostics();
    }

    @Test
    void reportsEveryProblemOfTheTextsAtItsPlace() {
        assertThat(problems("broken-scripts.json", Locale.ENGLISH))
                .extracting(Diagnostic::key, Diagnostic::line, Diagnostic::column, Diagnostic::path,
                        Diagnostic::message)
                .containsExactly(
                        tuple("script.duplicate-persona", 4, 13, "personas[1].id",
                                "The persona id \"xiaowanzi\" is used twice; give each persona its own id."),
                        tuple("script.reserved-variable", 8, 5, "variables.persona",
                                "\"persona\" is reserved: it always stands for the display name of the script's"
                                        + " persona. Remove it here."),
                        tuple("script.unknown-variable", 11, 109, "scripts[0].text",
                                "The text of script \"welcome\" uses the variable \"produt\", which is not declared."
                                        + " Declare it under \"variables\", give it in this script's \"defaults\","
                                        + " or use one of: nickname, persona."),
                        tuple("script.duplicate-id", 12, 13, "scripts[1].id",
                                "The script id \"welcome\" is used twice (first on line 11); give each script its"
                                        + " own id."),
                        tuple("script.unclosed-brace", 13, 85, "scripts[2].text",
                                "The text of script \"unclosed\" opens a variable with \"{\" here but never closes it"
                                        + " with \"}\". Close the variable name, or write \"{{\" for a brace in the"
                                        + " text."),
                        tuple("script.stray-brace", 14, 85, "scripts[3].text",
                                "The text of script \"stray\" has a \"}\" here that closes nothing. Write \"}}\" for a"
                                        + " brace in the text."),
                        tuple("script.empty-text", 15, 79, "scripts[4].text",
                                "The text of script \"empty\" is empty. Write the message the customer should"
                                        + " receive."),
                        tuple("script.unknown-persona", 16, 31, "scripts[5].persona",
                                "Script \"who\" is spoken by the persona \"xiaoming\", which is not listed under"
                                        + " \"personas\". Use one of: xiaowanzi."),
                        tuple("script.unknown-channel", 17, 57, "scripts[6].channel",
                                "Script \"where\" has the channel \"moments\", which does not exist. Use \"one_to_one\""
                                        + " or \"group\"."),
                        tuple("script.too-long", 18, 94, "scripts[7].text",
                                "The text of script \"long\" is 11 characters long even without its variables, but"
                                        + " its maxLength is 5. Shorten the text or raise maxLength."),
                        tuple("script.bad-weight", 20, 30, "scripts[8].variants[0].weight",
                                "The weight of variant \"a\" of script \"ab\" must be a whole number from 1 to"
                                        + " 1000000, but it is 0."),
                        tuple("script.duplicate-variant-id", 21, 15, "scripts[8].variants[1].id",
                                "Script \"ab\" has two variants with the id \"a\" (first on line 20); give each"
                                        + " variant its own id."),
                        tuple("script.bad-weight", 21, 30, "scripts[8].variants[1].weight",
                                "The weight of variant \"a\" of script \"ab\" must be a whole number from 1 to"
                                        + " 1000000, but it is 2.5."),
                        tuple("script.bad-weight", 22, 30, "scripts[8].variants[2].weight",
                                "The weight of variant \"c\" of script \"ab\" must be a whole number from 1 to"
                                        + " 1000000, but it is \"50\"."),
                        // Line 24 has JSON escapes (\n and \") before the variable: the column is still the brace's.
                        tuple("script.bad-variable-name", 24, 93, "scripts[9].text",
                                "The text of script \"escaped\" has \"{nick name}\", which is not a variable name: use"
                                        + " only letters, digits and _ between the braces (for example {nickname}),"
                                        + " or write \"{{\" and \"}}\" for braces in the text."),
                        tuple("script.text-and-variants", 25, 96, "scripts[10].variants",
                                "Script \"both\" has both \"text\" and \"variants\". Keep \"text\" for a single text, or"
                                        + " move it into \"variants\" for an A/B test."),
                        tuple("script.no-text", 26, 5, "scripts[11].text",
                                "Script \"none\" has no text. Add a \"text\", or \"variants\" for an A/B test."));
    }

    @Test
    void reportsProblemsOfTheStructureTogetherWithTheJsonReadersOnes() {
        assertThat(problems("broken-structure.json", Locale.ENGLISH))
                .extracting(Diagnostic::key, Diagnostic::line, Diagnostic::column, Diagnostic::path,
                        Diagnostic::message)
                .containsExactly(
                        tuple("script.personas-type", 2, 15, "personas",
                                "\"personas\" must be a map from persona id to its name, or a list of personas with"
                                        + " \"id\" and \"name\"."),
                        tuple("script.bad-declared-name", 4, 5, "variables.nick-name",
                                "\"nick-name\" cannot be a variable name: use only letters, digits and _ (for"
                                        + " example nickname)."),
                        tuple("json.unknown-field", 5, 37, "variables.product.note",
                                "Unknown field \"note\". The fields allowed here are: default, description."),
                        tuple("json.out-of-range", 7, 16, "maxLength",
                                "maxLength is 0, but it must be between 1 and 100,000."),
                        tuple("script.no-text", 9, 5, "scripts[0].text",
                                "Script \"a\" has no text. Add a \"text\", or \"variants\" for an A/B test."),
                        tuple("json.missing-field", 9, 5, "scripts[0].channel",
                                "The field \"channel\" is missing from scripts[0]."),
                        tuple("script.no-personas", 9, 29, "scripts[0].persona",
                                "Script \"a\" is spoken by the persona \"xiaowanzi\", but no personas are listed"
                                        + " under \"personas\". Add it there with its display name."),
                        tuple("json.unknown-field", 9, 42, "scripts[0].txt",
                                "Unknown field \"txt\". The fields allowed here are: id, description, persona,"
                                        + " channel, tags, text, variants, defaults, maxLength, truncate."),
                        tuple("script.no-personas", 10, 29, "scripts[1].persona",
                                "Script \"b\" is spoken by the persona \"xiaowanzi\", but no personas are listed"
                                        + " under \"personas\". Add it there with its display name."),
                        tuple("script.reserved-variable", 10, 76, "scripts[1].defaults.persona",
                                "\"persona\" is reserved: it always stands for the display name of the script's"
                                        + " persona. Remove it here."));
    }

    @Test
    void malformedJsonIsReportedWhereTheParserStopped() {
        assertThat(problems("not-json.json", Locale.ENGLISH)).singleElement().satisfies(d -> {
            assertThat(d.key()).isEqualTo("json.malformed");
            assertThat(d.line()).isEqualTo(4);
            assertThat(d.column()).isEqualTo(17);
        });
    }

    @Test
    void speaksChineseToChineseStaff() {
        List<Diagnostic> problems = problems("broken-scripts.json", Locale.SIMPLIFIED_CHINESE);

        assertThat(problems).filteredOn(d -> d.key().equals("script.unknown-variable")).singleElement()
                .extracting(Diagnostic::line, Diagnostic::column, Diagnostic::message)
                .containsExactly(11, 109, "话术 \"welcome\" 的文本使用了未声明的变量 \"produt\"。请在 \"variables\" 中声明它，"
                        + "或在这条话术的 \"defaults\" 中给出它的值，或使用以下之一：nickname, persona。");
        assertThat(problems).filteredOn(d -> d.key().equals("script.unclosed-brace")).singleElement()
                .extracting(Diagnostic::message)
                .isEqualTo("话术 \"unclosed\" 的文本在这里用 \"{\" 开始了一个变量，却没有用 \"}\" 结束。"
                        + "请补上变量名的结尾，或者用 \"{{\" 表示文本中的花括号。");
    }
}

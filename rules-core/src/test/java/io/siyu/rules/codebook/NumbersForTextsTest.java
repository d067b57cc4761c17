package io.siyu.rules.codebook;

import io.siyu.rules.diagnostic.Diagnostic;
import io.siyu.rules.pack.PackManifest;
import io.siyu.rules.script.ScriptLibrary;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A number where a text is expected is the same wrong-type error in every pack file ({@code "code": 7} used to be
 * taken as {@code "7"} without a word, while every other field refused a wrong type). Only a version may be a
 * number: {@code "version": 2} is {@code "2"}.
 */
class NumbersForTextsTest {
    private static List<String> formatted(io.siyu.rules.diagnostic.DiagnosticException e) {
        assertThat(e).as("the file must be refused").isNotNull();
        return e.diagnostics().stream().map(Diagnostic::format).toList();
    }

    @Test
    void aCodeOrAnIdWrittenAsANumberIsAWrongTypeError() {
        String json = """
                {"id": "c", "version": 2, "questions": [
                  {"id": "concern", "text": "?", "type": "single", "options": [
                    {"id": "dry", "code": 7, "label": "干燥"}]}]}
                """;
        CodebookException e = catchThrowableOfType(CodebookException.class,
                () -> Codebook.parse("codebook.json", json, Locale.ENGLISH));
        assertThat(formatted(e)).containsExactly("codebook.json:3:27: questions[0].options[0].code must be a text, "
                + "but it is a number. (at questions[0].options[0].code)");
        CodebookException zh = catchThrowableOfType(CodebookException.class,
                () -> Codebook.parse("codebook.json", json, Locale.SIMPLIFIED_CHINESE));
        assertThat(formatted(zh)).singleElement().asString().startsWith("codebook.json:3:27: ")
                .doesNotContain("must be");
    }

    @Test
    void theSameInScriptsAndPackJsonWhileAVersionMayBeANumber() {
        var scripts = catchThrowableOfType(io.siyu.rules.diagnostic.DiagnosticException.class,
                () -> ScriptLibrary.parse("scripts.json", "{\"version\": 2, \"personas\": {\"p\": {\"name\": \"P\"}},"
                        + " \"scripts\": [{\"id\": 101, \"persona\": \"p\", \"channel\": \"one_to_one\","
                        + " \"text\": \"hi\"}]}", Locale.ENGLISH));
        assertThat(formatted(scripts)).containsExactly(
                "scripts.json:1:69: scripts[0].id must be a text, but it is a number. (at scripts[0].id)");
        var pack = catchThrowableOfType(io.siyu.rules.diagnostic.DiagnosticException.class,
                () -> PackManifest.parse("{\"id\": 42, \"version\": 3}", Locale.ENGLISH));
        assertThat(formatted(pack)).containsExactly("pack.json:1:8: id must be a text, but it is a number. (at id)");
        assertThat(PackManifest.parse("{\"id\": \"p\", \"version\": 3}", Locale.ENGLISH).version()).isEqualTo("3");
    }
}

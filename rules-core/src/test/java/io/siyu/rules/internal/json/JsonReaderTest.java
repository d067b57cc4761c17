package io.siyu.rules.internal.json;

import io.siyu.rules.diagnostic.Diagnostic;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Where the JSON reader puts the problems that are about a field's key rather than its value. */
class JsonReaderTest {

    @Test
    void anUnknownFieldIsReportedAtItsKeyEvenWhenTheValueIsOnAnotherLine() {
        JsonReader reader = new JsonReader("x.json", "io.siyu.rules.internal.json.messages", Locale.ENGLISH);
        String text = """
                {
                  "id": "a",
                  "nested": { "ok": 1,
                      "colour":
                          "red" }
                }""";
        JsonValue root = reader.parse(text).orElseThrow();
        JsonValue nested = root.fields().get("nested");
        JsonValue colour = nested.fields().get("colour");
        assertThat(colour.line()).isEqualTo(5);
        assertThat(colour.column()).isEqualTo(11);
        assertThat(colour.keyLine()).isEqualTo(4);
        assertThat(colour.keyColumn()).isEqualTo(7);
        assertThat(root.keyLine()).isEqualTo(root.line());
        assertThat(root.keyColumn()).isEqualTo(root.column());

        reader.object(root, List.of("id", "nested"));
        reader.object(nested, List.of("ok"));

        assertThat(reader.diagnostics())
                .extracting(Diagnostic::line, Diagnostic::column, Diagnostic::key, Diagnostic::path)
                .containsExactly(tuple(4, 7, "json.unknown-field", "nested.colour"));
    }

    @Test
    void aDuplicateKeyIsReportedAtTheSecondKeyAndNamesTheLineOfTheFirstKey() {
        JsonReader reader = new JsonReader("x.json", "io.siyu.rules.internal.json.messages", Locale.ENGLISH);
        String text = """
                { "id":
                    "a",
                  "id": "b" }""";
        reader.parse(text).orElseThrow();

        assertThat(reader.diagnostics())
                .extracting(Diagnostic::line, Diagnostic::column, Diagnostic::key, Diagnostic::message)
                .containsExactly(tuple(3, 3, "json.duplicate-key",
                        "The field \"id\" is written twice in the same object (first on line 1); keep one."));
    }
}

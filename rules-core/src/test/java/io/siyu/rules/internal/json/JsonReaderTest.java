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
    private static List<String> messages(String text, Locale locale, java.util.function.BiConsumer<JsonReader,
            JsonValue> read) {
        JsonReader reader = new JsonReader("x.json", "io.siyu.rules.internal.json.messages", locale);
        reader.parse(text).ifPresent(root -> read.accept(reader, root));
        return reader.diagnostics().stream().map(Diagnostic::message).toList();
    }

    @Test
    void theTopLevelIsNamedInWordsNeverAsAPlaceholder() {
        java.util.function.BiConsumer<JsonReader, JsonValue> idRequired = (reader, root) -> reader
                .object(root, List.of("id")).ifPresent(o -> o.requiredText("id"));

        assertThat(messages("{}", Locale.ENGLISH, idRequired)).containsExactly(
                "The field \"id\" is missing: add it at the top level (inside the outermost { … }).");
        assertThat(messages("{}", Locale.SIMPLIFIED_CHINESE, idRequired)).containsExactly(
                "缺少字段 \"id\"：请把它加在最外层（最外面的 { … } 里）。");
        assertThat(messages("[1, 2]", Locale.ENGLISH, idRequired)).containsExactly(
                "The whole JSON must be an object, but it is a list.");
        assertThat(messages("[1, 2]", Locale.SIMPLIFIED_CHINESE, idRequired)).containsExactly(
                "整个 JSON 应当是对象，但现在是列表。");
        assertThat(messages("true", Locale.ENGLISH, JsonReader::text)).containsExactly(
                "The whole JSON must be a text, but it is true or false.");
        assertThat(messages("\" \"", Locale.ENGLISH, JsonReader::text)).containsExactly(
                "The JSON must not be an empty text.");
        for (Locale locale : new Locale[]{Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE}) {
            for (String text : new String[]{"{}", "[]", "true", "\" \"", "7"}) {
                assertThat(messages(text, locale, idRequired)).as(text).allSatisfy(m -> assertThat(m)
                        .doesNotContain("(document)").doesNotContain("{0}").doesNotContain("{1}"));
            }
        }
        assertThat(messages("{\"a\": {}}", Locale.ENGLISH, (reader, root) -> reader.object(root, List.of("a"))
                .flatMap(o -> o.get("a")).flatMap(a -> reader.object(a, List.of("b"))).ifPresent(b -> b.required("b"))))
                .as("inside, the object's path is named").containsExactly("The field \"b\" is missing from a.");
    }

    @Test
    void valuesAreQuotedShortenedSoAHugeNumberDoesNotMakeAHugeLine() {
        String huge = "1" + "0".repeat(399);
        java.util.function.BiConsumer<JsonReader, JsonValue> hours = (reader, root) -> reader
                .object(root, List.of("silentHours")).ifPresent(o -> o.integer("silentHours", 0, 0, 1_000_000));

        List<String> scientific = messages("{\"silentHours\": 1e400}", Locale.ENGLISH, hours);
        assertThat(scientific).containsExactly("silentHours is 1e400, but it must be between 0 and 1,000,000.");
        List<String> digits = messages("{\"silentHours\": " + huge + "}", Locale.ENGLISH, hours);
        assertThat(digits).singleElement().asString()
                .startsWith("silentHours is " + "1" + "0".repeat(38) + "…, but it must be")
                .hasSizeLessThan(100);
        assertThat(messages("{\"silentHours\": 1e999999999}", Locale.ENGLISH, hours)).as("never spelt out")
                .containsExactly("silentHours is 1e999999999, but it must be between 0 and 1,000,000.");
        assertThat(messages("{\"silentHours\": " + huge + ".5}", Locale.SIMPLIFIED_CHINESE, hours))
                .singleElement().asString().startsWith("silentHours 应当是整数，但现在是 1000").hasSizeLessThan(80);

        String longKey = "k".repeat(300);
        assertThat(messages("{\"" + longKey + "\": 1}", Locale.ENGLISH, (reader, root) -> reader.object(root,
                List.of("id")))).singleElement().asString()
                .isEqualTo("Unknown field \"" + "k".repeat(39) + "…\". The fields allowed here are: id.");
        assertThat(messages("{\"a\": " + "x".repeat(300) + "}", Locale.ENGLISH, (reader, root) -> { }))
                .singleElement().asString().contains("x".repeat(39) + "…").hasSizeLessThan(250);
    }

    @Test
    void aFeatureMessageQuotingTheValueGetsItShortenedButItsOwnListsWhole() {
        Locale en = Locale.ENGLISH;
        JsonReader reader = new JsonReader("x.json", "io.siyu.rules.decision.messages", en);
        String longStage = "S".repeat(500);
        JsonValue root = reader.parse("{\"stage\": \"" + longStage + "\"}").orElseThrow();
        String allowed = "NEW, ONE_TO_ONE, GROUPED, SEEDING, CONVERSION, CONVERTED, NURTURE, LEFT";
        reader.error(root.fields().get("stage"), "customer.unknown-stage", longStage, allowed);

        assertThat(reader.diagnostics()).singleElement().extracting(Diagnostic::message).isEqualTo(
                "\"" + "S".repeat(39) + "…\" is not a funnel stage. Write one of: " + allowed + ".");
        assertThat(JsonReader.excerpt("短的")).isEqualTo("短的");
        assertThat(JsonReader.excerpt("😀".repeat(41))).as("code points, pairs kept whole")
                .isEqualTo("😀".repeat(39) + "…");
    }

    @Test
    void chineseMessagesSetLatinKindsOffWithASpace() {
        java.util.function.BiConsumer<JsonReader, JsonValue> required = (reader, root) -> reader
                .object(root, List.of("required")).ifPresent(o -> o.bool("required", false));
        assertThat(messages("{\"required\": \"yes\"}", Locale.SIMPLIFIED_CHINESE, required))
                .containsExactly("required 应当是 true 或 false，但现在是文字。");
        assertThat(messages("{\"required\": \"yes\"}", Locale.ENGLISH, required))
                .containsExactly("required must be true or false, but it is a text.");
        assertThat(messages("{\"id\": null}", Locale.SIMPLIFIED_CHINESE, (reader, root) -> reader.text(
                root.fields().get("id")))).containsExactly("id 应当是文字，但现在是 null。");
    }
}

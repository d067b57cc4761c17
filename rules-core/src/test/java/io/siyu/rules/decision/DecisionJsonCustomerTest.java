package io.siyu.rules.decision;

import io.siyu.rules.decision.Customer.Signals;
import io.siyu.rules.codebook.Codebook;
import io.siyu.rules.diagnostic.Diagnostic;
import io.siyu.rules.funnel.Stage;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Customers as JSON lines: the input of {@code siyu decide} and of the demo. */
class DecisionJsonCustomerTest {
    static final Codebook CODEBOOK = Codebook.load(SkincareDecisionTest.PACK.resolve("codebook.json"), Locale.ENGLISH);
    static final DecisionJson READER = DecisionJson.of(CODEBOOK, Locale.ENGLISH);

    @Test
    void readsAnswersMessagesSignalsAttributesAndTheFunnelPosition() {
        Customer c = READER.readCustomer("in.jsonl", 1, """
                {"id":"c001","answers":{"problems":["closed","acne"],"concern":"acne","urgency":"now"},\
                "messages":["这个多少钱？","怎么买"],"signals":{"replied":true,"silentHours":2,"clickedLink":true,\
                "purchasedBefore":false,"touchesToday":1},"attributes":{"nickname":"小美","spend":399.5,"vip":true},\
                "stage":"SEEDING","funnelDay":3}""");

        assertThat(c.getId()).isEqualTo("c001");
        assertThat(c.getTags().codes()).isEqualTo("34DU1");
        assertThat(c.getMessages()).containsExactly("这个多少钱？", "怎么买");
        assertThat(c.getSignals()).isEqualTo(new Signals(true, 2, true, false, 1));
        assertThat(c.getAttributes()).containsEntry("nickname", "小美").containsEntry("vip", true)
                .containsEntry("spend", new BigDecimal("399.5"));
        assertThat(c.number("spend")).isEqualTo(399.5);
        assertThat(c.getStage()).isEqualTo(Stage.SEEDING);
        assertThat(c.getFunnelDay()).isEqualTo(3);
    }

    @Test
    void readsTagsFromCodesOrFromAStaffRemarkAndNoneMeansANewCustomer() {
        assertThat(READER.readCustomer("in", 1, "{\"id\":\"a\",\"codes\":\"3DU2\"}").getTags().codes()).isEqualTo("3DU2");
        assertThat(READER.readCustomer("in", 2, "{\"id\":\"b\",\"remark\":\"王女士 3DU2\"}").getTags().codes())
                .isEqualTo("3DU2");
        Customer fresh = READER.readCustomer("in", 3, "{\"id\":\"c\"}");
        assertThat(fresh.getTags().isEmpty()).isTrue();
        assertThat(fresh.isInFunnel()).isFalse();
    }

    @Test
    void everyProblemOfALineIsReportedWithTheLineNumberColumnAndField() {
        JsonInputException e = catchThrowableOfType(JsonInputException.class, () -> READER.readCustomer("in.jsonl",
                7, "{\"id\":\"c7\",\"colour\":\"red\",\"messages\":[\"hi\",3],\"signals\":{\"silentHours\":-1}}"));

        assertThat(e.diagnostics()).extracting(Diagnostic::format).containsExactly(
                "in.jsonl:7:12: Unknown field \"colour\". The fields allowed here are: id, answers, codes, remark, "
                        + "messages, signals, attributes, stage, funnelDay. (at colour)",
                "in.jsonl:7:44: Each message must be a text. (at messages[1])",
                "in.jsonl:7:72: signals.silentHours is -1, but it must be between 0 and 1,000,000. "
                        + "(at signals.silentHours)");
        assertThat(e.getMessage()).startsWith("in.jsonl line 7: this customer record cannot be read.");
    }

    @Test
    void anUnknownStageIsReportedAtItsValueWithTheStagesThatExist() {
        JsonInputException e = catchThrowableOfType(JsonInputException.class, () -> READER.readCustomer("in.jsonl",
                4, "{\"id\":\"c4\",\"stage\":\"SEEDNG\",\"funnelDay\":2}"));

        assertThat(e.diagnostics()).extracting(Diagnostic::format).containsExactly(
                "in.jsonl:4:20: \"SEEDNG\" is not a funnel stage. Write one of: NEW, ONE_TO_ONE, GROUPED, SEEDING, "
                        + "CONVERSION, CONVERTED, NURTURE, LEFT. (at stage)");
    }

    @Test
    void aStageIsReadInAnyCaseAsFunnelJsonSpellsIt() {
        for (String written : new String[]{"seeding", "Seeding", "SEEDING"}) {
            assertThat(READER.readCustomer("in.jsonl", 1, "{\"id\":\"c1\",\"stage\":\"" + written
                    + "\",\"funnelDay\":2}").getStage()).as(written).isEqualTo(Stage.SEEDING);
        }
        assertThat(READER.readCustomer("in.jsonl", 1, "{\"id\":\"c1\",\"stage\":\"one_to_one\"}").getStage())
                .isEqualTo(Stage.ONE_TO_ONE);
    }

    @Test
    void aHugeValueIsQuotedShortenedAndALineArrayIsNamedInWords() {
        JsonInputException e = catchThrowableOfType(JsonInputException.class, () -> READER.readCustomer("in.jsonl",
                3, "{\"id\":\"c3\",\"signals\":{\"silentHours\":1e400},\"stage\":\"" + "X".repeat(300) + "\"}"));
        assertThat(e.diagnostics()).extracting(Diagnostic::format).containsExactly(
                "in.jsonl:3:37: signals.silentHours is 1e400, but it must be between 0 and 1,000,000. "
                        + "(at signals.silentHours)",
                "in.jsonl:3:52: \"" + "X".repeat(39) + "…\" is not a funnel stage. Write one of: NEW, ONE_TO_ONE, "
                        + "GROUPED, SEEDING, CONVERSION, CONVERTED, NURTURE, LEFT. (at stage)");

        assertThatThrownBy(() -> READER.readCustomer("in.jsonl", 4, "[{\"id\":\"c4\"}]"))
                .isInstanceOf(JsonInputException.class)
                .hasMessageContaining("in.jsonl:4:1: The whole JSON must be an object, but it is a list.")
                .hasMessageNotContaining("(document)");
    }

    @Test
    void wrongAnswersAreReportedAtTheAnswersWithTheCodebookMessage() {
        JsonInputException e = catchThrowableOfType(JsonInputException.class, () -> READER.readCustomer("in.jsonl",
                2, "{\"id\":\"c2\",\"answers\":{\"problems\":[\"acne\"],\"concern\":\"wrinkles\",\"urgency\":\"now\"}}"));

        assertThat(e.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.file()).isEqualTo("in.jsonl");
            assertThat(d.line()).isEqualTo(2);
            assertThat(d.column()).isEqualTo(53);
            assertThat(d.path()).isEqualTo("answers.concern");
            assertThat(d.message()).contains("wrinkles").contains("acne");
        });
    }

    @Test
    void tagsMayComeFromOneSourceOnlyAndNeedACodebook() {
        assertThatThrownBy(() -> READER.readCustomer("in", 4, "{\"id\":\"x\",\"codes\":\"3D\",\"remark\":\"3D\"}"))
                .isInstanceOf(JsonInputException.class)
                .hasMessageContaining("in:4:")
                .hasMessageContaining("Give the tags in one way only");
        assertThatThrownBy(() -> DecisionJson.of(null, Locale.ENGLISH).readCustomer("in", 5, "{\"id\":\"x\",\"codes\":\"3D\"}"))
                .isInstanceOf(JsonInputException.class)
                .hasMessageContaining("This pack has no codebook.json");
    }

    @Test
    void malformedJsonAndAMissingIdAreClearErrors() {
        assertThatThrownBy(() -> READER.readCustomer("in", 9, "{\"id\":\"x\","))
                .isInstanceOf(JsonInputException.class).hasMessageContaining("in:9:")
                .hasMessageContaining("This is not valid JSON here");
        assertThatThrownBy(() -> READER.readCustomer("in", 10, "{\"codes\":\"3D\"}"))
                .isInstanceOf(JsonInputException.class)
                .hasMessageContaining("The field \"id\" is missing");
    }

    @Test
    void messagesFollowTheLocale() {
        DecisionJson chinese = DecisionJson.of(CODEBOOK, Locale.SIMPLIFIED_CHINESE);
        assertThatThrownBy(() -> chinese.readCustomer("in", 1, "{\"id\":\"x\",\"messages\":[1]}"))
                .hasMessageContaining("每条消息都必须是文字。");
    }

    @Test
    void theReaderIsUsableFromThePack() {
        var pack = io.siyu.rules.pack.RulePack.load(Path.of("src/test/resources/packs/skincare"));
        assertThat(pack.json().readCustomer("in", 1, "{\"id\":\"a\",\"codes\":\"3DU2\"}").getTags())
                .isEqualTo(pack.codebook().decode("3DU2"));
        assertThat(List.of(pack.codebook().describe(pack.codebook().decode("3DU2")))).isNotEmpty();
    }

    @Test
    void aCustomerDocumentOfSeveralLinesIsReadWhole() {
        Customer c = READER.readCustomer("""
                {
                  "id": "wx-1",
                  "codes": "3DU2",
                  "messages": ["在吗", "多少钱"],
                  "signals": {"replied": true, "silentHours": 3},
                  "attributes": {"nickname": "小美"}
                }
                """);
        assertThat(c.getId()).isEqualTo("wx-1");
        assertThat(c.getTags().codes()).isEqualTo("3DU2");
        assertThat(c.getMessages()).containsExactly("在吗", "多少钱");
        assertThat(c.getSignals().silentHours()).isEqualTo(3);
        assertThat(c.attribute("nickname")).isEqualTo("小美");
    }

    @Test
    void everyProblemOfACustomerDocumentNamesItsJsonPathAndItsLineAndColumnInTheDocument() {
        JsonInputException e = catchThrowableOfType(JsonInputException.class, () -> READER.readCustomer("""
                {
                  "id": "wx-1",
                  "answers": {"problems": ["acne"], "concern": "wrinkles", "urgency": "now"},
                  "messages": ["在吗", 7],
                  "colour": "red"
                }
                """));
        assertThat(e.diagnostics()).extracting(Diagnostic::format).containsExactly(
                "<customer>:5:3: Unknown field \"colour\". The fields allowed here are: id, answers, codes, remark,"
                        + " messages, signals, attributes, stage, funnelDay. (at colour)",
                "<customer>:4:22: Each message must be a text. (at messages[1])",
                "<customer>:3:48: Question \"concern\" has no option \"wrinkles\". Its options are: dry, oily, acne,"
                        + " closed, spots, sensitive. (at answers.concern)");
        assertThat(e.getMessage()).startsWith("This customer record cannot be read.").doesNotContain("line 1");
    }

    @Test
    void malformedJsonInADocumentIsPlacedWhereTheParserStopped() {
        JsonInputException e = catchThrowableOfType(JsonInputException.class,
                () -> READER.readCustomer("{\n  \"id\": \"a\"\n  \"codes\": \"3D\"\n}"));
        assertThat(e.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.file()).isEqualTo("<customer>");
            assertThat(d.line()).isEqualTo(3);
            assertThat(d.key()).isEqualTo("json.malformed");
        });
    }
}

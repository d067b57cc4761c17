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
class CustomerReaderTest {
    static final Codebook CODEBOOK = Codebook.load(SkincareDecisionTest.PACK.resolve("codebook.json"), Locale.ENGLISH);
    static final CustomerReader READER = CustomerReader.of(CODEBOOK, Locale.ENGLISH);

    @Test
    void readsAnswersMessagesSignalsAttributesAndTheFunnelPosition() {
        Customer c = READER.read("in.jsonl", 1, """
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
        assertThat(READER.read("in", 1, "{\"id\":\"a\",\"codes\":\"3DU2\"}").getTags().codes()).isEqualTo("3DU2");
        assertThat(READER.read("in", 2, "{\"id\":\"b\",\"remark\":\"王女士 3DU2\"}").getTags().codes())
                .isEqualTo("3DU2");
        Customer fresh = READER.read("in", 3, "{\"id\":\"c\"}");
        assertThat(fresh.getTags().isEmpty()).isTrue();
        assertThat(fresh.isInFunnel()).isFalse();
    }

    @Test
    void everyProblemOfALineIsReportedWithTheLineNumberColumnAndField() {
        CustomerInputException e = catchThrowableOfType(CustomerInputException.class, () -> READER.read("in.jsonl",
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
        CustomerInputException e = catchThrowableOfType(CustomerInputException.class, () -> READER.read("in.jsonl",
                4, "{\"id\":\"c4\",\"stage\":\"SEEDNG\",\"funnelDay\":2}"));

        assertThat(e.diagnostics()).extracting(Diagnostic::format).containsExactly(
                "in.jsonl:4:20: \"SEEDNG\" is not a funnel stage. Write one of: NEW, ONE_TO_ONE, GROUPED, SEEDING, "
                        + "CONVERSION, CONVERTED, NURTURE, LEFT. (at stage)");
    }

    @Test
    void wrongAnswersAreReportedAtTheAnswersWithTheCodebookMessage() {
        CustomerInputException e = catchThrowableOfType(CustomerInputException.class, () -> READER.read("in.jsonl",
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
        assertThatThrownBy(() -> READER.read("in", 4, "{\"id\":\"x\",\"codes\":\"3D\",\"remark\":\"3D\"}"))
                .isInstanceOf(CustomerInputException.class)
                .hasMessageContaining("in:4:")
                .hasMessageContaining("Give the tags in one way only");
        assertThatThrownBy(() -> CustomerReader.of(null, Locale.ENGLISH).read("in", 5, "{\"id\":\"x\",\"codes\":\"3D\"}"))
                .isInstanceOf(CustomerInputException.class)
                .hasMessageContaining("This pack has no codebook.json");
    }

    @Test
    void malformedJsonAndAMissingIdAreClearErrors() {
        assertThatThrownBy(() -> READER.read("in", 9, "{\"id\":\"x\","))
                .isInstanceOf(CustomerInputException.class).hasMessageContaining("in:9:")
                .hasMessageContaining("This is not valid JSON here");
        assertThatThrownBy(() -> READER.read("in", 10, "{\"codes\":\"3D\"}"))
                .isInstanceOf(CustomerInputException.class)
                .hasMessageContaining("The field \"id\" is missing");
    }

    @Test
    void messagesFollowTheLocale() {
        CustomerReader chinese = CustomerReader.of(CODEBOOK, Locale.SIMPLIFIED_CHINESE);
        assertThatThrownBy(() -> chinese.read("in", 1, "{\"id\":\"x\",\"messages\":[1]}"))
                .hasMessageContaining("每条消息都必须是文字。");
    }

    @Test
    void theReaderIsUsableFromThePack() {
        var pack = io.siyu.rules.pack.RulePack.load(Path.of("src/test/resources/packs/skincare"));
        assertThat(pack.customerReader().read("in", 1, "{\"id\":\"a\",\"codes\":\"3DU2\"}").getTags())
                .isEqualTo(pack.codebook().decode("3DU2"));
        assertThat(List.of(pack.codebook().describe(pack.codebook().decode("3DU2")))).isNotEmpty();
    }
}

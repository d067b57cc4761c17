package io.siyu.rules.funnel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;

import static io.siyu.rules.funnel.Fixtures.onDay;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FunnelJsonTest {

    private final FunnelJson json = FunnelJson.create();
    private final FunnelMachine machine = FunnelMachine.of(FunnelConfig.defaults());

    @ParameterizedTest
    @EnumSource(FunnelEvent.Kind.class)
    void everyEventTypeRoundTripsWithItsTypeAndAnIsoTimestamp(FunnelEvent.Kind kind) {
        FunnelEvent event = Fixtures.event(kind, "e1", "c1", onDay(0, "10:30:15.250"));
        String text = json.write(event);

        assertThat(text).contains("\"type\":\"" + event.getClass().getSimpleName() + "\"",
                "\"timestamp\":\"2026-11-23T02:30:15.250Z\"");
        assertThat(json.readEvent(text)).isEqualTo(event);
    }

    @ParameterizedTest
    @EnumSource(Stage.class)
    void aJourneyInEveryStageRoundTrips(Stage stage) {
        Journey journey = Fixtures.journeyIn(machine, stage);
        if (stage == Stage.CONVERTED) {
            journey = machine.apply(journey, new FunnelEvent.Purchased("again", "c1", onDay(4, "12:00"), 500));
        }
        String text = json.write(journey);

        assertThat(json.readJourney(text)).isEqualTo(journey);
        if (stage != Stage.NEW) {
            assertThat(text).contains("\"startDate\":\"2026-11-23\"", "\"stage\":\"" + stage + "\"");
        }
    }

    @Test
    void aConvertedJourneyStoresItsPurchasesAsIsoInstants() {
        Journey converted = machine.apply(Fixtures.journeyIn(machine, Stage.CONVERTED),
                new FunnelEvent.Purchased("again", "c1", onDay(4, "12:00"), 500));
        assertThat(json.write(converted)).contains("\"firstPurchaseAt\":\"2026-11-24T10:00:00Z\"",
                "\"firstRepurchaseAt\":\"2026-11-27T04:00:00Z\"", "\"cohort\":[{\"questionId\":\"concern\"");
    }

    @Test
    void aJourneyStoresTheDayItsStageBeganAndReadsTheOlderDayField() {
        Journey conversion = Fixtures.journeyIn(machine, Stage.CONVERSION);
        String text = json.write(conversion);
        assertThat(text).contains("\"stageDay\":6").doesNotContain("\"day\"");
        assertThat(json.readJourney(text.replace("\"stageDay\"", "\"day\""))).as("stored before 'stageDay'")
                .isEqualTo(conversion);
    }

    @Test
    void aJournalOfEveryEventTypeRoundTripsInOrder() {
        List<FunnelEvent> journal = new ArrayList<>();
        for (FunnelEvent.Kind kind : FunnelEvent.Kind.values()) {
            journal.add(Fixtures.event(kind, "e" + kind.ordinal(), "c1", onDay(kind.ordinal(), "09:00")));
        }
        assertThat(json.readJournal(json.writeJournal(journal))).containsExactlyElementsOf(journal);
    }

    @Test
    void aReportIsWrittenWithItsRates() {
        Journey converted = Fixtures.journeyIn(machine, Stage.CONVERTED);
        String text = json.write(FunnelReport.of(List.of(converted, Fixtures.journeyIn(machine, Stage.NURTURE))));
        assertThat(text).contains("\"entered\":2", "\"convertedSeeding\":1", "\"cumulativeRate\":0.5",
                "\"byGroup\":{\"D-2026-11-23-1\":");
    }

    @Test
    void unreadableJsonIsAFunnelExceptionThatSaysWhatWasRead() {
        assertThatThrownBy(() -> json.readEvent("{\"type\":\"Teleported\",\"eventId\":\"e\"}"))
                .isInstanceOfSatisfying(FunnelException.class,
                        e -> assertThat(e.key()).isEqualTo("funnel.json-unreadable"))
                .hasMessageContaining("stored event");
        assertThatThrownBy(() -> json.readEvent(
                "{\"type\":\"Added\",\"eventId\":\"e\",\"customerId\":\"c\",\"timestamp\":\"yesterday\"}"))
                .isInstanceOf(FunnelException.class)
                .hasMessageContaining("yesterday");
        assertThatThrownBy(() -> json.readJourney("{\"customerId\":\"c\"}"))
                .isInstanceOf(FunnelException.class)
                .hasMessageContaining("stored journey");
    }

    @Test
    void jsonNullIsUnreadableRatherThanANullResult() {
        assertThatThrownBy(() -> json.readEvent("null")).isInstanceOfSatisfying(FunnelException.class,
                e -> assertThat(e.key()).isEqualTo("funnel.json-unreadable")).hasMessageContaining("stored event");
        assertThatThrownBy(() -> json.readJourney(" null ")).isInstanceOf(FunnelException.class)
                .hasMessageContaining("stored journey");
        assertThatThrownBy(() -> json.readJournal("null")).isInstanceOf(FunnelException.class)
                .hasMessageContaining("stored journal");
    }

    @Test
    void aJournalWithANullEventIsUnreadableAndCannotBeWritten() {
        String added = json.write(new FunnelEvent.Added("e1", "c1", onDay(0, "09:00")));
        assertThatThrownBy(() -> json.readJournal("[" + added + ", null]"))
                .isInstanceOfSatisfying(FunnelException.class,
                        e -> assertThat(e.key()).isEqualTo("funnel.json-unreadable"))
                .hasMessageContaining("index 1");

        List<FunnelEvent> withNull = new ArrayList<>();
        withNull.add(null);
        assertThatThrownBy(() -> json.writeJournal(withNull)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void storedValuesThatNoJourneyCanHaveAreUnreadable() {
        String seeding = json.write(Fixtures.journeyIn(machine, Stage.SEEDING));
        assertThat(seeding).contains("\"startDate\":\"2026-11-23\"", "\"customerId\":\"c1\"");

        assertThatThrownBy(() -> json.readJourney(seeding.replace("\"2026-11-23\"", "null")))
                .isInstanceOfSatisfying(FunnelException.class,
                        e -> assertThat(e.key()).isEqualTo("funnel.json-unreadable"))
                .hasMessageContaining("stored journey").hasMessageContaining("start date");
        assertThatThrownBy(() -> json.readJourney(seeding.replace("\"c1\"", "null")))
                .isInstanceOf(FunnelException.class).hasMessageContaining("stored journey");
    }
    /** The English and Chinese messages of a stored text's problem; both checked for Java and Jackson wording. */
    private static List<String> refusal(org.assertj.core.api.ThrowableAssert.ThrowingCallable read) {
        FunnelException e = org.assertj.core.api.Assertions.catchThrowableOfType(FunnelException.class, read);
        assertThat(e).as("refused").isNotNull();
        assertThat(e.key()).isEqualTo("funnel.json-unreadable");
        List<String> both = List.of(e.message(java.util.Locale.ENGLISH),
                e.message(java.util.Locale.SIMPLIFIED_CHINESE));
        for (String message : both) {
            assertThat(message).doesNotContain("io.siyu", "java.", "Cannot construct", "Could not resolve",
                    "type id", "subtype", "creator", "Unrecognized", "Cannot deserialize", "instance of", "`", "$",
                    "{0", "{1", "{2", "{3");
        }
        return both;
    }

    @Test
    void storedTextsThatCannotBeReadAreSaidInOurWordsInBothLanguages() {
        assertThat(refusal(() -> json.readEvent("{\"type\":\"Foo\",\"eventId\":\"e\"}"))).containsExactly(
                "The stored event has the type \"Foo\" (line 1, column 9), which is not a kind of event. The kinds "
                        + "are: Added, Surveyed, MessageReceived, Purchased, LeftGroup, OptedOut, Blocked, Sent.",
                "保存的事件的 type 是 \"Foo\"（第 1 行第 9 列），这不是事件的种类。种类有：Added, Surveyed, "
                        + "MessageReceived, Purchased, LeftGroup, OptedOut, Blocked, Sent。");
        assertThat(refusal(() -> json.readEvent("{\"eventId\":\"e\"}")).get(0))
                .startsWith("The stored event has no \"type\"");
        assertThat(refusal(() -> json.readEvent("{\"type\":\"Purchased\",\"eventId\":\"e\",\"customerId\":\"c\","
                + "\"timestamp\":\"2026-11-23T02:00:00Z\"}")).get(0))
                .as("a missing field").contains("stored event", "amountFen");
        assertThat(refusal(() -> json.readEvent("{\"type\":\"Purchased\",\"eventId\":\"e\",\"customerId\":\"c\","
                + "\"timestamp\":\"2026-11-23T02:00:00Z\",\"amountFen\":\"lots\"}")).get(0))
                .as("a mistyped field").contains("stored event", "amountFen", "line 1");
        assertThat(refusal(() -> json.readEvent("{\"type\":\"Purchased\",\"eventId\":\"e\",\"customerId\":\"c\","
                + "\"timestamp\":\"2026-11-23T02:00:00Z\",\"amountFen\":-5}")).get(0))
                .as("a value no event can have").contains("stored event", "negative amount");
        assertThat(refusal(() -> json.readEvent("{\"type\":\"Added\",\"eventId\":\"e\",\"customerId\":\"c\","
                + "\"timestamp\":\"2026-11-23T02:00:00Z\",\"colour\":\"red\"}")).get(0))
                .contains("\"colour\"", "customerId, eventId, timestamp");
        assertThat(refusal(() -> json.readEvent("[]"))).containsExactly(
                "The stored event must be an object with a \"type\", but what is at line 1, column 2 is not.",
                "保存的事件应当是带 \"type\" 的对象，但第 1 行第 2 列的内容不是。");
        assertThat(refusal(() -> json.readEvent("{\"type\":"))).first().asString()
                .startsWith("The stored event is not valid JSON: see line 1");
        assertThat(refusal(() -> json.readJournal("[{\"type\":\"Teleported\"}]")).get(0))
                .startsWith("The stored journal has the type \"Teleported\"");
        assertThat(refusal(() -> json.readJournal("{}")).get(0))
                .startsWith("The stored journal must be a list of events");
        assertThat(refusal(() -> json.readJourney("{\"customerId\":[]}")).get(0)).startsWith("The stored journey");
    }

    @Test
    void aLongValueInAStoredTextIsQuotedShortened() {
        String longTime = "y".repeat(500);
        assertThat(refusal(() -> json.readEvent("{\"type\":\"Added\",\"eventId\":\"e\",\"customerId\":\"c\","
                + "\"timestamp\":\"" + longTime + "\"}")).get(0))
                .contains("timestamp", "\"" + "y".repeat(39) + "…\"", "ISO-8601").hasSizeLessThan(250);
        assertThat(refusal(() -> json.readEvent("{\"type\":\"" + longTime + "\"}")).get(0))
                .contains("\"" + "y".repeat(39) + "…\"").hasSizeLessThan(250);
    }
}

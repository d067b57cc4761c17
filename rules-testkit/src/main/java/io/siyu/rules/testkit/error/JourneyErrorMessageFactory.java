package io.siyu.rules.testkit.error;

import io.siyu.rules.funnel.Journey;
import io.siyu.rules.funnel.Stage;

import java.time.Instant;
import java.util.Optional;

/**
 * The message of a failed assertion on a customer's funnel {@link Journey}: {@code Expected customer ID},
 * what was expected and what the journey is, a blank line, then the whole journey ({@link #describe(Journey)}):
 * <pre>
 * Expected customer c1 to be in stage SEEDING but was CONVERTED.
 *
 * Journey:
 *   customer:   c1
 *   ...
 * </pre>
 * Extend it for the messages of your own journey assertions, giving the sentence after the customer:
 * {@code super(journey, "to be a VIP but was %s", level)}. Instances are immutable and thread-safe.
 */
public abstract class JourneyErrorMessageFactory extends PlainErrorMessageFactory {

    /**
     * @param journey           the journey under assertion, not null
     * @param sentenceFormat    the rest of the sentence after {@code Expected customer ID }, without the final
     *                          full stop, with {@code %s} for each argument (and no other conversion)
     * @param sentenceArguments the values for the {@code %s}s, shown as {@link String#valueOf(Object)} gives them
     */
    protected JourneyErrorMessageFactory(Journey journey, String sentenceFormat, Object... sentenceArguments) {
        super("Expected customer %s " + sentenceFormat + ".\n\n%s",
                append(prepend(journey.customerId(), sentenceArguments), describe(journey)));
    }

    private static Object[] prepend(Object first, Object[] arguments) {
        Object[] all = new Object[arguments.length + 1];
        all[0] = first;
        System.arraycopy(arguments, 0, all, 1, arguments.length);
        return all;
    }

    /**
     * {@code Journey:} and one indented line per field — how every journey failure, and every funnel scenario
     * failure about a customer, shows the journey.
     *
     * @param journey not null
     * @return several lines, without a final line break
     */
    public static String describe(Journey journey) {
        return "Journey:\n"
                + "  customer:   " + journey.customerId() + "\n"
                + "  stage:      " + journey.stage() + "\n"
                + "  stage day:  " + journey.stageDay() + (journey.startDate() == null ? "" : " (day 0: "
                + journey.startDate() + ")") + "\n"
                + "  cohort:     " + (journey.cohortCodes().isEmpty() ? "(untagged)" : journey.cohortCodes()) + "\n"
                + "  group:      " + group(journey) + "\n"
                + "  purchases:  " + journey.purchases() + " (" + journey.revenueFen() + " fen"
                + moment(", first at ", journey.firstPurchaseAt()) + ")\n"
                + "  converted:  " + orNone(journey.convertedIn()) + "\n"
                + "  left:       " + orNone(journey.leftIn()) + "\n"
                + "  last event: " + (journey.lastEventId() == null ? "none" : journey.lastEventId()
                + moment(" at ", journey.lastEventAt()));
    }

    /** The group id, or {@code in no group}. */
    static String group(Journey journey) {
        return journey.isGrouped() ? journey.groupId() : "in no group";
    }

    /** The stage, or {@code none} for a customer who never got there. */
    static Object orNone(Stage stage) {
        return stage == null ? "none" : stage;
    }

    private static String moment(String prefix, Optional<Instant> at) {
        return at.map(i -> prefix + i).orElse("");
    }
}

package io.siyu.rules.bench;

import io.siyu.rules.decision.ContactPolicy;
import io.siyu.rules.decision.Customer;
import io.siyu.rules.decision.IntentLevel;
import io.siyu.rules.decision.IntentThresholds;
import io.siyu.rules.pack.RulePack;

import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * What a hand-written reference takes from its pack: the intent thresholds, the contact policy, the timezone
 * and the decision clock, with the two judgements every pack's rules make from them. Immutable.
 *
 * @param thresholds the score thresholds of {@code pack.json}
 * @param contact    the daily cap and quiet hours of {@code pack.json}
 * @param zone       the pack's timezone
 * @param clock      the clock the pack decides at
 */
record ReferenceSettings(IntentThresholds thresholds, ContactPolicy contact, ZoneId zone, Clock clock) {
    /** The settings of a loaded pack, at its clock. */
    static ReferenceSettings of(RulePack pack) {
        var m = pack.manifest();
        return new ReferenceSettings(m.thresholds(), m.contact(), m.zone(), pack.options().clock());
    }

    /** The intent level of a score. */
    IntentLevel level(int score) {
        return thresholds.levelOf(score);
    }

    /** Whether the contact policy mutes this customer now: the daily cap is reached, or it is quiet hours. */
    boolean muted(Customer c) {
        return c.getTouchesToday() >= contact.dailyCap()
                || contact.isQuiet(LocalTime.ofInstant(clock.instant(), zone));
    }
}

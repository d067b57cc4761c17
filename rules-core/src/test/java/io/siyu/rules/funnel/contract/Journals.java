package io.siyu.rules.funnel.contract;

import io.siyu.rules.codebook.Tag;
import io.siyu.rules.codebook.TagSet;
import io.siyu.rules.funnel.FunnelEvent;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The journals of the funnel-on-a-database issue, as a CRM would send them (JSON, read with
 * {@code FunnelJson.readJournal}), and generated ones. Times are in Shanghai (UTC+8); day 0 is 23 November 2026.
 */
public final class Journals {
    /** The funnel's timezone. */
    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** Day 0 of the journals. */
    public static final LocalDate DAY_0 = LocalDate.of(2026, 11, 23);
    /** Acne as the concern: cohort D. */
    public static final TagSet ACNE = TagSet.of(List.of(new Tag("concern", "acne", "D")));
    /** Dryness as the concern: cohort F. */
    public static final TagSet DRYNESS = TagSet.of(List.of(new Tag("concern", "dryness", "F")));

    private Journals() {
    }

    /** A clock stopped in Shanghai, on day {@code day} of the journals at {@code time}. */
    public static Clock clockOn(int day, String time) {
        return Clock.fixed(at(day, time), SHANGHAI);
    }

    /** A moment on day {@code day} at a Shanghai time such as {@code "10:10:05"}. */
    public static Instant at(int day, String time) {
        return LocalDateTime.parse(DAY_0.plusDays(day) + "T" + time).atZone(SHANGHAI).toInstant();
    }

    /**
     * Retried order: added, surveyed, order-9001 (¥299 at 10:10:05), a message in the same second, then the
     * shop retries its webhook with order-9001 again. One purchase.
     */
    public static final String RETRIED_ORDER = """
            [
             {"type":"Added","eventId":"add-1","customerId":"c-9001","timestamp":"2026-11-23T02:00:00Z"},
             {"type":"Surveyed","eventId":"survey-1","customerId":"c-9001","timestamp":"2026-11-23T02:05:00Z",
              "tags":[{"questionId":"concern","optionId":"acne","code":"D"}]},
             {"type":"Purchased","eventId":"order-9001","customerId":"c-9001","timestamp":"2026-11-23T02:10:05Z",
              "amountFen":29900},
             {"type":"MessageReceived","eventId":"msg-1","customerId":"c-9001","timestamp":"2026-11-23T02:10:05Z"},
             {"type":"Purchased","eventId":"order-9001","customerId":"c-9001","timestamp":"2026-11-23T02:10:05Z",
              "amountFen":29900}
            ]""";

    /** Out of order: a purchase stamped 10:03 arrives after a message stamped 10:05, both on day 0. */
    public static final String OUT_OF_ORDER = """
            [
             {"type":"Added","eventId":"add-2","customerId":"c-2","timestamp":"2026-11-23T02:00:00Z"},
             {"type":"Surveyed","eventId":"survey-2","customerId":"c-2","timestamp":"2026-11-23T02:01:00Z",
              "tags":[{"questionId":"concern","optionId":"acne","code":"D"}]},
             {"type":"MessageReceived","eventId":"msg-2","customerId":"c-2","timestamp":"2026-11-23T02:05:00Z"},
             {"type":"Purchased","eventId":"order-2","customerId":"c-2","timestamp":"2026-11-23T02:03:00Z",
              "amountFen":19900}
            ]""";

    /**
     * Purchase after the window: added and surveyed on day 0, a purchase on day 14 (with
     * {@code nurtureAfterConversion: false} the customer left on day 12).
     */
    public static final String PURCHASE_AFTER_THE_WINDOW = """
            [
             {"type":"Added","eventId":"add-3","customerId":"c-3","timestamp":"2026-11-23T02:00:00Z"},
             {"type":"Surveyed","eventId":"survey-3","customerId":"c-3","timestamp":"2026-11-23T02:01:00Z",
              "tags":[{"questionId":"concern","optionId":"acne","code":"D"}]},
             {"type":"Purchased","eventId":"order-3","customerId":"c-3","timestamp":"2026-12-07T04:00:00Z",
              "amountFen":29900}
            ]""";

    /**
     * Coming back: added and surveyed on day 0, opted out on day 2, added again a month later (day 32) and
     * bought the next day.
     */
    public static final String COMING_BACK = """
            [
             {"type":"Added","eventId":"add-4","customerId":"c-4","timestamp":"2026-11-23T02:00:00Z"},
             {"type":"Surveyed","eventId":"survey-4","customerId":"c-4","timestamp":"2026-11-23T02:01:00Z",
              "tags":[{"questionId":"concern","optionId":"acne","code":"D"}]},
             {"type":"OptedOut","eventId":"optout-4","customerId":"c-4","timestamp":"2026-11-25T12:00:00Z"},
             {"type":"Added","eventId":"add-4b","customerId":"c-4","timestamp":"2026-12-25T02:00:00Z"},
             {"type":"Purchased","eventId":"order-4","customerId":"c-4","timestamp":"2026-12-26T02:00:00Z",
              "amountFen":19900}
            ]""";

    /**
     * A generated journal of {@code customers} customers over three weeks, in time order but with the events of
     * each day shuffled a little and some re-sent: added and surveyed on one of days 0-6, some buying on day 0 or
     * later, some leaving their group, some buying twice.
     */
    public static List<FunnelEvent> generated(int customers, long seed) {
        Random random = new Random(seed);
        List<FunnelEvent> events = new ArrayList<>();
        for (int n = 0; n < customers; n++) {
            String c = String.format("g%05d", n);
            int day = random.nextInt(7);
            Instant added = at(day, "09:00").plusSeconds(random.nextInt(12 * 3600));
            events.add(new FunnelEvent.Added(c + "-a", c, added));
            events.add(new FunnelEvent.Surveyed(c + "-s", c, added.plusSeconds(60), random.nextBoolean() ? ACNE : DRYNESS));
            int fate = random.nextInt(10);
            if (fate == 0) {
                events.add(new FunnelEvent.Purchased(c + "-p", c, added.plusSeconds(3600), 29_900));
            } else if (fate <= 4) {
                Instant bought = added.plusSeconds(86_400L * (1 + random.nextInt(12)) + random.nextInt(3600));
                events.add(new FunnelEvent.Purchased(c + "-p", c, bought, 29_900));
                if (fate == 4) {
                    events.add(new FunnelEvent.Purchased(c + "-p2", c, bought.plusSeconds(86_400L * 3), 19_900));
                }
            } else if (fate == 5) {
                events.add(new FunnelEvent.LeftGroup(c + "-l", c, added.plusSeconds(86_400L * (2 + random.nextInt(5)))));
            }
            events.add(new FunnelEvent.MessageReceived(c + "-m", c, added.plusSeconds(120 + random.nextInt(600))));
        }
        events.sort(java.util.Comparator.comparing(FunnelEvent::timestamp));
        // Neighbours of the same day swap places now and then, and some events are sent twice.
        for (int i = 1; i < events.size(); i++) {
            FunnelEvent a = events.get(i - 1);
            FunnelEvent b = events.get(i);
            if (random.nextInt(5) == 0 && LocalDate.ofInstant(a.timestamp(), SHANGHAI)
                    .equals(LocalDate.ofInstant(b.timestamp(), SHANGHAI))) {
                events.set(i - 1, b);
                events.set(i, a);
            }
        }
        List<FunnelEvent> withDuplicates = new ArrayList<>();
        for (FunnelEvent event : events) {
            withDuplicates.add(event);
            if (random.nextInt(20) == 0) {
                withDuplicates.add(event);
            }
        }
        return withDuplicates;
    }
}

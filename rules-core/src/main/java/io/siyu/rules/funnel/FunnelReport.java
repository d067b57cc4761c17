package io.siyu.rules.funnel;

import io.siyu.rules.internal.i18n.Messages;
import io.siyu.rules.internal.text.TextTable;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The funnel's numbers over a set of journeys: in total, by cohort codes and by group. Serialises to
 * JSON with {@link FunnelJson#write(FunnelReport)}; {@link #toTable()} is the command line form.
 * Immutable and thread-safe.
 *
 * @param total    every journey
 * @param byCohort by cohort codes ({@code untagged} for customers not surveyed), sorted by the codes; an
 *                 unmodifiable copy
 * @param byGroup  by group id, sorted by the id (customers never grouped are in no group); an
 *                 unmodifiable copy
 */
public record FunnelReport(FunnelCounts total, SortedMap<String, FunnelCounts> byCohort,
                           SortedMap<String, FunnelCounts> byGroup) {

    private static final String UNTAGGED = "untagged";
    private static final List<String> COLUMNS = List.of("segment", "entered", "day0", "seeding", "conversion",
            "late", "afterLeaving", "beforeEntering", "dayZeroRate", "cumulativeRate", "nurture", "left", "active", "buyers", "repurchase7",
            "repurchase30", "revenue");

    /**
     * Makes a report; {@link #of(Collection)} adds journeys up into one.
     *
     * @param total    the counts over every journey
     * @param byCohort the counts by cohort codes, without null values (not checked); copied, keeping the
     *                 map's order
     * @param byGroup  the counts by group id, without null values (not checked); copied, keeping the map's
     *                 order
     * @throws NullPointerException when an argument is null, or a map has a null key
     */
    public FunnelReport {
        Objects.requireNonNull(total, "total");
        byCohort = Collections.unmodifiableSortedMap(new TreeMap<>(byCohort));
        byGroup = Collections.unmodifiableSortedMap(new TreeMap<>(byGroup));
    }

    /**
     * The report over these journeys ({@link Stage#NEW} ones are not counted, but for an order recorded before
     * the customer entered, in {@link FunnelCounts#boughtBeforeEntering()}).
     *
     * @param journeys the journeys, in any order; may be empty
     * @return the report; with no journeys, all counts are 0 and the maps are empty
     * @throws NullPointerException when {@code journeys} or one of them is null
     */
    public static FunnelReport of(Collection<Journey> journeys) {
        Objects.requireNonNull(journeys, "journeys");
        Builder builder = new Builder();
        journeys.forEach(builder);
        return builder.report();
    }

    /** Adds journeys up one at a time, so that a report over a store needs no list of them. Not thread-safe. */
    static final class Builder implements java.util.function.Consumer<Journey> {
        private final FunnelCounts.Tally total = new FunnelCounts.Tally();
        private final Map<String, FunnelCounts.Tally> cohorts = new TreeMap<>();
        private final Map<String, FunnelCounts.Tally> groups = new TreeMap<>();

        @Override
        public void accept(Journey journey) {
            Objects.requireNonNull(journey, "journey");
            total.add(journey);
            if (journey.stage() == Stage.NEW && journey.purchases() == 0) {
                return;
            }
            String cohort = journey.cohortCodes().isEmpty() ? UNTAGGED : journey.cohortCodes();
            cohorts.computeIfAbsent(cohort, key -> new FunnelCounts.Tally()).add(journey);
            if (journey.isGrouped()) {
                groups.computeIfAbsent(journey.groupId(), key -> new FunnelCounts.Tally()).add(journey);
            }
        }

        FunnelReport report() {
            return new FunnelReport(total.counts(), counts(cohorts), counts(groups));
        }
    }

    private static SortedMap<String, FunnelCounts> counts(Map<String, FunnelCounts.Tally> tallies) {
        SortedMap<String, FunnelCounts> out = new TreeMap<>();
        tallies.forEach((key, tally) -> out.put(key, tally.counts()));
        return out;
    }

    /**
     * The report as an aligned text table with English headings, groups included; see
     * {@link #toTable(Locale, boolean)}.
     *
     * @return the table, one line per row, each ending with {@code \n}
     */
    public String toTable() {
        return toTable(Locale.ROOT);
    }

    /**
     * The report as an aligned text table, groups included; see {@link #toTable(Locale, boolean)}.
     *
     * @param locale the language of headings and row names
     * @return the table, one line per row, each ending with {@code \n}
     * @throws NullPointerException when {@code locale} is null
     */
    public String toTable(Locale locale) {
        return toTable(locale, true);
    }

    /**
     * The report as an aligned text table: a heading row, then one row for the total, each cohort (in
     * code order) and, when {@code includeGroups}, each group (in id order; a forecast over weeks has
     * hundreds). Rates are in percent with one decimal, revenue in yuan with two; columns are aligned by
     * display width (a Chinese character takes two columns of a terminal). The columns of the rarer purchases
     * (late, after leaving, before entering) are shown only when the total has some (a cohort or a group
     * never has one the total lacks). Its JSON form ({@link FunnelJson#write(FunnelReport)}) has every figure.
     *
     * @param locale        the language of headings and row names (English or Simplified Chinese)
     * @param includeGroups whether to list each group
     * @return the table, one line per row, each ending with {@code \n}
     * @throws NullPointerException when {@code locale} is null
     */
    public String toTable(Locale locale, boolean includeGroups) {
        Messages messages = Messages.of(FunnelConfig.BUNDLE, Objects.requireNonNull(locale, "locale"));
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>();
        for (String column : COLUMNS) {
            header.add(messages.format("report.column." + column));
        }
        rows.add(header);
        rows.add(row(messages.format("report.total"), total));
        byCohort.forEach((cohort, counts) -> rows.add(row(messages.format("report.cohort", cohort), counts)));
        if (includeGroups) {
            byGroup.forEach((group, counts) -> rows.add(row(messages.format("report.group", group), counts)));
        }
        List<Integer> shown = new ArrayList<>();
        for (int c = 0; c < COLUMNS.size(); c++) {
            if (!RARE.contains(COLUMNS.get(c)) || !rows.get(1).get(c).equals("0")) {
                shown.add(c);
            }
        }
        List<List<String>> table = rows.stream().map(row -> shown.stream().map(row::get).toList()).toList();

        // The segment name reads left-aligned; numbers line up on the right.
        return TextTable.format(table, column -> column > 0);
    }

    /** Columns of purchases that are rare in a running funnel, shown only when the total has some. */
    private static final Set<String> RARE = Set.of("late", "afterLeaving", "beforeEntering");

    private static List<String> row(String segment, FunnelCounts counts) {
        return List.of(segment, Integer.toString(counts.entered()), Integer.toString(counts.convertedDayZero()),
                Integer.toString(counts.convertedSeeding()), Integer.toString(counts.convertedConversion()),
                Integer.toString(counts.convertedLate()), Integer.toString(counts.convertedAfterLeaving()),
                Integer.toString(counts.boughtBeforeEntering()), percent(counts.dayZeroRate()),
                percent(counts.cumulativeRate()), Integer.toString(counts.nurture()), Integer.toString(counts.left()),
                Integer.toString(counts.active()), Integer.toString(counts.buyers()),
                percent(counts.repurchase7DaysRate()), percent(counts.repurchase30DaysRate()),
                String.format(Locale.ROOT, "%d.%02d", counts.revenueFen() / 100, counts.revenueFen() % 100));
    }

    private static String percent(double rate) {
        return String.format(Locale.ROOT, "%.1f%%", rate * 100);
    }
}

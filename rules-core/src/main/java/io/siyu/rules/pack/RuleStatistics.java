package io.siyu.rules.pack;

import io.siyu.rules.decision.Decision;
import io.siyu.rules.decision.Proposal;
import io.siyu.rules.decision.RuleInfo;
import io.siyu.rules.decision.Veto;
import io.siyu.rules.internal.text.TextTable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;

/**
 * How often each rule of a pack did something, over the decisions made since the pack was loaded (or the
 * statistics were {@linkplain RulePack#resetRuleStatistics() reset}): a snapshot, read with
 * {@link RulePack#ruleStatistics()}. Counted only when the pack was loaded with
 * {@link PackOptions.Builder#ruleStatistics(boolean) ruleStatistics(true)}; otherwise deciding does no work for
 * them and every count is 0.
 *
 * <p>Per rule: <b>fires</b>, how many times it fired (a rule may fire more than once in a decision);
 * <b>wins</b>, how many decisions its proposal won (the winner of a {@code HOLDOUT} decision — what would have
 * been sent — counts too: the rule did win arbitration); <b>vetoes</b>, how many proposals it vetoed. A rule that
 * never fired over a realistic set of customers is usually dead (a condition that cannot match, a code that the
 * codebook no longer has).
 *
 * <p>Immutable and thread-safe.
 *
 * @param decisions how many decisions were counted (failed ones included)
 * @param rules     one row per rule of the pack, in the order of {@link RulePack#rules()}; unmodifiable
 */
public record RuleStatistics(long decisions, List<Row> rules) {

    /**
     * The counts of one rule.
     *
     * @param rule   the rule (name, file, line, phase)
     * @param fires  how many times it fired, 0 or more
     * @param wins   how many decisions its proposal won, 0 or more
     * @param vetoes how many proposals it vetoed, 0 or more
     */
    public record Row(RuleInfo rule, long fires, long wins, long vetoes) {
        /**
         * Makes a row.
         *
         * @param rule   the rule
         * @param fires  the fires
         * @param wins   the wins
         * @param vetoes the vetoes
         * @throws NullPointerException when {@code rule} is null
         */
        public Row {
            Objects.requireNonNull(rule, "rule");
        }

        /**
         * Whether the rule never fired.
         *
         * @return true when {@link #fires()} is 0
         */
        public boolean neverFired() {
            return fires == 0;
        }
    }

    /**
     * Makes a snapshot.
     *
     * @param decisions the decisions counted
     * @param rules     the rows; copied
     * @throws NullPointerException when {@code rules} or a row is null
     */
    public RuleStatistics {
        rules = List.copyOf(rules);
    }

    /**
     * The rules that never fired.
     *
     * @return their rows, in pack order; unmodifiable, empty when every rule fired
     */
    public List<Row> neverFired() {
        return rules.stream().filter(Row::neverFired).toList();
    }

    /**
     * The statistics as an aligned text table: one row per rule (name, fires, wins, vetoes, file:line), rules that
     * never fired marked with {@code never fired} ({@code 从未触发} in Chinese), then the number of decisions.
     *
     * @param locale the language of the headings (English, or Simplified Chinese for {@code zh})
     * @return the table, each line ending with {@code \n}
     * @throws NullPointerException when {@code locale} is null
     */
    public String toTable(Locale locale) {
        boolean zh = "zh".equals(Objects.requireNonNull(locale, "locale").getLanguage());
        List<String[]> rows = new ArrayList<>();
        rows.add(zh ? new String[] {"规则", "触发", "胜出", "否决", "位置", ""}
                : new String[] {"rule", "fires", "wins", "vetoes", "where", ""});
        for (Row r : rules) {
            rows.add(new String[] {r.rule().name(), Long.toString(r.fires()), Long.toString(r.wins()),
                    Long.toString(r.vetoes()), r.rule().file() + ":" + r.rule().line(),
                    r.neverFired() ? (zh ? "从未触发" : "never fired") : ""});
        }
        // Counts line up on the right; the rule, its place and the note on the left.
        StringBuilder out = new StringBuilder(TextTable.format(rows.stream().map(List::of).toList(),
                column -> column >= 1 && column <= 3));
        out.append(zh ? "共 " + decisions + " 个决策，" + neverFired().size() + " 条规则从未触发\n"
                : decisions + " decisions, " + neverFired().size() + " rule(s) never fired\n");
        return out.toString();
    }

    /**
     * The live counters of one pack: {@link LongAdder} arrays indexed by the rule's position in the pack, so that
     * threads deciding at once do not contend. The rule names of a decision are looked up in an index built once
     * at load (never a map of counters keyed by name). Thread-safe.
     */
    static final class Counters {
        private final List<RuleInfo> rules;
        private final Map<String, Integer> index;
        private final LongAdder decisions = new LongAdder();
        private final LongAdder[] fires;
        private final LongAdder[] wins;
        private final LongAdder[] vetoes;

        Counters(List<RuleInfo> rules) {
            this.rules = List.copyOf(rules);
            Map<String, Integer> byName = new HashMap<>();
            for (int i = 0; i < this.rules.size(); i++) {
                byName.putIfAbsent(this.rules.get(i).name(), i);
            }
            this.index = Map.copyOf(byName);
            this.fires = adders(this.rules.size());
            this.wins = adders(this.rules.size());
            this.vetoes = adders(this.rules.size());
        }

        private static LongAdder[] adders(int n) {
            LongAdder[] out = new LongAdder[n];
            for (int i = 0; i < n; i++) {
                out[i] = new LongAdder();
            }
            return out;
        }

        /** Counts one decision; no allocation. */
        void count(Decision decision) {
            decisions.increment();
            List<String> fired = decision.firedRules();
            for (int i = 0; i < fired.size(); i++) {
                increment(fires, fired.get(i));
            }
            Proposal winner = decision.winner().orElse(null);
            if (winner == null && decision.isHeldOut()) {
                winner = decision.counterfactual().map(Decision.Counterfactual::winner).orElse(null);
            }
            if (winner != null) {
                increment(wins, winner.getRule());
            }
            List<Veto> vetoed = decision.vetoed();
            for (int i = 0; i < vetoed.size(); i++) {
                increment(vetoes, vetoed.get(i).rule());
            }
        }

        private void increment(LongAdder[] counters, String rule) {
            Integer i = index.get(rule);
            if (i != null) {
                counters[i].increment();
            }
        }

        RuleStatistics snapshot() {
            List<Row> rows = new ArrayList<>(rules.size());
            for (int i = 0; i < rules.size(); i++) {
                rows.add(new Row(rules.get(i), fires[i].sum(), wins[i].sum(), vetoes[i].sum()));
            }
            return new RuleStatistics(decisions.sum(), rows);
        }

        void reset() {
            decisions.reset();
            for (int i = 0; i < rules.size(); i++) {
                fires[i].reset();
                wins[i].reset();
                vetoes[i].reset();
            }
        }
    }
}

package io.siyu.rules.testkit;

import io.siyu.rules.cases.CaseResult;
import io.siyu.rules.cases.CaseRunner;
import io.siyu.rules.cases.CaseTable;
import io.siyu.rules.decision.Decision;
import io.siyu.rules.decision.IntentLevel;
import io.siyu.rules.pack.RulePack;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.siyu.rules.testkit.error.ShouldHaveAction.shouldHaveAction;
import static io.siyu.rules.testkit.error.ShouldHaveIntent.shouldHaveIntent;
import static io.siyu.rules.testkit.error.ShouldHaveUsedScript.shouldHaveUsedScript;
import static io.siyu.rules.testkit.error.ShouldMeetExpectations.shouldMeetExpectations;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A failing case-table row (checked and worded in rules-core) and a failing assertion (worded by the testkit's
 * message factories) say the same thing in English, so that staff who read both see one language.
 */
@RulePackTest("src/test/resources/packs/skincare")
class CaseTablesAgreeWithAssertionsTest {

    @Test
    void aRowWithThreeUnmetExpectationsReadsLikeTheThreeAssertions(RulePack pack) {
        List<Decision> decisions = new CopyOnWriteArrayList<>();
        CaseRunner runner = CaseRunner.of(pack).inLocale(Locale.ENGLISH).observing(decisions::add);

        List<CaseResult> results = runner.run(runner.load(List.of(RuleCasesTest.WRONG)));

        Decision d = decisions.get(1);
        assertThat(results.get(1).message()).isEqualTo(shouldMeetExpectations(d, List.of(
                "wrong-expectations.csv:3 期待推荐但被克制:",
                shouldHaveAction(d, "OFFER_PRODUCT").summary(),
                shouldHaveUsedScript(d, "acne.offer").summary(),
                shouldHaveIntent(d, IntentLevel.HOT).summary())).create());
    }

    @Test
    void anExpectedScriptWhereThereIsNoneReadsLikeTheAssertion(RulePack pack) {
        List<Decision> decisions = new CopyOnWriteArrayList<>();
        CaseRunner runner = CaseRunner.of(pack).inLocale(Locale.ENGLISH).observing(decisions::add);
        CaseTable night = CaseTable.parse("night.csv", CaseTable.HEADER + ",clock\n"
                + "深夜,3DU2,,,,NONE,acne.light,,2026-11-23T23:30:00+08:00\n", Locale.ENGLISH);

        CaseResult result = runner.run(night.rows().get(0));

        Decision d = decisions.get(0);
        assertThat(result.message()).isEqualTo(shouldMeetExpectations(d, List.of("night.csv:2 深夜:",
                shouldHaveUsedScript(d, "acne.light").summary())).create());
    }
}

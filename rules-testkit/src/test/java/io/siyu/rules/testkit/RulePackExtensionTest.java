package io.siyu.rules.testkit;

import io.siyu.rules.decision.IntentLevel;
import io.siyu.rules.funnel.Stage;
import io.siyu.rules.pack.RulePack;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestExecutionResult.Status;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

import static io.siyu.rules.testkit.RuleAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * The {@link RulePackTest} extension, run on fixture classes through the JUnit Platform launcher. The
 * fixtures are static nested classes, which Maven Surefire does not run on their own; an IDE that does
 * finds them disabled ({@link OnlyThroughLauncher}).
 */
class RulePackExtensionTest {

    /** Runs a fixture class and returns every finished test or container by display name (classes by simple name). */
    private static Map<String, TestExecutionResult> run(Class<?> testClass) {
        return run(testClass, true, new LinkedHashMap<>());
    }

    private static Map<String, TestExecutionResult> run(Class<?> testClass, boolean asFixture,
                                                        Map<String, String> skipped) {
        Map<String, TestExecutionResult> results = new LinkedHashMap<>();
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(testClass));
        if (asFixture) {
            request.configurationParameter(OnlyThroughLauncher.PARAMETER, "true");
        }
        LauncherFactory.create().execute(request.build(), new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                results.put(simpleName(id), result);
            }

            @Override
            public void executionSkipped(TestIdentifier id, String reason) {
                skipped.put(simpleName(id), reason);
            }
        });
        return results;
    }

    private static String simpleName(TestIdentifier id) {
        String name = id.getDisplayName();
        return name.substring(name.lastIndexOf('$') + 1);
    }

    private static String failureOf(TestExecutionResult result) {
        assertThat(result.getStatus()).isEqualTo(Status.FAILED);
        return result.getThrowable().orElseThrow().getMessage();
    }

    @Test
    void injectsThePackIntoParametersAndFieldsAndSharesItWithNestedClasses() {
        Map<String, TestExecutionResult> results = run(InjectionFixture.class);

        assertThat(results).hasSize(8)
                .containsKey("aNewFunnelScenarioForEachTestStartingAtTheAnnotationsClock(FunnelScenario)")
                .allSatisfy((name, result) ->
                assertThat(result.getStatus()).as(name + ": " + result).isEqualTo(Status.SUCCESSFUL));
    }

    @Test
    void aBrokenPackFailsTheClassWithEveryDiagnosticOnItsOwnLine() {
        Map<String, TestExecutionResult> results = run(BrokenPackFixture.class);

        assertThat(results).containsOnlyKeys("BrokenPackFixture", "JUnit Jupiter");
        assertThat(failureOf(results.get("BrokenPackFixture"))).isEqualTo("""
                Rule pack src/test/resources/packs/broken does not load (5 problems):
                codebook.json:14:35: Code "3" is already the code of option "acne" of question "problems" \
                (line 13, at questions[0].options[2].code); every option needs a different code. \
                (at questions[0].options[3].code)
                rules/broken.drl:6:5: "Custmer" is not a kind of fact. Did you mean "Customer"? Rules can use: \
                Customer, Intent, Proposal, Now, ContactPolicy, GroupDay.
                rules/broken.drl:16:38: scripts.json has no script "acne.nothing". Did you mean "acne.motive"?
                rules/broken.drl:19:1: Rule "忘了写阶段" has no phase. Add ruleflow-group "intent", "propose", \
                "content" or "policy" on the line after its name.
                scripts.json:48:27: warning: Script "city.tip" uses the variable "city", which has no default, so a \
                customer without the attribute "city" gets a failed decision (the script cannot be filled in) \
                whenever the script is proposed; no rule names it, so siyu cannot see whether the proposing rule \
                checks hasAttribute("city"). Give "city" a default under "variables" or in this script's \
                "defaults", or make sure the rule that proposes it has hasAttribute("city") in its conditions. \
                (at scripts[14].text)""");
    }

    @Test
    void requireFullCoverageFailsTheClassListingRulesThatNeverFired() {
        Map<String, TestExecutionResult> results = run(UncoveredFixture.class);

        assertThat(results.get("decidesOneCustomer(TestCustomers)").getStatus()).isEqualTo(Status.SUCCESSFUL);
        assertThat(failureOf(results.get("UncoveredFixture")))
                .startsWith("27 of 32 rules of pack skincare-test 1.0.0 never fired in 1 decision:\n"
                        + "  rules/content.drl:3  痘痘群 种草第1天 (content)\n"
                        + "  rules/content.drl:11  痘痘群 转化第6天 (content)\n"
                        + "  rules/intent.drl:3  越快越好 (intent)\n")
                .endsWith("  rules/propose.drl:143  什么都不做 (propose)");
    }

    @Test
    void fixturesAreSkippedWhenRunOnTheirOwn() {
        Map<String, String> skipped = new LinkedHashMap<>();

        assertThat(run(BrokenPackFixture.class, false, skipped)).containsOnlyKeys("JUnit Jupiter");
        assertThat(skipped).containsExactly(Map.entry("BrokenPackFixture", "a fixture of RulePackExtensionTest"));
    }

    @Test
    void aBadClockIsAConfigurationError() {
        assertThat(failureOf(run(BadClockFixture.class).get("BadClockFixture")))
                .isEqualTo("@RulePackTest(clock = \"tomorrow\") is not a date-time with offset, e.g. "
                        + "2026-11-23T10:00:00+08:00");
    }

    // ---- fixtures, run only through the launcher above ----

    /** Disables the fixtures unless {@link #run(Class)} runs them. */
    static final class OnlyThroughLauncher implements ExecutionCondition {
        static final String PARAMETER = "siyu.testkit.fixtures";

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return context.getConfigurationParameter(PARAMETER).isPresent()
                    ? ConditionEvaluationResult.enabled("run by RulePackExtensionTest")
                    : ConditionEvaluationResult.disabled("a fixture of RulePackExtensionTest");
        }
    }

    @RulePackTest(value = Packs.SKINCARE, clock = "2026-11-23T23:30:00+08:00", locale = "zh-CN")
    @ExtendWith(OnlyThroughLauncher.class)
    static class InjectionFixture {
        static RulePack staticPack;
        RulePack pack;
        TestCustomers customers;
        RuleCoverage coverage;
        static FunnelScenario staticScenario;
        FunnelScenario scenario;

        @Test
        void fieldsAreFilled() {
            assertThat(pack).isNotNull().isSameAs(staticPack);
            assertThat(customers.pack()).isSameAs(pack);
            assertThat(coverage).isSameAs(RuleCoverage.of(pack));
        }

        @Test
        void parametersAreResolved(RulePack p, TestCustomers c, RuleCoverage rc) {
            assertThat(p).isSameAs(staticPack);
            assertThat(c.pack()).isSameAs(p);
            assertThat(rc).isSameAs(RuleCoverage.of(p));
        }

        @Test
        void theClockAndLocaleOfTheAnnotationAreUsed(RulePack p, TestCustomers c) {
            assertThat(p.options().clock().instant().atZone(ZoneId.of("Asia/Shanghai")).getHour()).isEqualTo(23);
            assertThat(p.options().locale().toLanguageTag()).isEqualTo("zh-CN");
            assertThat(c.customer("c1").codes("3DU2").decide()).hasNoAction().vetoedWithReason("STOP_GENTLY", "免打扰时段")
                    .hasIntent(IntentLevel.COLD);
        }

        @Test
        void aNewFunnelScenarioForEachTestStartingAtTheAnnotationsClock(FunnelScenario parameter) {
            assertThat(staticScenario).isNull();
            assertThat(scenario).isNotNull().isNotSameAs(parameter);
            assertThat(scenario.pack()).isSameAs(pack);
            assertThat(parameter.today()).isEqualTo(java.time.LocalDate.of(2026, 11, 23));
            parameter.customer("c1", "3DU2").advanceTo(FunnelScenario.day(1)).expectStage("c1", Stage.SEEDING);
        }

        @Nested
        class Inner {
            RulePack innerPack;

            @Test
            void nestedClassesShareTheOuterPack(RulePack p) {
                assertThat(p).isSameAs(staticPack).isSameAs(innerPack);
            }
        }
    }

    @RulePackTest(Packs.BROKEN)
    @ExtendWith(OnlyThroughLauncher.class)
    static class BrokenPackFixture {
        @Test
        void neverRuns(RulePack pack) {
            throw new IllegalStateException("a broken pack must fail the class before any test");
        }
    }

    @RulePackTest(value = Packs.SKINCARE, requireFullCoverage = true)
    @ExtendWith(OnlyThroughLauncher.class)
    static class UncoveredFixture {
        @Test
        void decidesOneCustomer(TestCustomers customers) {
            assertThat(customers.customer("c1").codes("3DU3").message("多少钱").decide()).hasAction("STOP_GENTLY");
        }
    }

    @RulePackTest(value = Packs.SKINCARE, clock = "tomorrow")
    @ExtendWith(OnlyThroughLauncher.class)
    static class BadClockFixture {
        @Test
        void neverRuns() {
        }
    }
}

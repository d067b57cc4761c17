package io.siyu.rules.testkit;

import io.siyu.rules.codebook.TagSet;
import io.siyu.rules.decision.Decision;
import io.siyu.rules.funnel.FunnelCounts;
import io.siyu.rules.funnel.FunnelReport;
import io.siyu.rules.funnel.Journey;
import io.siyu.rules.funnel.Stage;
import io.siyu.rules.pack.RulePack;
import io.siyu.rules.testkit.error.DecisionErrorMessageFactory;
import io.siyu.rules.testkit.error.FunnelReportErrorMessageFactory;
import io.siyu.rules.testkit.error.JourneyErrorMessageFactory;
import io.siyu.rules.testkit.error.TagSetErrorMessageFactory;
import org.junit.jupiter.api.Test;

import static io.siyu.rules.decision.IntentLevel.HOT;
import static io.siyu.rules.testkit.FunnelScenario.day;
import static io.siyu.rules.testkit.FunnelScenario.scenario;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The extension examples of the abstract assertion classes' Javadoc, compiled and run: the inherited assertions
 * return the subclass (so they chain with its own), and its own failures read like the testkit's.
 */
@RulePackTest(Packs.SKINCARE)
class ExtendingAssertionsTest {
    RulePack pack;
    TestCustomers customers;

    @Test
    void decisionAssertions() {
        Decision hot = customers.customer("c-hot").codes("34DU1").message("这个多少钱呀").decide();
        Decision capped = customers.customer("c-capped").codes("3DU1").message("怎么买").touchesToday(3).decide();

        new ShopDecisionAssert(hot).succeeded().offersTheSerum().hasIntent(HOT);
        new ShopDecisionAssert(capped).hasNoAction().isSilent();
        assertThatThrownBy(() -> new ShopDecisionAssert(hot).as("the hot customer").offersTheSerum().isSilent())
                .isInstanceOf(AssertionError.class)
                .hasMessage("[the hot customer] Expected no text but was \"" + hot.text() + "\".\n\nWhy:\n"
                        + hot.explain());
    }

    @Test
    void tagAssertions() {
        new SurveyTagsAssert(pack.codebook().decode("3DU1")).isAcneCohort().answered("urgency").hasCodes("3DU1");
        assertThatThrownBy(() -> new SurveyTagsAssert(pack.codebook().decode("3D")).isAcneCohort().answered("urgency"))
                .hasMessage("Expected an answer to urgency but there is none.\n"
                        + "Tags: problems=acne (3), concern=acne (D)");
    }

    @Test
    void journeyAssertions() {
        Journey buyer = scenario(pack).recordingTo(RuleCoverage.independent(pack)).customer("c1", "3DU2")
                .advanceTo(day(4)).purchase("c1", 29900).journey("c1");

        new CampaignJourneyAssert(buyer).boughtInTheGroup().spentAtLeast(29900).hasPurchases(1);
        assertThatThrownBy(() -> new CampaignJourneyAssert(buyer).spentAtLeast(50000))
                .hasMessage("Expected customer c1 to have spent at least 50000 fen but spent 29900.\n\n"
                        + JourneyAssert.describe(buyer));
    }

    @Test
    void reportAssertionsKeepTheirTypeAndDescriptionAcrossSegments() {
        FunnelReport report = scenario(pack).recordingTo(RuleCoverage.independent(pack))
                .customer("c1", "3DU1").customer("c2", "4EU2").advanceTo(day(2)).leaveGroup("c2").report();

        new CampaignReportAssert(report).hasEntered(2).cohort("D").lostNobody().total().hasLeft(1);
        assertThatThrownBy(() -> new CampaignReportAssert(report).as("campaign").cohort("E").hasEntered(1).lostNobody())
                .hasMessage("[campaign] Expected nobody (cohort E) to leave but 1 did.\n\nReport:\n" + report.toTable());
    }

    // ---- the examples, as the Javadoc gives them ----

    static final class ShopDecisionAssert extends AbstractDecisionAssert<ShopDecisionAssert> {
        ShopDecisionAssert(Decision actual) {
            super(actual, ShopDecisionAssert.class);
        }

        ShopDecisionAssert offersTheSerum() {
            return hasAction("OFFER_PRODUCT").usedScript("acne.offer");
        }

        ShopDecisionAssert isSilent() {
            isNotNull();
            if (!actual.text().isEmpty()) {
                throwAssertionError(new ShouldBeSilent(actual));
            }
            return myself;
        }

        private static final class ShouldBeSilent extends DecisionErrorMessageFactory {
            ShouldBeSilent(Decision decision) {
                super(decision, "Expected no text but was \"%s\".", decision.text());
            }
        }
    }

    static final class SurveyTagsAssert extends AbstractTagSetAssert<SurveyTagsAssert> {
        SurveyTagsAssert(TagSet actual) {
            super(actual, SurveyTagsAssert.class);
        }

        SurveyTagsAssert isAcneCohort() {
            return has("3", "D");
        }

        SurveyTagsAssert answered(String questionId) {
            isNotNull();
            if (actual.option(questionId).isEmpty()) {
                throwAssertionError(new ShouldHaveAnswered(actual, questionId));
            }
            return myself;
        }

        private static final class ShouldHaveAnswered extends TagSetErrorMessageFactory {
            ShouldHaveAnswered(TagSet tags, String questionId) {
                super(tags, "Expected an answer to %s but there is none.", questionId);
            }
        }
    }

    static final class CampaignJourneyAssert extends AbstractJourneyAssert<CampaignJourneyAssert> {
        CampaignJourneyAssert(Journey actual) {
            super(actual, CampaignJourneyAssert.class);
        }

        CampaignJourneyAssert boughtInTheGroup() {
            return isGrouped().convertedIn(Stage.SEEDING);
        }

        CampaignJourneyAssert spentAtLeast(long fen) {
            isNotNull();
            if (actual.revenueFen() < fen) {
                throwAssertionError(new ShouldHaveSpentAtLeast(actual, fen));
            }
            return myself;
        }

        private static final class ShouldHaveSpentAtLeast extends JourneyErrorMessageFactory {
            ShouldHaveSpentAtLeast(Journey journey, long fen) {
                super(journey, "to have spent at least %s fen but spent %s", fen, journey.revenueFen());
            }
        }
    }

    static final class CampaignReportAssert extends AbstractFunnelReportAssert<CampaignReportAssert> {
        CampaignReportAssert(FunnelReport actual) {
            super(actual, CampaignReportAssert.class);
        }

        private CampaignReportAssert(FunnelReport actual, String segment, FunnelCounts counts) {
            super(actual, segment, counts, CampaignReportAssert.class);
        }

        @Override
        protected CampaignReportAssert newSegmentAssert(String segment, FunnelCounts counts) {
            return new CampaignReportAssert(actual, segment, counts);
        }

        CampaignReportAssert lostNobody() {
            if (counts().left() != 0) {
                throwAssertionError(new ShouldHaveLostNobody(actual, segment(), counts().left()));
            }
            return myself;
        }

        private static final class ShouldHaveLostNobody extends FunnelReportErrorMessageFactory {
            ShouldHaveLostNobody(FunnelReport report, String segment, long left) {
                super(report, "Expected nobody (%s) to leave but %s did.", segment, left);
            }
        }
    }
}

package it;

import io.siyu.rules.pack.RulePack;
import io.siyu.rules.testkit.RuleCases;
import io.siyu.rules.testkit.RulePackTest;
import io.siyu.rules.testkit.TestCustomers;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.platform.engine.TestEngine;

import java.util.stream.Stream;

import static io.siyu.rules.testkit.RuleAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** A host built on rules-bom: the versions it pins, and the library and testkit at work on them. */
@RulePackTest("packs/mini")
class TestkitTest {
    @Test
    void theJUnitRunningIsTheProjectsOwn() {
        String expected = System.getProperty("expected.junit");
        assertThat(Test.class.getPackage().getImplementationVersion()).isEqualTo(expected);
        // The platform of the same release line (5.x.y runs on platform 1.x.y): nothing newer slipped in.
        assertThat(TestEngine.class.getPackage().getImplementationVersion()).isEqualTo("1" + expected.substring(1));
    }

    @Test
    void jacksonSlf4jAndDroolsAreTheVersionsOfTheBom() {
        assertThat(com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.toString())
                .isEqualTo(System.getProperty("expected.jackson"));
        assertThat(org.slf4j.LoggerFactory.class.getPackage().getImplementationVersion())
                .isEqualTo(System.getProperty("expected.slf4j"));
        assertThat(org.kie.api.KieServices.class.getPackage().getImplementationVersion())
                .isEqualTo(System.getProperty("expected.drools"));
    }

    @Test
    void aHotCustomerIsOffered(TestCustomers customers) {
        assertThat(customers.customer("c1").codes("3D").message("多少钱").decide())
                .hasAction("OFFER_PRODUCT").hasIntent(io.siyu.rules.decision.IntentLevel.HOT);
    }

    @TestFactory
    Stream<DynamicTest> thePacksCaseTables(RulePack pack) {
        return RuleCases.ofPack(pack).dynamicTests();
    }
}

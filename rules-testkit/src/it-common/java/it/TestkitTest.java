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

/**
 * The testkit in a host's build (src/it): its extension, assertions and case tables at work, on the host's own
 * JUnit; and the versions of JUnit, Jackson, SLF4J and Drools the host's build resolved, as each IT's pom
 * expects them (system properties {@code expected.*}). Shared by every IT project, run with this folder as the
 * working directory (the pack is {@code packs/mini} here).
 */
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
    void jacksonSlf4jAndDroolsAreTheVersionsTheHostsBuildExpects() {
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

package io.siyu.rules.testkit;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bare {@code assertThat(decision);} checks nothing; {@code @CheckReturnValue} lets Error Prone and IDEs say
 * so. The annotation has CLASS retention, so reflection finds the methods and the class files are read for it.
 */
class CheckReturnValueTest {
    private static final String CHECK_RETURN_VALUE = "Lorg/assertj/core/annotation/CheckReturnValue;";

    @Test
    void everyPublicAssertThatIsCheckReturnValue() {
        List<Method> assertThats = Arrays.stream(RuleAssertions.class.getDeclaredMethods())
                .filter(m -> m.getName().equals("assertThat") && Modifier.isPublic(m.getModifiers())).toList();

        assertThat(assertThats).extracting(m -> m.getParameterTypes()[0].getSimpleName())
                .contains("Decision", "TagSet", "Journey", "FunnelReport");
        assertThat(assertThats).allSatisfy(m -> assertThat(ClassFileAnnotations.of(m)).as(m.toString())
                .contains(CHECK_RETURN_VALUE));
    }

    @Test
    void methodsThatOnlyReturnAnotherAssertionAreCheckReturnValue() throws NoSuchMethodException {
        assertThat(ClassFileAnnotations.of(FunnelReportAssert.class.getMethod("cohort", String.class)))
                .contains(CHECK_RETURN_VALUE);
        assertThat(ClassFileAnnotations.of(FunnelReportAssert.class.getMethod("group", String.class)))
                .contains(CHECK_RETURN_VALUE);
        assertThat(ClassFileAnnotations.of(FunnelReportAssert.class.getMethod("total")))
                .contains(CHECK_RETURN_VALUE);
        assertThat(ClassFileAnnotations.of(JourneyAssert.class.getMethod("asOf", java.time.LocalDate.class)))
                .contains(CHECK_RETURN_VALUE);
    }

    /** The reader tells annotated methods from others: an assertion that checks something is not annotated. */
    @Test
    void assertionsThatCheckSomethingAreNot() throws NoSuchMethodException {
        Method hasAction = DecisionAssert.class.getMethod("hasAction", String.class);

        assertThat(hasAction.getDeclaringClass()).isEqualTo(AbstractDecisionAssert.class);
        assertThat(ClassFileAnnotations.of(hasAction)).doesNotContain(CHECK_RETURN_VALUE);
        assertThat(ClassFileAnnotations.of(FunnelReportAssert.class.getMethod("hasEntered", int.class)))
                .doesNotContain(CHECK_RETURN_VALUE);
    }
}

package io.siyu.rules.testkit;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Loads a rule pack once for a test class and hands it to the tests: as a parameter or field of type
 * {@link io.siyu.rules.pack.RulePack}, {@link TestCustomers} or {@link RuleCoverage}.
 * <pre>{@code
 * @RulePackTest("packs/gaozi")
 * class GaoziTest {
 *     @Test
 *     void hotCustomerIsOffered(TestCustomers customers) {
 *         assertThat(customers.customer("c1").codes("34DU1").message("多少钱").decide())
 *                 .hasAction("OFFER_PRODUCT");
 *     }
 * }
 * }</pre>
 * A pack that does not load fails the class with every diagnostic, one per line, as
 * {@code file:line:column: message}. Nested classes share their outer class's pack.
 *
 * @see RulePackExtension
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(RulePackExtension.class)
public @interface RulePackTest {

    /**
     * The pack: a directory, relative to the working directory (the Maven module when run by Maven), or a
     * folder on the test's class path written {@code classpath:packs/gaozi} (a pack shipped in
     * {@code src/main/resources}, read where it is: see {@code PackSource.classpath}).
     */
    String value();

    /**
     * The moment decisions are made at, as an ISO date-time with offset; empty (the default) for
     * {@code 2026-11-23T10:00:00+08:00} ({@link RuleCases#DEFAULT_TIME}), so tests give the same result at any hour.
     */
    String clock() default "";

    /** The locale of diagnostics as a language tag ({@code zh-CN}); empty for the JVM's default. */
    String locale() default "";

    /**
     * Whether the class fails after its tests when a rule of the pack never fired in any decision made
     * through the testkit (see {@link RuleCoverage#assertAllFired}).
     */
    boolean requireFullCoverage() default false;
}

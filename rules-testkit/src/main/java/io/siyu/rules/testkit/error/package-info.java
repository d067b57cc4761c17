/**
 * The failure messages of the testkit's assertions, one factory per kind of failure, in the style of AssertJ's
 * {@code org.assertj.core.error}: {@code ShouldHaveAction.shouldHaveAction(decision, "OFFER_PRODUCT")} gives the
 * message an assertion throws through AssertJ's {@code AbstractAssert} (which adds the description given with
 * {@code as(...)}, or replaces the message with {@code overridingErrorMessage(...)}).
 *
 * <p>Each message says what was expected and what was found, then shows the whole subject, so that a failure
 * can be understood without a debugger: a {@code Decision}'s explanation ({@link
 * io.siyu.rules.testkit.error.DecisionErrorMessageFactory}), a {@code TagSet}'s tags ({@link
 * io.siyu.rules.testkit.error.TagSetErrorMessageFactory}), a {@code Journey} ({@link
 * io.siyu.rules.testkit.error.JourneyErrorMessageFactory}) or a {@code FunnelReport}'s table ({@link
 * io.siyu.rules.testkit.error.FunnelReportErrorMessageFactory}). Extend those four for the messages of your own
 * assertions. Arguments are shown as {@link java.lang.String#valueOf(Object)} gives them, never quoted by
 * AssertJ's representation: the sentences quote where they mean to.
 *
 * <p>Every factory is immutable and thread-safe; every parameter is non-null unless its documentation says
 * otherwise.
 */
package io.siyu.rules.testkit.error;

/**
 * The decision model: what a host gives the rules about one customer, what the rules can do, and the
 * {@link io.siyu.rules.decision.Decision} that comes back.
 *
 * <p>A host builds a {@link io.siyu.rules.decision.Customer} (tags from the codebook, recent messages,
 * behaviour signals, free attributes, funnel position), or reads one from JSON with
 * {@link io.siyu.rules.decision.DecisionJson}, and passes it to {@code RulePack.decide}. The pack runs its
 * rules in the {@link io.siyu.rules.decision.Phase phases} {@code intent} (evidence for an
 * {@link io.siyu.rules.decision.IntentLevel}), {@code propose} ({@link io.siyu.rules.decision.Proposal}s)
 * and {@code policy} ({@link io.siyu.rules.decision.Veto}es), arbitrates, and returns a {@code Decision}
 * that explains itself. Rule files see {@code Customer}, {@code Now}, {@code ContactPolicy},
 * {@code Intent} and {@code Proposal} as facts and use the globals {@code intent}
 * ({@link io.siyu.rules.decision.Intent}), {@code actions} ({@link io.siyu.rules.decision.Actions}) and
 * {@code policy} ({@link io.siyu.rules.decision.Policy}); {@code docs/rules.md} describes them for rule
 * authors.
 *
 * <p>Conventions of this package:
 * <ul>
 *   <li>Unless a method says otherwise, arguments must not be null (a null argument throws
 *       {@code NullPointerException}), and no method returns null; absent values are {@code Optional} or
 *       empty collections and strings. The exceptions, each said on its method:
 *       {@link io.siyu.rules.decision.Customer#attribute(String)} returns null for an absent attribute;
 *       the tag queries of {@code Customer} accept a null code or id, which matches no tag;
 *       {@code Customer.Builder.attribute} takes a null value to remove an attribute;
 *       {@code Decision.Builder} takes a null winner or script; {@code DecisionJson.of} takes a null
 *       codebook; {@code Phase.ofGroupName(null)} is empty.</li>
 *   <li>Values ({@code Customer}, {@code Decision}, {@code Proposal}, the records, the enums) are immutable
 *       and thread-safe; returned collections are unmodifiable. Builders are not thread-safe. The
 *       helpers {@code Intent}, {@code Actions} and {@code Policy} belong to one decision on one
 *       thread.</li>
 *   <li>Units: hours ({@code silentHours}), messages per day ({@code touchesToday}, {@code dailyCap}),
 *       intent points (any {@code int}); times are in the pack's timezone.</li>
 *   <li>Errors: a customer record that cannot be read throws the unchecked
 *       {@link io.siyu.rules.decision.JsonInputException}, a decision that cannot be made the unchecked
 *       {@link io.siyu.rules.decision.DecisionException}, each listing every problem; a rule helper called
 *       in the wrong phase throws {@code IllegalStateException}, which fails that decision.</li>
 *   <li>Customers' messages, attributes and the rendered text are personal data: the library never logs
 *       them, and {@code toString()} leaves them out.</li>
 * </ul>
 */
package io.siyu.rules.decision;

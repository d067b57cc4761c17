package io.siyu.rules.pack;

import io.siyu.rules.decision.Decision;

/**
 * Tells the host what a rule pack does: every decision it makes, and — for a {@link LiveRulePack} — every
 * version that starts serving and every build that is rejected. For metrics, health and audit logs; register
 * it with {@link PackOptions.Builder#listener(DecisionListener)} (several may be registered: they are told in
 * that order). Every method does nothing by default.
 *
 * <p><b>A listener cannot break a decision or a reload.</b> Whatever it throws is caught, logged at WARN
 * (naming the listener's class, the method and the exception's class — never the exception's message or the
 * customer, which may hold personal data; the stack trace is logged at DEBUG), counted in
 * {@link RulePack#listenerFailures()}, and the next listener is told as if nothing had happened: the
 * decision is returned, the new version serves. An {@link Error} is not caught.
 *
 * <p><b>Threads.</b> {@link #decided} is called on the thread that decided, right after the decision, before
 * it is returned: any number of threads may call it at once, so an implementation must be thread-safe, and
 * short (it adds to every decision's time). The other methods are called on the thread that built the version
 * (the caller of {@link LiveRulePack#reload()}, the watcher's or the background loader's thread), one build at
 * a time. Do not call {@code reload()} from a listener.
 *
 * <p><b>Cost.</b> With no listener registered a decision does no extra work and allocates nothing for
 * listeners: the clock is not even read.
 */
public interface DecisionListener {
    /**
     * A decision was made, or failed. Called for {@link RulePack#decide}, {@link RulePack#decideAll} (once
     * per customer) and everything that decides through them ({@code LiveRulePack}, the case runner).
     *
     * @param decision the decision; not null. For a decision that failed ({@link Decision#isFailed()}, also
     *                 when {@code decide} then throws its {@code DecisionException}) the action is
     *                 {@link Decision#FAILED} and {@link Decision#failure()} says why. Its
     *                 {@link Decision#text() text} may hold personal data: do not log it
     * @param nanos    how long the decision took on the calling thread, in nanoseconds ({@link System#nanoTime()}
     *                 differences): the rules, arbitration and rendering, not the listeners
     */
    default void decided(Decision decision, long nanos) {
    }

    /**
     * The first version of a {@link LiveRulePack} serves: {@link LiveRulePack#load} has loaded it, or the
     * background build of {@link LiveRulePack#loadAsync} (or the first {@code reload()} after it failed) has
     * finished. Called once per live pack.
     *
     * @param pack the version that serves from now on; not null
     */
    default void ready(RulePack pack) {
    }

    /**
     * A new version of a {@link LiveRulePack} serves, after a reload.
     *
     * @param previous the version that served until now (decisions already running finish on it); not null
     * @param current  the version that serves from now on; not null
     */
    default void reloaded(RulePack previous, RulePack current) {
    }

    /**
     * A build of a {@link LiveRulePack} was rejected: a reload of a broken edit (the previous version keeps
     * serving), or the first build of {@link LiveRulePack#loadAsync} (nothing serves). The same problems are
     * kept in {@link LiveRulePack#lastRejected()}.
     *
     * @param problems every problem of the rejected files, each with file, line and column; not null
     */
    default void rejected(RulePackException problems) {
    }
}

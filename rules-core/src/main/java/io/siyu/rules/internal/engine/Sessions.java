package io.siyu.rules.internal.engine;

import org.kie.api.KieBase;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.api.runtime.rule.AgendaFilter;
import org.kie.api.runtime.rule.FactHandle;

import java.util.ArrayList;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The Drools sessions decisions run in: each decision borrows a {@link Lane} (a session and its trace
 * listener) that no other thread uses until it is given back, so decisions never see each other's facts.
 * Thread-safe; shared by a pipeline and its copies with other clocks.
 *
 * <p>Two ways of cleaning a session between decisions, chosen by what the rules allow:
 * <ul>
 *   <li><b>kept</b> (when every rule's conditions start with a fact pattern): the session stays as it is and
 *       the decision deletes the facts it inserted. Every activation comes from a fact the decision inserts,
 *       so deleting them leaves nothing behind; the node memories, the listener and the agenda stay built.
 *       Resetting a session walks every node memory it ever made, which cost about a fifth of a Gaozi decision
 *       (BENCHMARKS.md, "Speed").</li>
 *   <li><b>reset</b> (otherwise: a rule that starts with {@code not}, {@code exists}, {@code eval}, an
 *       {@code or} or a {@code from}, which Drools matches once per session on its initial fact, and which a
 *       kept session would therefore fire only once): sessions from a {@code KieSessionsPool}, reset by
 *       {@code dispose()}, as a new session would be.</li>
 * </ul>
 * A decision that failed (a rule threw, looped or could not be rendered) never gives its session back: it is
 * disposed of, whatever state Drools was left in.
 */
final class Sessions {
    private static final AgendaFilter NOTHING = match -> false;

    private final KieBase kieBase;
    private final boolean keep;
    private final KieSessionsPool pool;
    private final ConcurrentLinkedQueue<Lane> idle = new ConcurrentLinkedQueue<>();

    /**
     * @param kieBase the rule base
     * @param keep    whether sessions may be kept between decisions (see the class comment)
     */
    Sessions(KieBase kieBase, boolean keep) {
        this.kieBase = kieBase;
        this.keep = keep;
        this.pool = keep ? null : kieBase.newKieSessionsPool(1);
    }

    /** Whether sessions are kept between decisions (true) or reset (false). */
    boolean keepsSessions() {
        return keep;
    }

    /** A lane of one's own until {@link #release}; its trace is {@code trace}. */
    Lane borrow(RuleTrace trace) {
        Lane lane = keep ? idle.poll() : null;
        if (lane == null) {
            lane = new Lane(keep ? kieBase.newKieSession() : pool.newKieSession());
        }
        lane.listener.trace = trace;
        return lane;
    }

    /**
     * Gives a lane back: after a clean decision its facts are deleted and it waits for the next decision (or,
     * reset, it goes back to Drools' pool); after a failure it is disposed of.
     */
    void release(Lane lane, boolean clean) {
        lane.listener.trace = null;
        if (!keep) {
            lane.session.dispose(); // a pooled session is reset and returned to Drools' pool
            return;
        }
        if (!clean || !lane.deleteFacts()) {
            lane.session.dispose();
            return;
        }
        idle.offer(lane);
    }

    /** One session, used by one decision at a time, and what it inserted. */
    static final class Lane {
        final KieSession session;
        private final TraceListener listener = new TraceListener();

        private Lane(KieSession session) {
            this.session = session;
            session.addEventListener((AgendaEventListener) listener);
            session.addEventListener((RuleRuntimeEventListener) listener);
        }

        /** Inserts a fact of this decision. */
        void insert(Object fact) {
            session.insert(fact);
        }

        /**
         * Deletes every fact the session holds (the decision's, and any a rule inserted), and lets Drools carry
         * the deletions through now, so that no customer's data waits in the session for the next decision.
         * Drools has already let go of the facts no rule matched (with a rule base that never changes, it does
         * not keep an "orphan" fact), so only the session's own list of facts is reliable here. Returns false
         * when the session did not end up empty.
         */
        private boolean deleteFacts() {
            if (session.getFactCount() != 0) {
                for (FactHandle h : new ArrayList<FactHandle>(session.getFactHandles())) {
                    session.delete(h);
                }
            }
            session.fireAllRules(NOTHING, 1);
            return session.getFactCount() == 0;
        }
    }

    /**
     * Records which rule fires, so that helpers can credit evidence, proposals and vetoes to it, and which
     * rule updates facts, so that a loop is blamed on the rule that causes it. Attached once per session; its
     * trace is the current decision's.
     */
    private static final class TraceListener extends DefaultAgendaEventListener implements RuleRuntimeEventListener {
        private RuleTrace trace;

        @Override
        public void beforeMatchFired(BeforeMatchFiredEvent event) {
            trace.firing(event.getMatch().getRule().getName());
        }

        @Override
        public void afterMatchFired(AfterMatchFiredEvent event) {
            trace.done();
        }

        @Override
        public void objectInserted(ObjectInsertedEvent event) {
            // Inserts come from the pipeline itself, never a cause of loops.
        }

        @Override
        public void objectUpdated(ObjectUpdatedEvent event) {
            if (event.getRule() != null) {
                trace.updatedBy(event.getRule().getName());
            }
        }

        @Override
        public void objectDeleted(ObjectDeletedEvent event) {
            // A retraction cannot re-activate the rule that made it.
        }
    }
}

package io.siyu.rules.pack;

import io.siyu.rules.decision.Decision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The {@link DecisionListener}s of one {@link PackOptions}, and the count of what they threw: shared by every
 * pack loaded with those options, so that a live pack's count goes on across reloads. Thread-safe.
 */
final class Listeners {
    private static final Logger LOG = LoggerFactory.getLogger(DecisionListener.class);

    static final Listeners NONE = new Listeners(List.of());

    private final List<DecisionListener> listeners;
    private final AtomicLong failures = new AtomicLong();

    Listeners(List<DecisionListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    List<DecisionListener> all() {
        return listeners;
    }

    boolean isEmpty() {
        return listeners.isEmpty();
    }

    long failures() {
        return failures.get();
    }

    void decided(Decision decision, long nanos) {
        // An indexed loop: no iterator for every decision.
        for (int i = 0; i < listeners.size(); i++) {
            DecisionListener l = listeners.get(i);
            try {
                l.decided(decision, nanos);
            } catch (RuntimeException e) {
                failed(l, "decided", e);
            }
        }
    }

    void ready(RulePack pack) {
        tell("ready", l -> l.ready(pack));
    }

    void reloaded(RulePack previous, RulePack current) {
        tell("reloaded", l -> l.reloaded(previous, current));
    }

    void rejected(RulePackException problems) {
        tell("rejected", l -> l.rejected(problems));
    }

    private void tell(String method, Consumer<DecisionListener> call) {
        for (DecisionListener l : listeners) {
            try {
                call.accept(l);
            } catch (RuntimeException e) {
                failed(l, method, e);
            }
        }
    }

    private void failed(DecisionListener listener, String method, RuntimeException e) {
        long count = failures.incrementAndGet();
        // Not the message: a listener's exception may quote the customer or the decision's text.
        LOG.warn("DecisionListener {} threw {} in {}(); ignored ({} so far). The stack trace is logged at DEBUG.",
                listener.getClass().getName(), e.getClass().getName(), method, count);
        LOG.debug("DecisionListener {} threw in {}()", listener.getClass().getName(), method, e);
    }
}

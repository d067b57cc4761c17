package io.siyu.rules.bench;

import io.siyu.rules.decision.ContactPolicy;
import io.siyu.rules.decision.Customer;
import io.siyu.rules.decision.IntentThresholds;
import io.siyu.rules.decision.Now;
import io.siyu.rules.decision.Phase;
import io.siyu.rules.decision.Proposal;
import io.siyu.rules.pack.PackOptions.CompileMode;
import io.siyu.rules.pack.PackManifest;
import io.siyu.rules.decision.Decision;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * The plain-Drools reference: the pack's rules compiled with the plain KIE API ({@link PlainDroolsBase}), and a
 * session fed the same facts ({@code Customer}, {@code Now}, {@code ContactPolicy}, then {@code Intent}, then the
 * proposals) with the same globals and the same ruleflow-group focusing — and nothing else: no tracing
 * listener, no decision object, no script rendering. It answers with the winning action only.
 *
 * <p>Thread-safe like the library: the rule base is shared, each call uses its own session (or the
 * session the caller owns).
 */
public final class PlainDrools {
    private final KieBase kieBase;
    private final IntentThresholds thresholds;
    private final ContactPolicy contact;
    private final ZoneId zone;
    private final Clock clock;
    private final int maxFirings;
    private final KieSessionsPool pool;

    /** Compiles the pack's rules; the settings come from its {@code pack.json}. */
    public PlainDrools(Path packDirectory, PackManifest manifest, CompileMode mode, Clock clock, int maxFirings) {
        this.kieBase = PlainDroolsBase.compile(packDirectory, mode);
        this.thresholds = manifest.thresholds();
        this.contact = manifest.contact();
        this.zone = manifest.zone();
        this.clock = clock;
        this.maxFirings = maxFirings;
        this.pool = kieBase.newKieSessionsPool(2);
    }

    /**
     * Decides in a session from the pool, reset and returned to the pool afterwards ({@code dispose()} of
     * a pooled session).
     */
    public String decidePooled(Customer customer) {
        KieSession session = pool.newKieSession();
        try {
            return decide(session, customer);
        } finally {
            session.dispose();
        }
    }

    /** Decides in a new session, disposed afterwards: the winning action, or {@link Decision#NONE}. */
    public String decide(Customer customer) {
        KieSession session = kieBase.newKieSession();
        try {
            return decide(session, customer);
        } finally {
            session.dispose();
        }
    }

    private String decide(KieSession session, Customer customer) {
        PlainGlobals globals = new PlainGlobals();
        session.setGlobal("intent", globals);
        session.setGlobal("actions", globals);
        session.setGlobal("policy", globals);
        ZonedDateTime now = ZonedDateTime.now(clock).withZoneSameInstant(zone);
        session.insert(customer);
        session.insert(new Now(now, contact.isQuiet(now.toLocalTime())));
        session.insert(contact);

        session.getAgenda().getAgendaGroup(Phase.INTENT.groupName()).setFocus();
        session.fireAllRules(maxFirings);
        globals.settle(thresholds);
        session.insert(globals);

        session.getAgenda().getAgendaGroup(Phase.PROPOSE.groupName()).setFocus();
        session.fireAllRules(maxFirings);
        List<Proposal> proposals = List.copyOf(globals.proposals());
        for (Proposal p : proposals) {
            session.insert(p);
        }
        session.getAgenda().getAgendaGroup(Phase.POLICY.groupName()).setFocus();
        session.fireAllRules(maxFirings);

        Proposal best = null;
        for (Proposal p : proposals) {
            if (!globals.isVetoed(p) && (best == null || p.getPriority() > best.getPriority())) {
                best = p;
            }
        }
        return best == null ? Decision.NONE : best.getAction();
    }
}

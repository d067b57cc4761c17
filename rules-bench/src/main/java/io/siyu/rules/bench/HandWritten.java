package io.siyu.rules.bench;

import io.siyu.rules.decision.Customer;
import io.siyu.rules.decision.IntentLevel;
import io.siyu.rules.pack.RulePack;

import java.util.Optional;

/**
 * A pack's rules written by hand as plain Java: the reference for what Drools and the library cost on top of
 * the logic itself. Implementations are stateless and thread-safe.
 */
public interface HandWritten {
    /** The winning action after proposals, vetoes and arbitration, or {@code Decision.NONE}. */
    String decide(Customer customer);

    /** The intent level the intent rules give this customer. */
    IntentLevel intent(Customer customer);

    /** The winning proposal's script id ({@code ""} for none), or empty when this reference does not track it. */
    default Optional<String> script(Customer customer) {
        return Optional.empty();
    }

    /** The hand-written reference for this pack (by its id), deciding at the benchmarks' clock, if there is one. */
    static Optional<HandWritten> forPack(RulePack pack) {
        return switch (pack.id()) {
            case HandWrittenSkincare.PACK_ID -> Optional.of(new HandWrittenSkincare(ReferenceSettings.of(pack)));
            case HandWrittenGaozi.PACK_ID -> Optional.of(new HandWrittenGaozi(ReferenceSettings.of(pack)));
            default -> Optional.empty();
        };
    }
}

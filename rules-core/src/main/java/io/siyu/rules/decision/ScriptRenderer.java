package io.siyu.rules.decision;

import java.util.Map;

/**
 * Renders the winning proposal's script for one customer. The rule pack adapts its script library to
 * this; an implementation is shared by all threads.
 */
@FunctionalInterface
public interface ScriptRenderer {

    /**
     * The rendered text of a script for a customer.
     *
     * @param scriptId   the script to render
     * @param customerId the customer, for deterministic A/B variant assignment
     * @param values     the values of the template's variables (the customer's attributes)
     * @return the text and the variant used
     * @throws io.siyu.rules.diagnostic.DiagnosticException when the script cannot be rendered completely
     */
    Rendered render(String scriptId, String customerId, Map<String, ?> values);

    /**
     * A rendered script.
     *
     * @param variantId the A/B variant, or the empty string when the script has none
     * @param text      the text to send
     */
    record Rendered(String variantId, String text) {
    }
}

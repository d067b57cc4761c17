package io.siyu.rules.internal.compile;

import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.Pattern;
import org.drools.base.rule.RuleConditionElement;
import org.drools.base.rule.constraint.Constraint;
import org.drools.mvel.MVELConstraint;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

import java.util.Collection;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds a rule of a built rule base by the text of one of its conditions. The classic engine compiles a
 * condition only when it first runs it, and a failure then quotes the condition ({@code [Near : {... silentHours
 * > x ....}]}) but not its rule; the engine asks here, since reading a rule's conditions takes Drools' rule
 * model, which stays behind internal.compile.
 *
 * <p>Stateless and thread-safe.
 */
public final class RuleConditions {
    private RuleConditions() {
    }

    /**
     * The first rule, in {@code ruleNames}' order, with an interpreted condition written exactly as
     * {@code condition} (surrounding blanks ignored).
     *
     * @param kieBase   the rule base; not null
     * @param ruleNames the names of the rules to look at, in the order to look; not null
     * @param condition the condition's text as Drools quotes it; not null
     * @return the rule's name, or empty when none has it (an executable-model rule base has no condition texts)
     * @throws NullPointerException when an argument is null
     */
    public static Optional<String> ruleWithCondition(KieBase kieBase, Collection<String> ruleNames, String condition) {
        Objects.requireNonNull(kieBase, "kieBase");
        String wanted = Objects.requireNonNull(condition, "condition").strip();
        for (String name : Objects.requireNonNull(ruleNames, "ruleNames")) {
            for (KiePackage pkg : kieBase.getKiePackages()) {
                for (Rule rule : pkg.getRules()) {
                    if (rule.getName().equals(name) && rule instanceof RuleImpl impl
                            && hasCondition(impl.getLhs(), wanted)) {
                        return Optional.of(name);
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static boolean hasCondition(RuleConditionElement element, String condition) {
        if (element instanceof Pattern pattern) {
            for (Constraint c : pattern.getConstraints()) {
                if (c instanceof MVELConstraint mvel && mvel.getExpression() != null
                        && mvel.getExpression().strip().equals(condition)) {
                    return true;
                }
            }
            return pattern.getSource() != null && hasCondition(pattern.getSource(), condition);
        }
        for (RuleConditionElement child : element.getNestedElements()) {
            if (hasCondition(child, condition)) {
                return true;
            }
        }
        return false;
    }
}

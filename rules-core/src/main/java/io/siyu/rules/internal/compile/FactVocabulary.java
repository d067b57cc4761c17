package io.siyu.rules.internal.compile;

import io.siyu.rules.decision.Actions;
import io.siyu.rules.decision.ContactPolicy;
import io.siyu.rules.decision.Customer;
import io.siyu.rules.decision.Intent;
import io.siyu.rules.decision.IntentLevel;
import io.siyu.rules.decision.Now;
import io.siyu.rules.decision.Policy;
import io.siyu.rules.decision.Proposal;
import io.siyu.rules.funnel.GroupDay;
import io.siyu.rules.funnel.Stage;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a rule author can name, defined once for the compiler (the generated declarations), the safety
 * check (the allowlist) and the messages (the suggestions): the fact types, the globals and, for each
 * type, the fields and tests it offers, read by reflection so that a message lists exactly what exists.
 * Also finds the closest existing name to a misspelt one. The engine sets the globals by the names
 * defined here.
 *
 * <p>Immutable and thread-safe.
 */
public final class FactVocabulary {
    /** The global that collects intent evidence, declared as {@link Intent}. */
    public static final String INTENT = "intent";
    /** The global that collects proposals, declared as {@link Actions}. */
    public static final String ACTIONS = "actions";
    /** The global that records vetoes, declared as {@link Policy}. */
    public static final String POLICY = "policy";

    /** Every global a rule file has without declaring it: name → declared type, in declaration order. */
    static final Map<String, Class<?>> GLOBALS = globals();

    /** The fact model and helpers every rule file may use without an import. */
    static final List<Class<?>> FACT_MODEL = List.of(Customer.class, Intent.class, IntentLevel.class, Proposal.class,
            Now.class, ContactPolicy.class, Actions.class, Policy.class, GroupDay.class, Stage.class);

    /** Types of the fact model that are helpers or values, not facts a rule matches. */
    static final Set<Class<?>> NOT_FACTS = Set.of(Actions.class, Policy.class, IntentLevel.class, Stage.class);

    private static final Set<String> OBJECT_METHODS = Set.of("getClass", "hashCode", "equals", "toString", "notify",
            "notifyAll", "wait", "toBuilder");

    private final List<Class<?>> types;

    /** @param extraTypes classes the host allows besides the fact model */
    FactVocabulary(Collection<Class<?>> extraTypes) {
        List<Class<?>> all = new ArrayList<>(FACT_MODEL);
        all.addAll(extraTypes);
        this.types = List.copyOf(all);
    }

    private static Map<String, Class<?>> globals() {
        Map<String, Class<?>> globals = new LinkedHashMap<>();
        globals.put(INTENT, Intent.class);
        globals.put(ACTIONS, Actions.class);
        globals.put(POLICY, Policy.class);
        return java.util.Collections.unmodifiableMap(globals);
    }

    /** The fact model and the host's additions, in that order. */
    List<Class<?>> types() {
        return types;
    }

    /**
     * The generated rule file that gives a package the fact model without imports and the globals
     * without declarations: what every rule file of the pack may use.
     *
     * @param pkg the DRL package, or {@code null} for Drools' default package
     */
    String declarations(String pkg) {
        StringBuilder drl = new StringBuilder();
        if (pkg != null) {
            drl.append("package ").append(pkg).append(";\n");
        }
        for (Class<?> type : types) {
            drl.append("import ").append(type.getName()).append(";\n");
        }
        GLOBALS.forEach((name, type) -> drl.append("global ").append(type.getName()).append(' ').append(name)
                .append(";\n"));
        return drl.toString();
    }

    /** The simple names of the types, in order. */
    List<String> typeNames() {
        return types.stream().map(Class::getSimpleName).toList();
    }

    /** The type with this simple or fully qualified name. */
    Optional<Class<?>> type(String name) {
        return types.stream().filter(t -> t.getSimpleName().equals(name) || t.getName().equals(name)).findFirst();
    }

    /**
     * The names a rule can use on a type, sorted: properties ({@code silentHours} for
     * {@code getSilentHours()}, {@code hot} for {@code isHot()}, record components) and the other public
     * instance methods ({@code has}, {@code asked}).
     */
    static Set<String> members(Class<?> type) {
        Set<String> names = new TreeSet<>();
        for (Method m : type.getMethods()) {
            if (Modifier.isStatic(m.getModifiers()) || OBJECT_METHODS.contains(m.getName())) {
                continue;
            }
            names.add(propertyName(m).orElse(m.getName()));
        }
        return names;
    }

    private static Optional<String> propertyName(Method m) {
        String n = m.getName();
        if (m.getParameterCount() != 0) {
            return Optional.empty();
        }
        if (n.startsWith("get") && n.length() > 3 && Character.isUpperCase(n.charAt(3))) {
            return Optional.of(decapitalize(n.substring(3)));
        }
        if (n.startsWith("is") && n.length() > 2 && Character.isUpperCase(n.charAt(2))
                && (m.getReturnType() == boolean.class || m.getReturnType() == Boolean.class)) {
            return Optional.of(decapitalize(n.substring(2)));
        }
        return Optional.empty();
    }

    private static String decapitalize(String s) {
        return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    /**
     * The candidate closest to {@code word} by edit distance (ignoring case), if it is close enough to be
     * a likely typo: at most a third of the word's length, and at least one edit allowed. Also used by the
     * pack's cross-file checks (an unknown cohort question in {@code funnel.json}).
     *
     * @param word       the name as written
     * @param candidates the names that exist
     * @return the closest candidate, or empty when none is close
     */
    public static Optional<String> closest(String word, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(word.toLowerCase(), c.toLowerCase());
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        int allowed = Math.max(1, word.length() / 3);
        return best != null && bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }

    /** Levenshtein distance, with a transposition of neighbours counting as one edit. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    /** Joins names for a message: {@code a, b, c}. */
    static String list(Collection<String> names) {
        return String.join(", ", new ArrayList<>(names));
    }
}

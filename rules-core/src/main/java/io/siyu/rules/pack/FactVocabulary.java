package io.siyu.rules.pack;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a rule author can name: the fact types and, for each, the fields and tests it offers, read by
 * reflection so that a message lists exactly what exists. Also finds the closest existing name to a
 * misspelt one.
 */
final class FactVocabulary {
    private static final Set<String> OBJECT_METHODS = Set.of("getClass", "hashCode", "equals", "toString", "notify",
            "notifyAll", "wait", "toBuilder");

    private final List<Class<?>> types;

    /** @param types the classes rule files may use: the fact model and the host's additions */
    FactVocabulary(List<Class<?>> types) {
        this.types = List.copyOf(types);
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
     * a likely typo: at most a third of the word's length, and at least one edit allowed.
     */
    static Optional<String> closest(String word, Collection<String> candidates) {
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

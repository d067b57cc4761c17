package io.siyu.rules.internal.compile;

import io.siyu.rules.diagnostic.Diagnostic;
import io.siyu.rules.internal.i18n.Messages;
import io.siyu.rules.internal.compile.DrlFile.Kind;
import io.siyu.rules.internal.compile.DrlFile.Token;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Keeps rule files configuration, not a way to run arbitrary code: rejects, at the line and column where
 * it is written, anything in a rule file that reaches outside the allowlist of classes or outside the
 * rule engine's sandbox. See {@code docs/rule-safety.md} for the rules and how to extend the allowlist.
 *
 * <p>The check works on {@link DrlFile} tokens, so comments and quoted text never trigger it and spaces
 * or comments inside a qualified name ({@code java . lang . Runtime}) never hide one. It is deliberately
 * strict: a rule author who needs more asks a developer, who extends the allowlist in code with
 * {@link io.siyu.rules.pack.PackOptions.Builder#allowClass(Class)}.
 *
 * <p>Immutable and thread-safe.
 */
final class RuleSafety {
    /** The Java classes every rule file may use, besides the fact model and the host's additions. */
    static final List<Class<?>> JAVA_CLASSES = List.of(
            // java.lang values (implicitly imported)
            String.class, CharSequence.class, StringBuilder.class, Math.class, Number.class, Integer.class,
            Long.class, Double.class, Float.class, Short.class, Byte.class, Boolean.class, Character.class,
            Comparable.class, Iterable.class, Object.class,
            // so that a rule can refuse bad data loudly
            RuntimeException.class, IllegalArgumentException.class, IllegalStateException.class,
            ArithmeticException.class, NumberFormatException.class, UnsupportedOperationException.class,
            // java.time values
            LocalDate.class, LocalTime.class, LocalDateTime.class, ZonedDateTime.class, OffsetDateTime.class,
            Instant.class, Duration.class, Period.class, DayOfWeek.class, Month.class, Year.class, YearMonth.class,
            MonthDay.class, ZoneId.class, ZoneOffset.class, ChronoUnit.class,
            // java.util collections
            Collection.class, List.class, ArrayList.class, LinkedList.class, Set.class, HashSet.class,
            LinkedHashSet.class, TreeSet.class, Map.class, HashMap.class, LinkedHashMap.class, TreeMap.class,
            Map.Entry.class, Iterator.class, Arrays.class, Collections.class, Objects.class, Optional.class,
            Comparator.class);

    /**
     * First words of qualified names that always count as a package, even where a variable of that name
     * is bound: a name starting with one of these must be an allowed class.
     */
    private static final Set<String> PACKAGE_ROOTS = Set.of("java", "javax", "jakarta", "jdk", "sun", "com", "org",
            "net", "io", "edu", "kotlin", "scala", "groovy", "bsh", "ognl");

    /**
     * Words that reach into reflection, class loading, the process, the engine's internals or thread
     * control, wherever they appear (as a method, a field or a variable).
     */
    private static final Set<String> FORBIDDEN_WORDS = Set.of("getClass", "forName", "getClassLoader", "classLoader",
            "getRuntime", "exec", "exit", "halt", "getenv", "getProperty", "getProperties", "setProperty",
            "clearProperty", "load", "loadLibrary", "setAccessible", "getDeclaredMethod", "getDeclaredMethods",
            "getDeclaredField", "getDeclaredFields", "getDeclaredConstructor", "getDeclaredConstructors", "getMethod",
            "getMethods", "getField", "getFields", "getConstructor", "getConstructors", "newInstance", "invoke",
            "invokeExact", "drools", "kcontext", "getKieRuntime", "getKnowledgeRuntime", "getWorkingMemory",
            "getKieBase", "getKieSession", "wait", "notify", "notifyAll", "synchronized", "class", "interface",
            "native", "import");

    /** Loops could run for ever inside one firing, where the firing limit cannot stop them. */
    private static final Set<String> LOOP_WORDS = Set.of("while", "do", "for");

    /** Top-level DRL constructs that would define code or state outside rules. */
    private static final Set<String> FORBIDDEN_CONSTRUCTS = Set.of("function", "declare", "global", "query",
            "template", "unit", "window", "accumulate");

    private final Messages messages;
    private final Set<String> allowedNames;
    private final Set<String> allowedSimpleNames;

    /**
     * @param messages the pack message texts
     * @param vocabulary the fact model and the classes the host allows besides {@link #JAVA_CLASSES}
     */
    RuleSafety(Messages messages, FactVocabulary vocabulary) {
        this.messages = messages;
        List<Class<?>> all = new ArrayList<>(JAVA_CLASSES);
        all.addAll(vocabulary.types());
        this.allowedNames = all.stream().map(Class::getCanonicalName).collect(Collectors.toUnmodifiableSet());
        this.allowedSimpleNames = all.stream().map(Class::getSimpleName).collect(Collectors.toUnmodifiableSet());
    }

    /** Every forbidden thing in one rule file, in reading order. */
    List<Diagnostic> check(DrlFile drl) {
        List<Diagnostic> out = new ArrayList<>();
        unicodeEscapes(drl, out);
        Set<String> declared = declaredNames(drl.tokens());
        List<Token> tokens = drl.tokens();
        int quietUntil = -1;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (!t.isIdentifier()) {
                continue;
            }
            boolean inRule = drl.ruleAt(i).isPresent();
            boolean afterDot = drl.is(i - 1, ".");
            if (!inRule && !afterDot && (t.is("package") || t.is("import"))) {
                i = header(drl, i, out);
                continue;
            }
            if (!inRule && FORBIDDEN_CONSTRUCTS.contains(t.text()) && firstOnLine(tokens, i)) {
                out.add(error(drl, t, "drl.forbidden-construct", t.text()));
                continue;
            }
            if (!afterDot) {
                int before = out.size();
                int end = qualifiedName(drl, i, declared, out);
                if (out.size() > before) {
                    // One message per name: java.lang.Runtime.getRuntime is one mistake, not two.
                    quietUntil = end;
                }
            }
            if (i < quietUntil) {
                continue;
            }
            if (FORBIDDEN_WORDS.contains(t.text())) {
                out.add(error(drl, t, "drl.forbidden-word", t.text()));
            } else if (inRule && LOOP_WORDS.contains(t.text())) {
                out.add(error(drl, t, "drl.forbidden-loop", t.text()));
            } else if (t.is("dialect") && drl.token(i + 1).map(n -> n.kind() == Kind.STRING).orElse(false)
                    && !"java".equals(tokens.get(i + 1).text())) {
                out.add(error(drl, tokens.get(i + 1), "drl.forbidden-dialect", tokens.get(i + 1).text()));
            }
        }
        return out;
    }

    /** A Java unicode escape is decoded before Java reads quotes and comments: it could hide code from this check. */
    private void unicodeEscapes(DrlFile drl, List<Diagnostic> out) {
        String text = drl.text();
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                lineStart = i + 1;
            } else if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) == 'u') {
                out.add(Diagnostic.error(drl.file(), line, i - lineStart + 1, "drl.unicode-escape",
                        messages.format("drl.unicode-escape")));
            }
        }
    }

    /** Checks a {@code package} or {@code import} line; returns the index of its last token. */
    private int header(DrlFile drl, int keyword, List<Diagnostic> out) {
        Token kw = drl.tokens().get(keyword);
        int i = keyword + 1;
        if (kw.is("import") && drl.token(i).map(t -> t.is("function") || t.is("accumulate")).orElse(false)) {
            Token what = drl.tokens().get(i);
            out.add(error(drl, what, "drl.forbidden-construct", "import " + what.text()));
            // The rest of the line names what the rejected import would bring in: one message is enough.
            while (drl.token(i + 1).map(t -> t.line() == what.line()).orElse(false)) {
                i++;
            }
            return i;
        }
        if (kw.is("import") && drl.is(i, "static")) {
            i++;
        }
        Token first = drl.token(i).orElse(kw);
        List<String> parts = new ArrayList<>();
        boolean wildcard = false;
        while (drl.token(i).map(Token::isIdentifier).orElse(false)) {
            parts.add(drl.tokens().get(i).text());
            if (drl.is(i + 1, ".") && drl.is(i + 2, "*")) {
                wildcard = true;
                i += 2;
                break;
            }
            if (!drl.is(i + 1, ".")) {
                break;
            }
            i += 2;
        }
        String name = String.join(".", parts) + (wildcard ? ".*" : "");
        if (kw.is("package")) {
            if (!parts.isEmpty() && PACKAGE_ROOTS.contains(parts.get(0))) {
                out.add(error(drl, first, "drl.forbidden-package", name));
            }
        } else if (wildcard || !importAllowed(parts)) {
            out.add(error(drl, first, "drl.forbidden-import", name));
        }
        return i;
    }

    /** An import names an allowed class, or a static member of one. */
    private boolean importAllowed(List<String> parts) {
        for (int k = parts.size(); k > 0; k--) {
            if (allowedNames.contains(String.join(".", parts.subList(0, k)))) {
                return k >= parts.size() - 1;
            }
        }
        return false;
    }

    /**
     * Checks the dotted name that starts at {@code head} ({@code java.lang.Runtime.getRuntime},
     * {@code Runtime.getRuntime}, {@code $c.silentHours}); returns the index after it.
     */
    private int qualifiedName(DrlFile drl, int head, Set<String> declared, List<Diagnostic> out) {
        List<Token> tokens = drl.tokens();
        List<String> parts = new ArrayList<>();
        int i = head;
        parts.add(tokens.get(i).text());
        while (drl.is(i + 1, ".") && drl.token(i + 2).map(Token::isIdentifier).orElse(false)) {
            i += 2;
            parts.add(tokens.get(i).text());
        }
        Token first = tokens.get(head);
        String h = parts.get(0);
        if (Character.isUpperCase(h.charAt(0))) {
            if (!allowedSimpleNames.contains(h) && isJavaLang(h)) {
                out.add(error(drl, first, "drl.forbidden-class", "java.lang." + h));
            }
        } else if (PACKAGE_ROOTS.contains(h) && parts.size() > 1
                || !h.startsWith("$") && !declared.contains(h) && parts.stream().skip(1)
                .anyMatch(p -> Character.isUpperCase(p.charAt(0)))) {
            if (!hasAllowedPrefix(parts)) {
                out.add(error(drl, first, "drl.forbidden-class", className(parts)));
            }
        }
        return i + 1;
    }

    private boolean hasAllowedPrefix(List<String> parts) {
        for (int k = parts.size(); k > 0; k--) {
            if (allowedNames.contains(String.join(".", parts.subList(0, k)))) {
                return true;
            }
        }
        return false;
    }

    /** The name up to its first capitalised part, which is what a person reads as "the class". */
    private static String className(List<String> parts) {
        StringBuilder name = new StringBuilder();
        for (String p : parts) {
            if (!name.isEmpty()) {
                name.append('.');
            }
            name.append(p);
            if (Character.isUpperCase(p.charAt(0))) {
                break;
            }
        }
        return name.toString();
    }

    /** Whether {@code java.lang.<name>} exists: such a class needs no import, so it must be checked by name. */
    private static boolean isJavaLang(String simpleName) {
        try {
            Class.forName("java.lang." + simpleName, false, ClassLoader.getPlatformClassLoader());
            return true;
        } catch (ClassNotFoundException notInJavaLang) {
            return false;
        }
    }

    /**
     * Names the file binds itself (pattern bindings {@code c : Customer()}, local variables
     * {@code int n = 1}, lambda parameters) plus the globals: a dotted name starting with one of these is a
     * variable's field or method, not a package.
     */
    private static Set<String> declaredNames(List<Token> tokens) {
        Set<String> names = new HashSet<>(FactVocabulary.GLOBALS.keySet());
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (!t.isIdentifier()) {
                continue;
            }
            Token prev = i > 0 ? tokens.get(i - 1) : null;
            Token next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
            boolean binding = next != null && next.is(":");
            boolean lambda = next != null && next.is("-") && i + 2 < tokens.size() && tokens.get(i + 2).is(">");
            boolean local = prev != null && (prev.isIdentifier() || prev.is(">") || prev.is("]"))
                    && next != null && (next.is("=") || next.is(";") || next.is(",") || next.is(")"));
            if (binding || lambda || local) {
                names.add(t.text());
            }
        }
        return names;
    }

    private static boolean firstOnLine(List<Token> tokens, int i) {
        return i == 0 || tokens.get(i - 1).line() < tokens.get(i).line();
    }

    private Diagnostic error(DrlFile drl, Token at, String key, String name) {
        return Diagnostic.error(drl.file(), at.line(), at.column(), key, messages.format(key, name));
    }
}

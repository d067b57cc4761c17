package io.siyu.rules.internal.compile;

import io.siyu.rules.diagnostic.Diagnostic;
import io.siyu.rules.diagnostic.Diagnostic.Severity;
import io.siyu.rules.internal.compile.DrlFile.Kind;
import io.siyu.rules.internal.compile.DrlFile.Rule;
import io.siyu.rules.internal.compile.DrlFile.Token;
import io.siyu.rules.internal.i18n.Messages;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Checks the quoted texts and numbers written in a rule's conditions against the Java types of what they
 * are compared with or passed to, each problem at the literal's line and column. Drools accepts
 * {@code Customer( silentHours > "48小时" )} when it compiles and converts the text only when a decision is
 * made, so without this check such a rule loads and then makes every decision fail.
 *
 * <p>Checked, inside a pattern of a fact type the vocabulary knows ({@code Customer( ... )},
 * {@code $c : Now( ... )}):
 * <ul>
 *   <li>a property compared with a literal by {@code ==}, {@code !=}, {@code <}, {@code <=}, {@code >},
 *       {@code >=}, in either order ({@code silentHours > "48"}, {@code "48" < silentHours});</li>
 *   <li>the literal arguments of a method of the type whose parameter types are the same in every
 *       overload of that name and arity ({@code hasAttribute(123)}, {@code answered(1, 2)}).</li>
 * </ul>
 * A number property compared with a text, a text property with a number, a true-or-false property with
 * anything but {@code true}/{@code false} is an error; a text that Drools can convert (a number in quotes
 * such as {@code "48"}, {@code "true"}) is a warning, since it works but reads as a text. An enum property
 * ({@code stage}, {@code dayOfWeek}) compared with a text or a number is an error: the comparison is never true, so
 * the rule would silently never fire. Other types (dates, collections) and computed operands are not checked here.
 *
 * <p>Immutable and thread-safe.
 */
final class RuleTypes {
    private static final Set<String> COMPARISONS = Set.of("==", "!=", "<", "<=", ">", ">=");
    /** What may follow a complete operand inside a pattern. */
    private static final Set<String> OPERAND_ENDS = Set.of(",", ")", "&", "|", ";");

    /** The kinds of value this check knows. */
    enum ValueType { NUMBER, TEXT, BOOLEAN }

    private final Messages messages;
    private final FactVocabulary vocabulary;

    RuleTypes(Messages messages, FactVocabulary vocabulary) {
        this.messages = messages;
        this.vocabulary = vocabulary;
    }

    /** Every literal of the file's conditions whose type does not fit, in reading order. */
    List<Diagnostic> check(DrlFile drl) {
        List<Diagnostic> out = new ArrayList<>();
        List<Token> tokens = drl.tokens();
        for (Rule rule : drl.rules()) {
            int stop = rule.then() >= 0 ? rule.then() : (rule.end() >= 0 ? rule.end() : tokens.size());
            for (int i = rule.start(); i < stop; i++) {
                Token t = tokens.get(i);
                if (!t.isIdentifier() || !drl.is(i + 1, "(") || drl.is(i - 1, ".")) {
                    continue;
                }
                Optional<Class<?>> type = vocabulary.type(t.text());
                if (type.isPresent()) {
                    int close = Math.min(drl.skipGroup(i + 1) - 1, stop);
                    checkPattern(drl, type.get(), i + 2, close, out);
                    i = close;
                }
            }
        }
        return out;
    }

    /** The constraints of a pattern, tokens {@code [from, to)}; only its top level (nested groups are calls). */
    private void checkPattern(DrlFile drl, Class<?> type, int from, int to, List<Diagnostic> out) {
        List<Token> tokens = drl.tokens();
        for (int i = from; i < to; i++) {
            Token t = tokens.get(i);
            if (t.is("(") || t.is("[") || t.is("{")) {
                i = drl.skipGroup(i) - 1;
                continue;
            }
            if (!t.isIdentifier() || drl.is(i - 1, ".") || drl.is(i + 1, ".")) {
                continue;
            }
            if (drl.is(i + 1, "(")) {
                checkCall(drl, type, t, i + 1, out);
                int after = drl.skipGroup(i + 1);
                // A call compared with a literal: number("spend") > "五百" is checked against what the method
                // returns, when every overload of that name returns the same kind.
                Optional<ValueType> returns = returnType(type, t.text());
                Optional<String> op = operator(drl, after);
                if (returns.isPresent() && op.isPresent()) {
                    int lit = after + op.get().length();
                    Token close = tokens.get(after - 1);
                    String call = drl.text().substring(t.offset(), close.offset() + close.width());
                    literalAt(drl, lit).filter(l -> ends(drl, l[1] + 1)).ifPresent(l -> compare(drl, call, op.get(),
                            returns.get(), Object.class, l, out));
                }
                i = after - 1;
                continue;
            }
            Optional<ValueType> field = propertyType(type, t.text());
            if (field.isEmpty()) {
                Optional<Class<?>> enumType = propertyClass(type, t.text()).filter(Class::isEnum);
                if (enumType.isPresent()) {
                    checkEnum(drl, t.text(), enumType.get(), i, out);
                }
                continue;
            }
            Class<?> fieldClass = propertyClass(type, t.text()).orElse(Object.class);
            // field op literal
            Optional<String> op = operator(drl, i + 1);
            if (op.isPresent()) {
                int lit = i + 1 + op.get().length();
                literalAt(drl, lit).filter(l -> ends(drl, l[1] + 1))
                        .ifPresent(l -> compare(drl, t.text(), op.get(), field.get(), fieldClass, l, out));
            }
            // literal op field
            if (ends(drl, i + 1)) {
                for (int w = 2; w >= 1; w--) {
                    int width = w;
                    Optional<String> before = operator(drl, i - width).filter(o -> o.length() == width);
                    if (before.isPresent()) {
                        int end = i - width - 1;
                        literalEndingAt(drl, end).ifPresent(l -> compare(drl, t.text(), before.get(), field.get(),
                                fieldClass, l, out));
                        break;
                    }
                }
            }
        }
    }

    /**
     * An enum property ({@code stage}, {@code dayOfWeek}) compared with a text, in either order: the classic build
     * takes it, and the comparison is simply never true, so the rule never fires. Always an error.
     */
    private void checkEnum(DrlFile drl, String field, Class<?> type, int i, List<Diagnostic> out) {
        Optional<String> op = operator(drl, i + 1);
        if (op.isPresent()) {
            int lit = i + 1 + op.get().length();
            literalAt(drl, lit).filter(l -> ends(drl, l[1] + 1))
                    .ifPresent(l -> compareEnum(drl, field, op.get(), type, l, out));
        }
        if (ends(drl, i + 1)) {
            for (int width = 2; width >= 1; width--) {
                int w = width;
                Optional<String> before = operator(drl, i - w).filter(o -> o.length() == w);
                if (before.isPresent()) {
                    literalEndingAt(drl, i - w - 1).ifPresent(l -> compareEnum(drl, field, before.get(), type, l, out));
                    break;
                }
            }
        }
    }

    private void compareEnum(DrlFile drl, String field, String op, Class<?> type, int[] literal, List<Diagnostic> out) {
        Token at = drl.tokens().get(literal[0]);
        Token value = drl.tokens().get(literal[1]);
        if (value.kind() != Kind.STRING && value.kind() != Kind.NUMBER) {
            return;
        }
        List<String> names = new ArrayList<>();
        for (Object constant : type.getEnumConstants()) {
            names.add(((Enum<?>) constant).name());
        }
        String wanted = value.text().strip().toUpperCase(Locale.ROOT);
        String example = type.getSimpleName() + "." + (names.contains(wanted) ? wanted : names.get(0));
        out.add(new Diagnostic(drl.file(), at.line(), at.column(), Severity.ERROR, "drl.type-mismatch", "",
                messages.format("drl.type-mismatch.enum", field, written(drl, literal), op, example,
                        type.getSimpleName() + "." + String.join(", " + type.getSimpleName() + ".", names))));
    }

    /** The comparison operator starting at {@code index} (written as one or two symbols), if any. */
    private static Optional<String> operator(DrlFile drl, int index) {
        Optional<Token> first = drl.token(index).filter(t -> t.kind() == Kind.SYMBOL);
        if (first.isEmpty()) {
            return Optional.empty();
        }
        Optional<Token> second = drl.token(index + 1).filter(t -> t.kind() == Kind.SYMBOL && t.is("=")
                && t.offset() == first.get().offset() + 1);
        String two = first.get().text() + "=";
        if (second.isPresent() && COMPARISONS.contains(two)) {
            return Optional.of(two);
        }
        String one = first.get().text();
        return COMPARISONS.contains(one) && !drl.is(index + 1, "=") ? Optional.of(one) : Optional.empty();
    }

    /** Whether the token at {@code index} ends an operand (or there is none). */
    private static boolean ends(DrlFile drl, int index) {
        return drl.token(index).map(t -> OPERAND_ENDS.contains(t.text()) && t.kind() == Kind.SYMBOL).orElse(true);
    }

    /** A literal starting at {@code index}: {@code [first, last]} token indices; a number may have a sign. */
    private static Optional<int[]> literalAt(DrlFile drl, int index) {
        Optional<Token> t = drl.token(index);
        if (t.isEmpty()) {
            return Optional.empty();
        }
        if (t.get().kind() == Kind.STRING || t.get().kind() == Kind.NUMBER || isBoolean(t.get())) {
            return Optional.of(new int[] {index, index});
        }
        if (t.get().is("-") && drl.token(index + 1).filter(n -> n.kind() == Kind.NUMBER).isPresent()) {
            return Optional.of(new int[] {index, index + 1});
        }
        return Optional.empty();
    }

    /** A literal ending at {@code index} that starts an operand (after {@code (}, {@code ,}, {@code &&}, ...). */
    private static Optional<int[]> literalEndingAt(DrlFile drl, int index) {
        Optional<Token> t = drl.token(index);
        if (t.isEmpty() || !(t.get().kind() == Kind.STRING || t.get().kind() == Kind.NUMBER || isBoolean(t.get()))) {
            return Optional.empty();
        }
        int first = index;
        if (t.get().kind() == Kind.NUMBER && drl.is(index - 1, "-")) {
            first = index - 1;
        }
        int start = first;
        boolean starts = drl.token(start - 1).map(p -> p.kind() == Kind.SYMBOL
                && Set.of("(", ",", "&", "|").contains(p.text())).orElse(false);
        return starts ? Optional.of(new int[] {first, index}) : Optional.empty();
    }

    private static boolean isBoolean(Token t) {
        return t.is("true") || t.is("false");
    }

    /** The literal's kind, and whether Drools converts it to {@code expected} when a decision is made. */
    private void compare(DrlFile drl, String field, String op, ValueType expected, Class<?> fieldClass,
                         int[] literal, List<Diagnostic> out) {
        Token at = drl.tokens().get(literal[0]);
        Token value = drl.tokens().get(literal[1]);
        String written = written(drl, literal);
        if (value.kind() == Kind.NUMBER && (fieldClass == int.class || fieldClass == Integer.class)
                && !fitsAnInt(written)) {
            // Drools cannot turn the literal into the field's int when a decision is made: every decision fails.
            out.add(new Diagnostic(drl.file(), at.line(), at.column(), Severity.ERROR, "drl.type-mismatch", "",
                    messages.format("drl.type-mismatch.int-range", field, written)));
            return;
        }
        mismatch(expected, value).ifPresent(severity -> out.add(new Diagnostic(drl.file(), at.line(), at.column(),
                severity, "drl.type-mismatch", "", messages.format("drl.type-mismatch." + key(expected, severity),
                        field, written, op, example(expected, value, field)))));
    }

    /** Checks the literal arguments of a method call whose {@code (} is at {@code open}. */
    private void checkCall(DrlFile drl, Class<?> type, Token name, int open, List<Diagnostic> out) {
        List<int[]> args = drl.arguments(open);
        List<Method> overloads = new ArrayList<>();
        for (Method m : type.getMethods()) {
            if (!Modifier.isStatic(m.getModifiers()) && m.getName().equals(name.text())
                    && (m.isVarArgs() ? args.size() >= m.getParameterCount() - 1 : args.size() == m.getParameterCount())) {
                overloads.add(m);
            }
        }
        if (overloads.isEmpty()) {
            return; // an unknown method or a wrong count is Drools' to report
        }
        for (int a = 0; a < args.size(); a++) {
            int[] arg = args.get(a);
            Optional<int[]> literal = literalAt(drl, arg[0]).filter(l -> l[1] == arg[1]);
            if (literal.isEmpty()) {
                continue;
            }
            Optional<ValueType> expected = Optional.empty();
            boolean same = true;
            for (Method m : overloads) {
                Optional<ValueType> p = valueType(parameterType(m, a));
                if (expected.isEmpty() && same) {
                    expected = p;
                } else if (!expected.equals(p)) {
                    same = false;
                }
                if (p.isEmpty()) {
                    same = false;
                }
            }
            if (!same || expected.isEmpty()) {
                continue;
            }
            Token at = drl.tokens().get(literal.get()[0]);
            Token value = drl.tokens().get(literal.get()[1]);
            ValueType want = expected.get();
            String written = written(drl, literal.get());
            mismatch(want, value).ifPresent(severity -> out.add(new Diagnostic(drl.file(), at.line(), at.column(),
                    severity, "drl.argument-type", "", messages.format("drl.argument-type." + key(want, severity),
                            name.text(), written, example(want, value, "")))));
        }
    }

    private static Class<?> parameterType(Method m, int index) {
        Class<?>[] params = m.getParameterTypes();
        if (m.isVarArgs() && index >= params.length - 1) {
            return params[params.length - 1].getComponentType();
        }
        return params[index];
    }

    /**
     * Empty when the literal fits; {@link Severity#WARNING} when Drools converts it (a number or true/false
     * in quotes); {@link Severity#ERROR} otherwise.
     */
    static Optional<Severity> mismatch(ValueType expected, Token value) {
        boolean text = value.kind() == Kind.STRING;
        return switch (expected) {
            case NUMBER -> value.kind() == Kind.NUMBER ? Optional.empty()
                    : text && isNumber(value.text()) ? Optional.of(Severity.WARNING) : Optional.of(Severity.ERROR);
            case BOOLEAN -> isBoolean(value) ? Optional.empty()
                    : text && ("true".equals(value.text()) || "false".equals(value.text()))
                    ? Optional.of(Severity.WARNING) : Optional.of(Severity.ERROR);
            case TEXT -> text ? Optional.empty() : Optional.of(Severity.ERROR);
        };
    }

    private static String key(ValueType expected, Severity severity) {
        return expected.name().toLowerCase(Locale.ROOT) + (severity == Severity.WARNING ? "-quoted" : "");
    }

    private static boolean fitsAnInt(String number) {
        try {
            java.math.BigDecimal n = new java.math.BigDecimal(number.replace(" ", ""));
            return n.compareTo(java.math.BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0
                    && n.compareTo(java.math.BigDecimal.valueOf(Integer.MIN_VALUE)) >= 0;
        } catch (NumberFormatException e) {
            return true; // not a plain number (a hex or suffixed literal): Drools' to judge
        }
    }

    private static boolean isNumber(String s) {
        return s.strip().matches("[-+]?\\d+(\\.\\d+)?");
    }

    /** The literal as written in the file, quotes included. */
    private static String written(DrlFile drl, int[] literal) {
        Token first = drl.tokens().get(literal[0]);
        Token last = drl.tokens().get(literal[1]);
        return drl.text().substring(first.offset(), last.offset() + last.width());
    }

    /**
     * What to write instead: the number the text starts with ("48小时" → 48), else a number that makes sense for the
     * field (an hour of the day is not 48), the text in quotes, ...
     */
    private static String example(ValueType expected, Token value, String field) {
        return switch (expected) {
            case NUMBER -> {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("^\\s*([-+]?\\d+(\\.\\d+)?)")
                        .matcher(value.text());
                yield value.kind() == Kind.STRING && m.find() ? m.group(1) : TYPICAL.getOrDefault(field, "10");
            }
            case BOOLEAN -> "true";
            case TEXT -> "\"" + value.text() + "\"";
        };
    }

    /** What a fact's method of this name returns, when every public overload returns the same kind. */
    private static Optional<ValueType> returnType(Class<?> type, String method) {
        Optional<ValueType> kind = Optional.empty();
        for (Method m : type.getMethods()) {
            if (Modifier.isStatic(m.getModifiers()) || !m.getName().equals(method)) {
                continue;
            }
            Optional<ValueType> k = valueType(m.getReturnType());
            if (k.isEmpty() || kind.isPresent() && !kind.equals(k)) {
                return Optional.empty();
            }
            kind = k;
        }
        return kind;
    }

    /** A number that reads naturally for a field, for the examples in messages. */
    private static final java.util.Map<String, String> TYPICAL = java.util.Map.of("silentHours", "48", "hour", "9",
            "minute", "30", "funnelDay", "3", "touchesToday", "1", "dailyCap", "3", "score", "60", "day", "3");

    /** The type of a property ({@code silentHours} → {@code getSilentHours()}), when this check knows it. */
    static Optional<ValueType> propertyType(Class<?> type, String property) {
        return propertyClass(type, property).flatMap(RuleTypes::valueType);
    }

    /** The Java type of a property: its getter's ({@code getX()}, {@code isX()} for a boolean, a record's {@code x()}). */
    static Optional<Class<?>> propertyClass(Class<?> type, String property) {
        if (property.isEmpty()) {
            return Optional.empty();
        }
        String cap = Character.toUpperCase(property.charAt(0)) + property.substring(1);
        for (Method m : type.getMethods()) {
            if (Modifier.isStatic(m.getModifiers()) || m.getParameterCount() != 0) {
                continue;
            }
            String n = m.getName();
            if (n.equals("get" + cap) || n.equals("is" + cap) && valueType(m.getReturnType()).equals(
                    Optional.of(ValueType.BOOLEAN)) || type.isRecord() && n.equals(property)) {
                return Optional.of(m.getReturnType());
            }
        }
        return Optional.empty();
    }

    static Optional<ValueType> valueType(Class<?> c) {
        if (c == String.class) {
            return Optional.of(ValueType.TEXT);
        }
        if (c == boolean.class || c == Boolean.class) {
            return Optional.of(ValueType.BOOLEAN);
        }
        if (c == int.class || c == long.class || c == double.class || c == float.class || c == short.class
                || c == byte.class || Number.class.isAssignableFrom(c) && c.getName().startsWith("java.")) {
            return Optional.of(ValueType.NUMBER);
        }
        return Optional.empty();
    }
}

package io.siyu.rules.internal.compile;

import io.siyu.rules.diagnostic.Diagnostic;
import io.siyu.rules.internal.compile.DrlFile.Kind;
import io.siyu.rules.internal.compile.DrlFile.Token;
import io.siyu.rules.internal.i18n.Messages;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Drools attributes of a file's rules ({@code salience 10}, {@code date-effective "01-Dec-2026"}, ...),
 * each either honoured together with the pack's phases and the decision's clock, or refused where it is
 * written with a sentence that says what to write instead. None is silently ignored, and none depends on
 * the real date (the table is in {@code docs/rules.md}):
 * <ul>
 *   <li>{@code ruleflow-group} names the phase (checked by {@link RuleReferences});</li>
 *   <li>{@code salience}, {@code no-loop}, {@code lock-on-active}, {@code activation-group},
 *       {@code enabled} and {@code dialect "java"} work within a phase as in Drools, and are left to it;</li>
 *   <li>{@code date-effective} and {@code date-expires} are taken out of what Drools compiles (Drools would
 *       compare them with the computer's clock) and kept as each rule's {@link RuleDates}, which the
 *       decision compares with <em>its</em> clock, in the pack's timezone;</li>
 *   <li>{@code agenda-group}, {@code auto-focus} (they would move a rule out of its phase), {@code timer},
 *       {@code duration}, {@code calendars} (a decision is made at one moment and cannot wait) and
 *       {@code refract}, {@code direct} are refused, and also taken out of what Drools compiles, so that
 *       the rest of the file is still checked.</li>
 * </ul>
 * Taking an attribute out replaces its characters by spaces: every line and column stays where it is.
 */
final class RuleAttributes {
    /** Attributes Drools honours the same way inside a phase: left to Drools. */
    private static final Set<String> HONOURED = Set.of("salience", "no-loop", "lock-on-active", "activation-group",
            "enabled", "dialect", "ruleflow-group");
    private static final Set<String> REFUSED = Set.of("agenda-group", "auto-focus", "timer", "duration", "calendars",
            "refract", "direct");
    /** Flags: written alone, or followed by true or false. */
    private static final Set<String> FLAGS = Set.of("no-loop", "lock-on-active");
    private static final String EFFECTIVE = "date-effective";
    private static final String EXPIRES = "date-expires";
    /** Drools' own date format ({@code 01-Dec-2026}), in English whatever the computer's language. */
    private static final DateTimeFormatter DROOLS_DATE = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .appendPattern("d-MMM-uuuu").toFormatter(Locale.ENGLISH);
    private static final DateTimeFormatter DROOLS_DATE_TIME = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .appendPattern("d-MMM-uuuu H:mm").toFormatter(Locale.ENGLISH);
    private static final DateTimeFormatter ISO_DATE_TIME = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE).optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd().append(DateTimeFormatter.ISO_LOCAL_TIME).toFormatter();

    /** Every word Drools takes as a rule attribute, and the optional word {@code attributes} before them. */
    private static final Set<String> KNOWN = Set.of("salience", "no-loop", "lock-on-active", "activation-group",
            "enabled", "dialect", "ruleflow-group", "agenda-group", "auto-focus", "timer", "duration", "calendars",
            "refract", "direct", "date-effective", "date-expires", "attributes");

    /**
     * The attributes of one file.
     *
     * @param problems    each refused attribute and each date that cannot be read, in reading order
     * @param windows     the date window of each rule that has one, by rule name
     * @param droolsText  the file's text as Drools compiles it: without the attributes taken out
     */
    record Result(List<Diagnostic> problems, Map<String, RuleDates> windows, String droolsText) {
    }

    private final Messages messages;

    RuleAttributes(Messages messages) {
        this.messages = messages;
    }

    Result read(DrlFile drl) {
        List<Diagnostic> problems = new ArrayList<>();
        Map<String, RuleDates> windows = new LinkedHashMap<>();
        char[] text = drl.text().toCharArray();
        for (DrlFile.Rule rule : drl.rules()) {
            Map<String, LocalDateTime> dates = new HashMap<>();
            Map<String, Token> dateTokens = new HashMap<>();
            Attribute previous = null;
            Map<String, Token> written = new HashMap<>();
            for (Attribute a : attributes(drl, rule)) {
                Attribute before = previous;
                previous = a;
                Token first = KNOWN.contains(a.name()) ? written.putIfAbsent(a.name(), a.first()) : null;
                if (first != null && !a.name().equals("attributes")) {
                    problems.add(error(drl, a.first(), "drl.attribute.twice", a.name(), first.line()));
                } else if (HONOURED.contains(a.name())) {
                    Optional<Diagnostic> wrong = wrongValue(drl, a);
                    if (wrong.isEmpty()) {
                        continue;
                    }
                    problems.add(wrong.get());
                } else if (!KNOWN.contains(a.name())) {
                    // A word Drools does not know: a typo of an attribute, or a value a flag does not take
                    // ("no-loop yes"). Anything else (a misspelt "when" before a condition) is left to the parser.
                    if (before != null && FLAGS.contains(before.name()) && before.value().isEmpty()
                            && before.last().line() == a.first().line()) {
                        problems.add(error(drl, a.first(), "drl.attribute.flag", before.name(), a.first().text()));
                    } else {
                        Optional<String> meant = FactVocabulary.closest(a.name(), KNOWN);
                        if (meant.isEmpty() || meant.get().equals("attributes")) {
                            continue;
                        }
                        problems.add(error(drl, a.first(), "drl.attribute.unknown", a.name(), meant.get()));
                    }
                } else if (REFUSED.contains(a.name())) {
                    problems.add(error(drl, a.first(), "drl.attribute." + a.name(), a.name()));
                } else if (a.name().equals(EFFECTIVE) || a.name().equals(EXPIRES)) {
                    Optional<Token> value = a.value().filter(v -> v.kind() == Kind.STRING);
                    Optional<LocalDateTime> date = value.flatMap(v -> date(v.text()));
                    if (date.isEmpty()) {
                        Token at = a.value().orElse(a.first());
                        problems.add(error(drl, at, "drl.attribute.date", a.name(), value.map(Token::text).orElse("")));
                    } else {
                        dates.put(a.name(), date.get());
                        dateTokens.put(a.name(), value.get());
                    }
                } else {
                    continue; // "attributes", the optional word before a rule's attributes
                }
                blank(text, a);
            }
            if (dates.containsKey(EFFECTIVE) && dates.containsKey(EXPIRES)
                    && !dates.get(EXPIRES).isAfter(dates.get(EFFECTIVE))) {
                problems.add(error(drl, dateTokens.get(EXPIRES), "drl.attribute.dates-order",
                        dateTokens.get(EXPIRES).text(), dateTokens.get(EFFECTIVE).text()));
            }
            if (!dates.isEmpty()) {
                windows.put(rule.name(), new RuleDates(Optional.ofNullable(dates.get(EFFECTIVE)),
                        Optional.ofNullable(dates.get(EXPIRES))));
            }
        }
        return new Result(problems, windows, new String(text));
    }

    /**
     * What is wrong with the value of an attribute Drools honours, before Drools reads it: Drools would refuse
     * it with a message about a condition at the rule's first column, or (a salience in quotes) accept it and
     * fail every decision.
     */
    private Optional<Diagnostic> wrongValue(DrlFile drl, Attribute a) {
        Optional<Token> value = a.value();
        Token at = value.orElse(a.first());
        String found = value.or(() -> next(drl, a)).map(t -> t.kind() == Kind.STRING ? '"' + t.text() + '"' : t.text())
                .orElse("");
        // A parenthesised expression or a bound variable: a dynamic value, left to Drools.
        boolean group = value.map(v -> v.is("(") || v.isIdentifier() && v.text().startsWith("$")).orElse(false);
        switch (a.name()) {
            case "salience" -> {
                boolean whole = value.filter(v -> v.kind() == Kind.NUMBER || v.kind() == Kind.STRING)
                        .map(v -> v.text().strip().matches("-?[0-9]{1,9}")).orElse(false);
                if (whole || group) {
                    return Optional.empty();
                }
                return Optional.of(error(drl, at, "drl.attribute.salience", found));
            }
            case "no-loop", "lock-on-active" -> {
                if (value.isEmpty() || value.get().is("true") || value.get().is("false")) {
                    return Optional.empty();
                }
                return Optional.of(error(drl, at, "drl.attribute.flag", a.name(), found));
            }
            case "enabled" -> {
                if (group || value.map(v -> v.is("true") || v.is("false")
                        || v.kind() == Kind.STRING && v.text().matches("true|false")).orElse(false)) {
                    return Optional.empty();
                }
                return Optional.of(error(drl, at, "drl.attribute.enabled", found));
            }
            case "activation-group", "ruleflow-group", "dialect" -> {
                if (value.map(v -> v.kind() == Kind.STRING).orElse(false)) {
                    return Optional.empty();
                }
                String example = switch (a.name()) {
                    case "activation-group" -> "activation-group \"offer\"";
                    case "ruleflow-group" -> "ruleflow-group \"intent\"";
                    default -> "dialect \"java\"";
                };
                return Optional.of(error(drl, at, "drl.attribute.text", a.name(), found, example));
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    /** The token after an attribute's last one, if any. */
    private static Optional<Token> next(DrlFile drl, Attribute a) {
        int index = drl.tokens().indexOf(a.last());
        return index < 0 ? Optional.empty() : drl.token(index + 1);
    }

    /** A date as Drools writes it ({@code 01-Dec-2026}), or ISO ({@code 2026-12-01}, {@code 2026-12-01 10:00}). */
    static Optional<LocalDateTime> date(String text) {
        String t = text.strip();
        try {
            return Optional.of(LocalDate.parse(t, DROOLS_DATE).atStartOfDay());
        } catch (DateTimeParseException notDroolsDate) {
            // try the next form
        }
        try {
            return Optional.of(LocalDateTime.parse(t, DROOLS_DATE_TIME));
        } catch (DateTimeParseException notDroolsDateTime) {
            // try the next form
        }
        try {
            return Optional.of(LocalDate.parse(t).atTime(LocalTime.MIDNIGHT));
        } catch (DateTimeParseException notIsoDate) {
            // try the next form
        }
        try {
            return Optional.of(LocalDateTime.parse(t, ISO_DATE_TIME));
        } catch (DateTimeParseException notIsoDateTime) {
            return Optional.empty();
        }
    }

    /** One attribute: its name ({@code date-effective}), its first and last token, and its value if any. */
    private record Attribute(String name, Token first, Token last, Optional<Token> value) {
    }

    /** The attributes between a rule's name and its {@code when} (or {@code then}). */
    private static List<Attribute> attributes(DrlFile drl, DrlFile.Rule rule) {
        List<Attribute> out = new ArrayList<>();
        int limit = rule.then() >= 0 ? rule.then() : rule.end() >= 0 ? rule.end() : drl.tokens().size();
        int i = rule.start() + 2;
        while (i < limit) {
            Token t = drl.tokens().get(i);
            if (t.is("when")) {
                break;
            }
            if (t.is("@")) {
                i = drl.is(i + 2, "(") ? drl.skipGroup(i + 2) : i + 2;
                continue;
            }
            if (t.is("extends")) {
                i += 2;
                continue;
            }
            if (!t.isIdentifier()) {
                i++;
                continue;
            }
            StringBuilder name = new StringBuilder(t.text());
            int j = i + 1;
            while (drl.is(j, "-") && drl.token(j + 1).map(Token::isIdentifier).orElse(false)) {
                name.append('-').append(drl.tokens().get(j + 1).text());
                j += 2;
            }
            Optional<Token> value = Optional.empty();
            Token last = drl.tokens().get(j - 1);
            Optional<Token> next = j < limit ? drl.token(j) : Optional.empty();
            if (next.isPresent() && (next.get().kind() == Kind.STRING || next.get().kind() == Kind.NUMBER
                    || next.get().is("true") || next.get().is("false"))) {
                value = next;
                last = next.get();
                i = j + 1;
            } else if (next.isPresent() && next.get().is("(")) {
                int after = drl.skipGroup(j);
                value = next;
                last = drl.tokens().get(Math.min(after, drl.tokens().size()) - 1);
                i = after;
            } else if (next.isPresent() && next.get().isIdentifier() && KNOWN.contains(name.toString())
                    && !FLAGS.contains(name.toString()) && !KNOWN.contains(next.get().text())
                    && !next.get().is("when") && !next.get().is("then") && !next.get().is("end")) {
                // A word where a value belongs (salience high, activation-group offer): the attribute's wrong value.
                value = next;
                last = next.get();
                i = j + 1;
            } else if (next.isPresent() && next.get().is("-") && drl.token(j + 1)
                    .map(n -> n.kind() == Kind.NUMBER).orElse(false)) {
                value = drl.token(j + 1);
                last = value.get();
                i = j + 2;
            } else {
                i = j;
            }
            out.add(new Attribute(name.toString(), t, last, value));
        }
        return out;
    }

    /** Replaces an attribute by spaces, keeping line breaks: it is no longer compiled, and nothing moves. */
    private static void blank(char[] text, Attribute a) {
        int from = a.first().offset();
        int to = Math.min(text.length, a.last().offset() + a.last().width());
        for (int k = from; k < to; k++) {
            if (text[k] != '\n' && text[k] != '\r') {
                text[k] = ' ';
            }
        }
    }

    private Diagnostic error(DrlFile drl, Token at, String key, Object... args) {
        return Diagnostic.error(drl.file(), at.line(), at.column(), key, messages.format(key, args));
    }
}

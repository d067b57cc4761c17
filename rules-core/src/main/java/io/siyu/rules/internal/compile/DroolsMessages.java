package io.siyu.rules.internal.compile;

import io.siyu.rules.diagnostic.Diagnostic;
import io.siyu.rules.internal.i18n.Messages;
import io.siyu.rules.diagnostic.Diagnostic.Severity;
import io.siyu.rules.internal.compile.DrlFile.Token;
import org.drools.drl.parser.DroolsError;
import org.kie.api.builder.Message;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what Drools reports into diagnostics a person can act on: the pack-relative file, the real line
 * and column (Drools often reports column 0 and hides the position in its text, and reports an error in
 * a {@code then} part at the rule's first line), a sentence that says what is wrong in the rule author's
 * words (an unknown fact type, an unknown field with the fields that exist and the closest one, a
 * misspelt name), redundant follow-up messages and duplicates removed. The raw Drools text only appears,
 * shortened, for errors this class does not recognise.
 */
final class DroolsMessages {
    private static final String RESOURCES = "src/main/resources/";
    private static final String NULL_PACKAGE = "Parser returned a null Package";
    private static final String CONSEQUENCE = "Rule Compilation error";
    private static final int MAX_QUOTED = 40;
    private static final int MAX_DETAIL = 120;

    private static final Pattern POSITION = Pattern.compile("\\[ERR \\d+] Line (\\d+):(\\d+)");
    private static final Pattern EOF = Pattern.compile("mismatched input '<EOF>'", Pattern.CASE_INSENSITIVE);
    private static final Pattern UNEXPECTED = Pattern.compile(
            "(?:mismatched|extraneous) input '(.*?)'|no viable alternative at input '(.*?)'", Pattern.DOTALL);
    private static final Pattern MISSING = Pattern.compile("missing (\\S+) at '(.*?)'", Pattern.DOTALL);
    private static final Pattern UNKNOWN_TYPE = Pattern.compile("Unable to resolve ObjectType '([^']+)'");
    private static final Pattern STRICT_MEMBER = Pattern.compile(
            "unable to resolve method using strict-mode: ([\\w.$]+)\\.(\\w+)\\(");
    private static final Pattern FIELD_NOT_FOUND = Pattern.compile(
            "Unable to find field '(\\w+)' (?:on|of) (?:class |type )?([\\w.$]+)");
    private static final Pattern NOT_RESOLVED_TYPE = Pattern.compile("^([\\w$]+) cannot be resolved to a type$");
    private static final Pattern NOT_A_FIELD = Pattern.compile("^([\\w$]+) cannot be resolved or is not a field$");
    private static final Pattern NOT_RESOLVED = Pattern.compile("^([\\w$]+) cannot be resolved(?: to a variable)?$");
    private static final Pattern UNDEFINED_METHOD = Pattern.compile(
            "^The method (\\w+)\\((.*)\\) is undefined for the type (\\w+)$");
    private static final Pattern INSERT_SEMICOLON = Pattern.compile("^Syntax error, insert \";\" to complete .*");
    private static final Pattern WRONG_ARGUMENTS = Pattern.compile(
            "^The method (\\w+)\\((.*)\\) in the type (\\w+) is not applicable for the arguments \\((.*)\\)$");


    private static final Pattern DUPLICATE_RULE = Pattern.compile("^Duplicate rule name: (.*)$", Pattern.DOTALL);

    private final Messages messages;
    private final Map<String, DrlFile> files;
    private static final Pattern CLASS_DEFINED_TWICE = Pattern.compile("The type Rule_\\S* is already defined");
    private final FactVocabulary vocabulary;
    private final Set<String> duplicated;

    /**
     * @param messages   the pack message texts
     * @param files      the rule files by the name Drools knows them by (their pack-relative name, or the name
     *                   they were built under)
     * @param vocabulary the classes rule files may use (fact model and additions)
     * @param duplicated rule names already reported as used twice: Drools' own complaint about them is dropped
     */
    DroolsMessages(Messages messages, Map<String, DrlFile> files, FactVocabulary vocabulary, Set<String> duplicated) {
        this.messages = messages;
        this.files = Map.copyOf(files);
        this.vocabulary = vocabulary;
        this.duplicated = Set.copyOf(duplicated);
    }

    /** Whether Drools' message says what a diagnostic of the pack already says (a rule name used twice). */
    boolean isAlreadyReported(Message m) {
        return isAlreadyReported(m.getText() == null ? "" : m.getText().strip());
    }

    private boolean isAlreadyReported(String text) {
        Matcher m = DUPLICATE_RULE.matcher(text);
        if (m.matches()) {
            return duplicated.contains(m.group(1).strip());
        }
        // Only two rules of one name make one class twice: nothing but that is said in words already.
        return !duplicated.isEmpty() && text.startsWith(CONSEQUENCE) && text.substring(CONSEQUENCE.length()).strip()
                .lines().map(String::strip).filter(line -> !line.isEmpty())
                .allMatch(line -> CLASS_DEFINED_TWICE.matcher(line).find());
    }

    /** Translates the messages of a Drools build; information messages are dropped. */
    List<Diagnostic> translate(List<Message> kieMessages) {
        Set<Diagnostic> out = new LinkedHashSet<>();
        for (Message m : kieMessages) {
            if (m.getLevel() == Message.Level.INFO) {
                continue;
            }
            String text = m.getText() == null ? "" : m.getText().strip();
            if (text.contains(NULL_PACKAGE) || isAlreadyReported(text)) {
                continue;
            }
            String file = m.getPath() == null ? "" : m.getPath();
            if (file.startsWith(RESOURCES)) {
                file = file.substring(RESOURCES.length());
            }
            Severity severity = m.getLevel() == Message.Level.ERROR ? Severity.ERROR : Severity.WARNING;
            DrlFile drl = files.get(file);
            if (drl == null) {
                out.add(new Diagnostic(file, Math.max(m.getLine(), 0), Math.max(m.getColumn(), 0), severity,
                        "drl.compile", "", messages.format("drl.compile", shorten(firstLine(text)))));
            } else if (text.startsWith(CONSEQUENCE)) {
                out.addAll(consequence(drl, Math.max(m.getLine(), 0), text.substring(CONSEQUENCE.length()).strip()));
            } else if (POSITION.matcher(text).find()) {
                out.add(syntax(drl, text, 0));
            } else {
                out.add(condition(drl, Math.max(m.getLine(), 0), severity, text));
            }
        }
        return new ArrayList<>(out);
    }

    /**
     * Translates the parser's errors for one file. Errors at or after the file's first structure problem
     * (an unclosed quote, a rule without {@code end}) are left out: they are where the parser got lost
     * because of it, and the structure problem says what to fix.
     */
    List<Diagnostic> translateParserErrors(DrlFile drl, List<DroolsError> errors) {
        Optional<Diagnostic> firstStructure = drl.structureProblems().stream().min(Diagnostic.READING_ORDER);
        Set<Diagnostic> out = new LinkedHashSet<>();
        for (DroolsError e : errors) {
            String text = e.getMessage() == null ? "" : e.getMessage().strip();
            if (text.contains(NULL_PACKAGE) || isAlreadyReported(text)) {
                continue;
            }
            int[] lines = e.getLines();
            Diagnostic d = syntax(drl, text, lines != null && lines.length > 0 ? Math.max(lines[0], 0) : 0);
            boolean shadowed = firstStructure.map(s -> d.line() > s.line()
                    || d.line() == s.line() && d.column() >= s.column()).orElse(false);
            if (!shadowed) {
                out.add(d);
            }
        }
        return new ArrayList<>(out);
    }

    private Diagnostic syntax(DrlFile drl, String text, int fallbackLine) {
        int line = fallbackLine;
        int column = 0;
        Matcher at = POSITION.matcher(text);
        if (at.find()) {
            line = Integer.parseInt(at.group(1));
            column = Integer.parseInt(at.group(2)) + 1;
        }
        String message;
        Matcher missing = MISSING.matcher(text);
        Matcher unexpected = UNEXPECTED.matcher(text);
        if (EOF.matcher(text).find()) {
            message = messages.format("drl.syntax.eof");
        } else if (missing.find()) {
            message = messages.format("drl.syntax.missing", missing.group(1), quoted(missing.group(2)));
        } else if (unexpected.find()) {
            String input = unexpected.group(1) != null ? unexpected.group(1) : unexpected.group(2);
            message = input.isBlank() ? messages.format("drl.syntax.eof")
                    : messages.format("drl.syntax.unexpected", quoted(input));
        } else {
            message = messages.format("drl.syntax", shorten(firstLine(text)));
        }
        return Diagnostic.error(drl.file(), line, column, "drl.syntax", message);
    }

    /** An error in a {@code when} part: an unknown fact type, an unknown field or test, or another. */
    private Diagnostic condition(DrlFile drl, int line, Severity severity, String text) {
        Matcher type = UNKNOWN_TYPE.matcher(text);
        if (type.find()) {
            String name = type.group(1);
            return at(drl, find(drl, name, line, -1), line, severity, "drl.unknown-type", name,
                    suggestion(name, factTypes()), FactVocabulary.list(factTypes()));
        }
        Matcher member = STRICT_MEMBER.matcher(text);
        Matcher field = FIELD_NOT_FOUND.matcher(text);
        Optional<String[]> typeAndName = member.find() ? Optional.of(new String[] {member.group(1), member.group(2)})
                : field.find() ? Optional.of(new String[] {field.group(2), field.group(1)}) : Optional.empty();
        if (typeAndName.isPresent()) {
            String typeName = typeAndName.get()[0];
            String name = typeAndName.get()[1];
            Optional<Class<?>> owner = vocabulary.type(typeName);
            if (owner.isPresent()) {
                return unknownMember(drl, find(drl, name, line, -1), line, severity, owner.get(), name);
            }
        }
        return Diagnostic.error(drl.file(), line, 0, "drl.condition",
                messages.format("drl.condition", shorten(conditionDetail(text))));
    }

    private Diagnostic unknownMember(DrlFile drl, Optional<Token> where, int line, Severity severity, Class<?> owner,
                                     String name) {
        Set<String> members = FactVocabulary.members(owner);
        return at(drl, where, line, severity, "drl.unknown-member", owner.getSimpleName(), name,
                suggestion(name, members), FactVocabulary.list(members));
    }

    /** Errors in a {@code then} part: Drools reports them at the rule's first line, one per line of text. */
    private List<Diagnostic> consequence(DrlFile drl, int ruleLine, String text) {
        Optional<DrlFile.Rule> rule = drl.ruleStartingOn(ruleLine);
        int from = rule.map(r -> r.then() >= 0 ? r.then() : r.start()).orElse(-1);
        int thenLine = rule.flatMap(r -> drl.token(r.then() >= 0 ? r.then() : r.start())).map(Token::line)
                .orElse(ruleLine);
        String ruleName = rule.map(DrlFile.Rule::name).orElse("");
        List<Diagnostic> out = new ArrayList<>();
        for (String error : text.split("\\R")) {
            String e = error.strip();
            // Two rules of one name compile to one Java class name: the second "is already defined", which the
            // pack's "rule name used twice" error has said in words.
            if (e.isEmpty() || duplicated.contains(ruleName) && CLASS_DEFINED_TWICE.matcher(e).find()) {
                continue;
            }
            out.add(consequenceError(drl, rule, from, thenLine, ruleName, e));
        }
        return out;
    }

    private Diagnostic consequenceError(DrlFile drl, Optional<DrlFile.Rule> rule, int from, int thenLine,
                                        String ruleName, String e) {
        Matcher m;
        if ((m = NOT_RESOLVED_TYPE.matcher(e)).matches()) {
            String name = m.group(1);
            return at(drl, find(drl, name, 0, from), thenLine, Severity.ERROR, "drl.unknown-type", name,
                    suggestion(name, factTypes()), FactVocabulary.list(factTypes()));
        }
        if ((m = NOT_A_FIELD.matcher(e)).matches()) {
            String name = m.group(1);
            Optional<Token> where = findAfterDot(drl, name, from);
            Optional<Class<?>> owner = where.flatMap(t -> boundType(drl, rule, t));
            if (owner.isPresent()) {
                return unknownMember(drl, where, thenLine, Severity.ERROR, owner.get(), name);
            }
            return at(drl, where, thenLine, Severity.ERROR, "drl.unknown-field", name);
        }
        if ((m = NOT_RESOLVED.matcher(e)).matches()) {
            String name = m.group(1);
            List<String> known = new ArrayList<>(FactVocabulary.GLOBALS.keySet());
            rule.ifPresent(r -> known.addAll(bindings(drl, r)));
            return at(drl, find(drl, name, 0, from), thenLine, Severity.ERROR, "drl.unknown-name", name,
                    suggestion(name, known), FactVocabulary.list(known));
        }
        if ((m = UNDEFINED_METHOD.matcher(e)).matches()) {
            String name = m.group(1);
            Optional<Class<?>> owner = vocabulary.type(m.group(3));
            Optional<Token> where = findCall(drl, name, from);
            if (owner.isPresent()) {
                return unknownMember(drl, where, thenLine, Severity.ERROR, owner.get(), name);
            }
            return at(drl, where, thenLine, Severity.ERROR, "drl.unknown-method", m.group(3), name);
        }
        if ((m = WRONG_ARGUMENTS.matcher(e)).matches()) {
            String name = m.group(1);
            return at(drl, findCall(drl, name, from), thenLine, Severity.ERROR, "drl.wrong-arguments", name,
                    m.group(3), m.group(2), m.group(4));
        }
        if (INSERT_SEMICOLON.matcher(e).matches() && rule.isPresent()) {
            Optional<int[]> end = statementWithoutSemicolon(drl, rule.get());
            if (end.isPresent()) {
                return new Diagnostic(drl.file(), end.get()[0], end.get()[1], Severity.ERROR, "drl.missing-semicolon",
                        "", messages.format("drl.missing-semicolon"));
            }
        }
        return at(drl, Optional.empty(), thenLine, Severity.ERROR, "drl.consequence", ruleName, shorten(e));
    }

    /**
     * The line and column just after the first line of a {@code then} part that ends a statement without
     * a semicolon: its last token closes a call or is a name or value, and the next line does not go on
     * with it ({@code .}, an operator).
     */
    private static Optional<int[]> statementWithoutSemicolon(DrlFile drl, DrlFile.Rule rule) {
        if (rule.then() < 0) {
            return Optional.empty();
        }
        int stop = rule.end() < 0 ? drl.tokens().size() : rule.end();
        for (int i = rule.then() + 1; i < stop; i++) {
            Token t = drl.tokens().get(i);
            Optional<Token> next = drl.token(i + 1);
            boolean lastOnLine = next.map(n -> n.line() > t.line()).orElse(true);
            if (!lastOnLine) {
                continue;
            }
            boolean endsValue = t.is(")") || t.is("]") || t.kind() != DrlFile.Kind.SYMBOL;
            boolean continued = next.map(n -> n.kind() == DrlFile.Kind.SYMBOL && ".+-*/%&|?:=<>".contains(n.text()))
                    .orElse(false);
            if (endsValue && !continued) {
                int width = t.kind() == DrlFile.Kind.STRING ? t.text().length() + 2 : t.text().length();
                return Optional.of(new int[] {t.line(), t.column() + width});
            }
        }
        return Optional.empty();
    }

    /** The names bound in a rule's {@code when} part ({@code $c : Customer()}). */
    private static List<String> bindings(DrlFile drl, DrlFile.Rule rule) {
        List<String> names = new ArrayList<>();
        int stop = rule.then() >= 0 ? rule.then() : drl.tokens().size();
        for (int i = rule.start(); i < stop; i++) {
            if (drl.tokens().get(i).isIdentifier() && drl.is(i + 1, ":")) {
                names.add(drl.tokens().get(i).text());
            }
        }
        return names;
    }

    /** The fact type bound to the variable before {@code .name} ({@code $c : Customer()} for {@code $c.x}). */
    private Optional<Class<?>> boundType(DrlFile drl, Optional<DrlFile.Rule> rule, Token member) {
        int index = drl.tokens().indexOf(member);
        if (rule.isEmpty() || index < 2 || !drl.tokens().get(index - 2).isIdentifier()) {
            return Optional.empty();
        }
        String variable = drl.tokens().get(index - 2).text();
        for (int i = rule.get().start(); i < index; i++) {
            if (drl.tokens().get(i).is(variable) && drl.is(i + 1, ":")) {
                return drl.token(i + 2).flatMap(t -> vocabulary.type(t.text()));
            }
        }
        return Optional.empty();
    }

    /** The first identifier {@code name} on {@code line} (or after it), or after token {@code from}. */
    private static Optional<Token> find(DrlFile drl, String name, int line, int from) {
        List<Token> tokens = drl.tokens();
        for (int i = Math.max(from, 0); i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.isIdentifier() && t.text().equals(name) && t.line() >= line) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    private static Optional<Token> findAfterDot(DrlFile drl, String name, int from) {
        for (int i = Math.max(from, 0); i < drl.tokens().size(); i++) {
            if (drl.tokens().get(i).is(name) && drl.is(i - 1, ".")) {
                return Optional.of(drl.tokens().get(i));
            }
        }
        return find(drl, name, 0, from);
    }

    private static Optional<Token> findCall(DrlFile drl, String name, int from) {
        for (int i = Math.max(from, 0); i < drl.tokens().size(); i++) {
            if (drl.tokens().get(i).is(name) && drl.is(i + 1, "(")) {
                return Optional.of(drl.tokens().get(i));
            }
        }
        return find(drl, name, 0, from);
    }

    private Diagnostic at(DrlFile drl, Optional<Token> where, int fallbackLine, Severity severity, String key,
                          Object... args) {
        int line = where.map(Token::line).orElse(fallbackLine);
        int column = where.map(Token::column).orElse(0);
        return new Diagnostic(drl.file(), line, column, severity, key, "", messages.format(key, args));
    }

    private List<String> factTypes() {
        List<String> names = new ArrayList<>();
        for (String name : vocabulary.typeNames()) {
            if (FactVocabulary.NOT_FACTS.stream().noneMatch(c -> c.getSimpleName().equals(name))) {
                names.add(name);
            }
        }
        return names;
    }

    private String suggestion(String word, Collection<String> candidates) {
        return FactVocabulary.closest(word, new TreeSet<>(candidates))
                .map(s -> messages.format("drl.did-you-mean", s)).orElse("");
    }

    /** The expression and the reason of an "Unable to Analyse Expression" message, without the caret lines. */
    private static String conditionDetail(String text) {
        Matcher error = Pattern.compile("\\[Error: (.*?)]").matcher(text);
        return error.find() ? error.group(1) : firstLine(text);
    }

    private static String quoted(String input) {
        String line = firstLine(input.strip());
        return line.length() <= MAX_QUOTED ? line : line.substring(0, MAX_QUOTED) + "…";
    }

    private static String shorten(String text) {
        return text.length() <= MAX_DETAIL ? text : text.substring(0, MAX_DETAIL) + "…";
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}

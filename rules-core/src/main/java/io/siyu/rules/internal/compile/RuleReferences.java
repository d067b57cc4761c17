package io.siyu.rules.internal.compile;

import io.siyu.rules.decision.Phase;
import io.siyu.rules.diagnostic.Diagnostic;
import io.siyu.rules.internal.i18n.Messages;
import io.siyu.rules.diagnostic.Diagnostic.Severity;
import io.siyu.rules.internal.compile.DrlFile.Kind;
import io.siyu.rules.internal.compile.DrlFile.Token;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Checks what rule files name against what the rest of the pack defines, each problem at the line and
 * column where the name is written:
 * <ul>
 *   <li>a tag code in {@code has("Z")}, {@code hasAny("Z", ...)} or {@code hasAll(...)} that the codebook
 *       does not define (error);</li>
 *   <li>a script id, the second argument of {@code actions.propose(action, scriptId, priority, reason)},
 *       that {@code scripts.json} does not define (error);</li>
 *   <li>a question or an option in {@code answered("urgency", "now")} that the codebook does not define
 *       (error, when {@linkplain #withQuestions questions} are given);</li>
 *   <li>a {@code ruleflow-group} that is not a {@link Phase} (error);</li>
 *   <li>a helper called in a rule of a phase where it does not work — {@code intent.add} outside
 *       {@code intent}, {@code actions.propose} outside {@code propose} and {@code content},
 *       {@code policy.veto} and {@code policy.vetoMessages} outside {@code policy} — which would make every
 *       decision that fires the rule fail (error, at the call);</li>
 *   <li>an action name in {@code actions.propose} or {@code policy.veto} that is not written
 *       {@code UPPER_SNAKE_CASE} (warning);</li>
 *   <li>an action name a small edit away from one used as often elsewhere in the pack, or from a built-in one
 *       ({@code "OFER_PRODUCT"} beside {@code "OFFER_PRODUCT"}): likely misspelt (warning, naming both places).</li>
 * </ul>
 * Only names written as quoted text are checked: a rule that computes a code is checked when it runs.
 *
 * <p>Immutable and thread-safe.
 */
public final class RuleReferences {
    private static final Pattern UPPER_SNAKE = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*");
    private static final Set<String> TAG_TESTS = Set.of("has", "hasAny", "hasAll");

    /** The helpers that change a decision, and the phases whose rules may call them. */
    private static final Map<String, Set<Phase>> HELPER_PHASES = Map.of(
            "intent.add", EnumSet.of(Phase.INTENT),
            "actions.propose", EnumSet.of(Phase.PROPOSE, Phase.CONTENT),
            "policy.veto", EnumSet.of(Phase.POLICY),
            "policy.vetoMessages", EnumSet.of(Phase.POLICY));

    private final Messages messages;
    private final Optional<Set<String>> knownCodes;
    private final Optional<Set<String>> knownScriptIds;
    private final Optional<Map<String, List<String>>> questions;

    /**
     * @param locale         the language of the messages
     * @param knownCodes     every code the codebook defines, or empty to skip the code check (no codebook)
     * @param knownScriptIds every script id {@code scripts.json} defines, or empty to skip the script check
     */
    public RuleReferences(Locale locale, Optional<Set<String>> knownCodes, Optional<Set<String>> knownScriptIds) {
        this(Messages.of(DrlCompiler.MESSAGES, Objects.requireNonNull(locale, "locale")),
                Objects.requireNonNull(knownCodes, "knownCodes").map(Set::copyOf),
                Objects.requireNonNull(knownScriptIds, "knownScriptIds").map(Set::copyOf), Optional.empty());
    }

    private RuleReferences(Messages messages, Optional<Set<String>> knownCodes, Optional<Set<String>> knownScriptIds,
                           Optional<Map<String, List<String>>> questions) {
        this.messages = messages;
        this.knownCodes = knownCodes;
        this.knownScriptIds = knownScriptIds;
        this.questions = questions;
    }

    /**
     * The same checks, and also the question and option of every {@code answered("question", "option")}.
     *
     * @param questions every question id of the codebook with its option ids, in codebook order
     * @return a new instance
     * @throws NullPointerException when {@code questions} is null
     */
    public RuleReferences withQuestions(Map<String, List<String>> questions) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        Objects.requireNonNull(questions, "questions").forEach((q, options) -> copy.put(q, List.copyOf(options)));
        return new RuleReferences(messages, knownCodes, knownScriptIds,
                Optional.of(java.util.Collections.unmodifiableMap(copy)));
    }

    /**
     * Every unknown reference in these rule files, in reading order.
     *
     * @param sources the rule files of a pack
     * @return the problems found; empty when every reference resolves
     */
    public List<Diagnostic> check(List<RuleSource> sources) {
        Objects.requireNonNull(sources, "sources");
        List<Diagnostic> out = new ArrayList<>();
        List<Diagnostic> actionsUsed = new ArrayList<>();
        for (RuleSource source : sources) {
            DrlFile drl = DrlFile.read(source, messages);
            out.addAll(check(drl));
            actionsUsed.addAll(actionNames(drl));
        }
        out.addAll(similarActions(actionsUsed));
        out.sort(Diagnostic.READING_ORDER);
        return List.copyOf(out);
    }

    List<Diagnostic> check(DrlFile drl) {
        List<Diagnostic> out = new ArrayList<>();
        List<Token> tokens = drl.tokens();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (!t.isIdentifier()) {
                continue;
            }
            if (TAG_TESTS.contains(t.text()) && drl.is(i + 1, "(")) {
                for (int[] arg : drl.arguments(i + 1)) {
                    literal(drl, arg).ifPresent(code -> checkCode(drl, code, out));
                }
            } else if (t.is("propose") && drl.is(i - 1, ".") && drl.is(i - 2, "actions") && drl.is(i + 1, "(")) {
                List<int[]> args = drl.arguments(i + 1);
                if (!args.isEmpty()) {
                    literal(drl, args.get(0)).ifPresent(action -> checkAction(drl, action, out));
                }
                if (args.size() == 4) {
                    literal(drl, args.get(1)).ifPresent(script -> checkScript(drl, script, out));
                }
            } else if (t.is("veto") && drl.is(i - 1, ".") && drl.is(i - 2, "policy") && drl.is(i + 1, "(")) {
                List<int[]> args = drl.arguments(i + 1);
                if (!args.isEmpty()) {
                    literal(drl, args.get(0)).ifPresent(action -> checkAction(drl, action, out));
                }
            } else if (t.is("answered") && drl.is(i + 1, "(")) {
                List<int[]> args = drl.arguments(i + 1);
                if (args.size() == 2) {
                    checkAnswer(drl, literal(drl, args.get(0)), literal(drl, args.get(1)), out);
                }
            } else if (t.is("ruleflow") && drl.is(i + 1, "-") && drl.is(i + 2, "group")) {
                drl.token(i + 3).filter(g -> g.kind() == Kind.STRING).ifPresent(g -> checkPhase(drl, g, out));
            }
        }
        for (DrlFile.Rule rule : drl.rules()) {
            checkHelperPhases(drl, rule, out);
        }
        return out;
    }

    /**
     * A rule that proposes a script by its id written as quoted text ({@code actions.propose("X", "city.tip", ...)}).
     *
     * @param rule              the rule's name
     * @param file              its file
     * @param line              the line of the script id, 1-based
     * @param checkedAttributes the names its {@code when} part tests with {@code hasAttribute("x")} (not negated by
     *                          a {@code !} right before it); a rule whose condition holds only for customers with
     *                          the attribute
     */
    public record Proposer(String rule, String file, int line, Set<String> checkedAttributes) {
        /** Copies the names. */
        public Proposer {
            checkedAttributes = Set.copyOf(checkedAttributes);
        }
    }

    /**
     * The rules that propose each script by a quoted id, for the check that a script's variables without a default
     * are attributes the proposing rules make sure of. A judgement on the rule text: a {@code hasAttribute("x")}
     * in the {@code when} part counts even inside an {@code ||} (it is then not a guarantee); a script id computed in
     * the rule is not seen.
     *
     * @param sources the rule files of a pack
     * @return script id to its proposing rules, in reading order; scripts no rule names are absent
     */
    public Map<String, List<Proposer>> proposers(List<RuleSource> sources) {
        Objects.requireNonNull(sources, "sources");
        Map<String, List<Proposer>> out = new LinkedHashMap<>();
        for (RuleSource source : sources) {
            DrlFile drl = DrlFile.read(source, messages);
            for (DrlFile.Rule rule : drl.rules()) {
                if (rule.then() < 0) {
                    continue;
                }
                Set<String> checked = new TreeSet<>();
                for (int i = rule.start(); i < rule.then(); i++) {
                    if (drl.is(i, "hasAttribute") && drl.is(i + 1, "(") && !drl.is(i - 1, "!")) {
                        List<int[]> args = drl.arguments(i + 1);
                        if (args.size() == 1) {
                            literal(drl, args.get(0)).ifPresent(name -> checked.add(name.text()));
                        }
                    }
                }
                int stop = rule.end() < 0 ? drl.tokens().size() : rule.end();
                for (int i = rule.then() + 1; i < stop; i++) {
                    if (drl.is(i, "propose") && drl.is(i - 1, ".") && drl.is(i - 2, "actions") && drl.is(i + 1, "(")) {
                        List<int[]> args = drl.arguments(i + 1);
                        if (args.size() == 4) {
                            literal(drl, args.get(1)).ifPresent(script -> out.computeIfAbsent(script.text(),
                                    id -> new ArrayList<>()).add(new Proposer(rule.name(), drl.file(), script.line(),
                                    checked)));
                        }
                    }
                }
            }
        }
        return out;
    }

    /**
     * Every action name written as quoted text in {@code actions.propose} or {@code policy.veto}, as a diagnostic
     * stand-in holding its file, line, column and (in {@code key}) the name.
     */
    private static List<Diagnostic> actionNames(DrlFile drl) {
        List<Diagnostic> names = new ArrayList<>();
        List<Token> tokens = drl.tokens();
        for (int i = 2; i < tokens.size(); i++) {
            boolean propose = tokens.get(i).is("propose") && drl.is(i - 2, "actions");
            boolean veto = tokens.get(i).is("veto") && drl.is(i - 2, "policy");
            if ((propose || veto) && drl.is(i - 1, ".") && drl.is(i + 1, "(")) {
                List<int[]> args = drl.arguments(i + 1);
                if (!args.isEmpty()) {
                    literal(drl, args.get(0)).ifPresent(t -> names.add(new Diagnostic(drl.file(), t.line(),
                            t.column(), Severity.WARNING, t.text(), "", "")));
                }
            }
        }
        return names;
    }

    /**
     * Actions are free-form, so a misspelt one ({@code "OFER_PRODUCT"}) would pass silently: a warning at each
     * use of a name one edit (a letter added, left out, changed or two swapped) away from a name used at least as often elsewhere in the pack, or of a
     * built-in one ({@code NONE}, {@code FAILED}, {@code HOLDOUT}). Names that differ only in digits or in a
     * segment of one or two characters ({@code SEND_DAY1}/{@code SEND_DAY2}, {@code OFFER_A}/{@code OFFER_B}) are
     * taken as distinct on purpose, and a name that is the other one in other letters is the
     * {@code drl.action-name} warning's.
     */
    private List<Diagnostic> similarActions(List<Diagnostic> used) {
        Map<String, List<Diagnostic>> byName = new LinkedHashMap<>();
        used.stream().sorted(Diagnostic.READING_ORDER).forEach(d -> byName.computeIfAbsent(d.key(),
                k -> new ArrayList<>()).add(d));
        List<Diagnostic> out = new ArrayList<>();
        for (Map.Entry<String, List<Diagnostic>> name : byName.entrySet()) {
            String a = name.getKey();
            String similar = null;
            String where = null;
            for (String builtIn : BUILT_IN_ACTIONS) {
                if (!builtIn.equals(a) && likelyTypo(a, builtIn)) {
                    similar = builtIn;
                    where = messages.format("drl.action-built-in");
                    break;
                }
            }
            for (Map.Entry<String, List<Diagnostic>> other : byName.entrySet()) {
                String b = other.getKey();
                if (similar == null && !b.equals(a) && other.getValue().size() >= name.getValue().size()
                        && likelyTypo(a, b)) {
                    Diagnostic first = other.getValue().get(0);
                    similar = b;
                    where = first.file() + ":" + first.line() + ":" + first.column();
                }
            }
            if (similar != null) {
                for (Diagnostic d : name.getValue()) {
                    out.add(new Diagnostic(d.file(), d.line(), d.column(), Severity.WARNING, "drl.action-similar", "",
                            messages.format("drl.action-similar", a, similar, where)));
                }
            }
        }
        return out;
    }

    private static final List<String> BUILT_IN_ACTIONS = List.of(
            io.siyu.rules.decision.Decision.NONE, io.siyu.rules.decision.Decision.FAILED,
            io.siyu.rules.decision.Decision.HOLDOUT);

    static boolean likelyTypo(String a, String b) {
        if (upperSnake(a).equals(upperSnake(b))) {
            return false;
        }
        if (a.replaceAll("[0-9]", "").equals(b.replaceAll("[0-9]", ""))) {
            return false;
        }
        String[] as = a.split("_", -1);
        String[] bs = b.split("_", -1);
        if (as.length == bs.length && as.length > 1) {
            boolean onlyShortSegments = true;
            for (int i = 0; i < as.length; i++) {
                if (!as[i].equals(bs[i]) && (as[i].length() > 2 || bs[i].length() > 2)) {
                    onlyShortSegments = false;
                }
            }
            if (onlyShortSegments) {
                return false;
            }
        }
        // One edit (OFER_PRODUCT, NOEN): farther names are more often different actions (SEND_WELCOME, SEND_WELFARE).
        return FactVocabulary.distance(a.toLowerCase(Locale.ROOT), b.toLowerCase(Locale.ROOT)) == 1;
    }

    /** A helper that changes the decision, called in a rule of a phase where it does not work. */
    private void checkHelperPhases(DrlFile drl, DrlFile.Rule rule, List<Diagnostic> out) {
        if (rule.then() < 0) {
            return;
        }
        Optional<Token> group = Optional.empty();
        for (int i = rule.start(); i < rule.then(); i++) {
            if (drl.is(i, "ruleflow") && drl.is(i + 1, "-") && drl.is(i + 2, "group")) {
                group = drl.token(i + 3).filter(g -> g.kind() == Kind.STRING);
                break;
            }
        }
        Optional<Phase> phase = group.flatMap(g -> Phase.ofGroupName(g.text()));
        if (phase.isEmpty()) {
            return; // no phase, or not a phase: reported on its own
        }
        int stop = rule.end() < 0 ? drl.tokens().size() : rule.end();
        for (int i = rule.then() + 1; i + 3 < stop; i++) {
            Token global = drl.tokens().get(i);
            if (!global.isIdentifier() || !drl.is(i + 1, ".") || !drl.is(i + 3, "(") || drl.is(i - 1, ".")) {
                continue;
            }
            String helper = global.text() + "." + drl.tokens().get(i + 2).text();
            Set<Phase> allowed = HELPER_PHASES.get(helper);
            if (allowed != null && !allowed.contains(phase.get())) {
                List<String> names = allowed.stream().map(Phase::groupName).toList();
                String where = String.join(messages.format("drl.or"), names);
                String quoted = String.join(messages.format("drl.or"), names.stream().map(n -> "\"" + n + "\"")
                        .toList());
                out.add(error(drl, global, "drl.wrong-phase", helper, where, rule.name(), phase.get().groupName(),
                        quoted));
            }
        }
    }

    private void checkAnswer(DrlFile drl, Optional<Token> question, Optional<Token> option, List<Diagnostic> out) {
        if (questions.isEmpty() || question.isEmpty()) {
            return;
        }
        List<String> options = questions.get().get(question.get().text());
        if (options == null) {
            out.add(error(drl, question.get(), "drl.unknown-question", question.get().text(),
                    FactVocabulary.list(questions.get().keySet()), suggestion(question.get().text(),
                            questions.get().keySet())));
        } else if (option.isPresent() && !options.contains(option.get().text())) {
            out.add(error(drl, option.get(), "drl.unknown-option", question.get().text(), option.get().text(),
                    FactVocabulary.list(options), suggestion(option.get().text(), options)));
        }
    }

    /** The argument's token when the argument is exactly one quoted text. */
    private static Optional<Token> literal(DrlFile drl, int[] arg) {
        Token t = drl.tokens().get(arg[0]);
        return arg[0] == arg[1] && t.kind() == Kind.STRING ? Optional.of(t) : Optional.empty();
    }

    private void checkCode(DrlFile drl, Token code, List<Diagnostic> out) {
        knownCodes.filter(codes -> !codes.contains(code.text())).ifPresent(codes -> out.add(
                error(drl, code, "drl.unknown-code", code.text(), FactVocabulary.list(new TreeSet<>(codes)))));
    }

    private void checkScript(DrlFile drl, Token script, List<Diagnostic> out) {
        knownScriptIds.filter(ids -> !ids.contains(script.text())).ifPresent(ids -> out.add(
                error(drl, script, "drl.unknown-script", script.text(), suggestion(script.text(), ids))));
    }

    private void checkPhase(DrlFile drl, Token group, List<Diagnostic> out) {
        if (Phase.ofGroupName(group.text()).isEmpty()) {
            List<String> names = Arrays.stream(Phase.values()).map(Phase::groupName).toList();
            out.add(error(drl, group, "drl.unknown-phase", group.text(), FactVocabulary.list(names),
                    suggestion(group.text(), names)));
        }
    }

    private void checkAction(DrlFile drl, Token action, List<Diagnostic> out) {
        if (!UPPER_SNAKE.matcher(action.text()).matches()) {
            out.add(new Diagnostic(drl.file(), action.line(), action.column(), Severity.WARNING, "drl.action-name",
                    "", messages.format("drl.action-name", action.text(), upperSnake(action.text()))));
        }
    }

    /** {@code offerProduct}, {@code offer-product}, {@code Offer product} → {@code OFFER_PRODUCT}. */
    static String upperSnake(String name) {
        String words = name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replaceAll("[^A-Za-z0-9]+", "_");
        return words.replaceAll("^_+|_+$", "").toUpperCase(Locale.ROOT);
    }

    private String suggestion(String word, java.util.Collection<String> candidates) {
        return FactVocabulary.closest(word, candidates).map(s -> messages.format("drl.did-you-mean", s)).orElse("");
    }

    private Diagnostic error(DrlFile drl, Token at, String key, Object... args) {
        return Diagnostic.error(drl.file(), at.line(), at.column(), key, messages.format(key, args));
    }
}

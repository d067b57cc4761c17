package io.siyu.rules.internal.compile;

import io.siyu.rules.decision.Phase;
import io.siyu.rules.diagnostic.Diagnostic;
import io.siyu.rules.internal.i18n.Messages;
import io.siyu.rules.diagnostic.Diagnostic.Severity;
import io.siyu.rules.internal.compile.DrlFile.Kind;
import io.siyu.rules.internal.compile.DrlFile.Token;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
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
 *   <li>a {@code ruleflow-group} that is not a {@link Phase} (error);</li>
 *   <li>an action name in {@code actions.propose} or {@code policy.veto} that is not written
 *       {@code UPPER_SNAKE_CASE} (warning).</li>
 * </ul>
 * Only names written as quoted text are checked: a rule that computes a code is checked when it runs.
 *
 * <p>Immutable and thread-safe.
 */
public final class RuleReferences {
    private static final Pattern UPPER_SNAKE = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*");
    private static final Set<String> TAG_TESTS = Set.of("has", "hasAny", "hasAll");

    private final Messages messages;
    private final Optional<Set<String>> knownCodes;
    private final Optional<Set<String>> knownScriptIds;

    /**
     * @param locale         the language of the messages
     * @param knownCodes     every code the codebook defines, or empty to skip the code check (no codebook)
     * @param knownScriptIds every script id {@code scripts.json} defines, or empty to skip the script check
     */
    public RuleReferences(Locale locale, Optional<Set<String>> knownCodes, Optional<Set<String>> knownScriptIds) {
        this.messages = Messages.of(DrlCompiler.MESSAGES, Objects.requireNonNull(locale, "locale"));
        this.knownCodes = Objects.requireNonNull(knownCodes, "knownCodes").map(Set::copyOf);
        this.knownScriptIds = Objects.requireNonNull(knownScriptIds, "knownScriptIds").map(Set::copyOf);
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
        for (RuleSource source : sources) {
            out.addAll(check(DrlFile.read(source, messages)));
        }
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
            } else if (t.is("ruleflow") && drl.is(i + 1, "-") && drl.is(i + 2, "group")) {
                drl.token(i + 3).filter(g -> g.kind() == Kind.STRING).ifPresent(g -> checkPhase(drl, g, out));
            }
        }
        return out;
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

package io.siyu.rules.internal.compile;

import io.siyu.rules.diagnostic.Diagnostic;
import io.siyu.rules.internal.i18n.Messages;
import io.siyu.rules.internal.text.TypedText;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One rule file read as tokens, with the span of every rule in it: the small, forgiving reader that the
 * safety check, the cross-checks and the message translator share.
 *
 * <p>It knows just enough DRL to be trusted by those checks: {@code //} and {@code /* *}{@code /} comments
 * are skipped, text in double or single quotes is one token (escapes included), and every token carries
 * its 1-based line and column. A quoted text must end on the line it starts on: rule files have no reason
 * to spread a text over lines, and stopping at the line end lets an unclosed quote be reported where it
 * is instead of where Drools gets lost. Anything else ({@code #}, {@code @}, operators) is a one-character
 * symbol, so nothing the compiler reads can hide from the checks.
 *
 * <p>A rule starts at a {@code rule} keyword that begins a line outside any other rule and ends at the
 * next {@code end} token, as Drools reads it.
 *
 * <p>Before tokenizing, the file is read by {@link TypedText}: characters a Chinese input method typed
 * outside the texts ({@code （}, {@code “}, {@code ，}, the ideographic space, ...) and quotes inside a text
 * are {@linkplain #typingProblems() reported}, and the file is read, checked and compiled as {@link #text()}
 * — the text as it was meant, with the same lines and columns — so that they cause no further errors.
 */
final class DrlFile {
    /** What a token is. */
    enum Kind { IDENTIFIER, STRING, NUMBER, SYMBOL }

    /**
     * One token.
     *
     * @param kind   what it is
     * @param text   its text; for a {@link Kind#STRING} the text between the quotes, escapes left as written
     * @param line   1-based line of its first character
     * @param column 1-based column of its first character (for a string, of the opening quote)
     * @param offset index of its first character in the file's {@link #text()}
     */
    record Token(Kind kind, String text, int line, int column, int offset) {
        boolean is(String symbolOrWord) {
            return (kind == Kind.IDENTIFIER || kind == Kind.SYMBOL) && text.equals(symbolOrWord);
        }

        boolean isIdentifier() {
            return kind == Kind.IDENTIFIER;
        }

        /** How many characters it takes in the file: for a text, with its quotes. */
        int width() {
            return kind == Kind.STRING ? text.length() + 2 : text.length();
        }
    }

    /**
     * One rule of the file.
     *
     * @param name  the rule's name (without quotes)
     * @param start the index of its {@code rule} token
     * @param then  the index of its {@code then} token, or -1 when it has none
     * @param end   the index of its {@code end} token, or -1 when it has none
     */
    record Rule(String name, int start, int then, int end) {
    }

    private final String file;
    private final String text;
    private final List<Token> tokens;
    private final List<Rule> rules;
    private final List<Diagnostic> problems;
    private final List<Diagnostic> typing;
    /** For each token, the index of the rule it belongs to, or -1: the checks ask this for every token. */
    private final int[] ruleOfToken;

    private DrlFile(String file, String text, List<Token> tokens, List<Rule> rules, List<Diagnostic> problems,
                    List<Diagnostic> typing) {
        this.file = file;
        this.text = text;
        this.tokens = List.copyOf(tokens);
        this.rules = List.copyOf(rules);
        this.problems = List.copyOf(problems);
        this.typing = List.copyOf(typing);
        this.ruleOfToken = new int[tokens.size()];
        Arrays.fill(ruleOfToken, -1);
        for (int r = 0; r < rules.size(); r++) {
            Rule rule = rules.get(r);
            int last = rule.end() < 0 ? tokens.size() - 1 : rule.end();
            for (int i = rule.start(); i <= last; i++) {
                ruleOfToken[i] = r;
            }
        }
    }

    /** Reads a rule file; problems with its structure (an unclosed quote or comment, a rule without end) are kept. */
    static DrlFile read(RuleSource source, Messages messages) {
        TypedText typed = TypedText.scan(source.text(), TypedText.Syntax.DRL);
        List<Diagnostic> typing = new ArrayList<>();
        for (TypedText.Finding f : typed.findings()) {
            String key = switch (f.kind()) {
                case FULL_WIDTH -> "drl.full-width";
                case STRAY -> "drl.stray-character";
                case QUOTE_IN_TEXT -> "drl.quote-in-text";
                // The tokenizer reports an unclosed text itself (and keeps reading after it).
                case UNCLOSED_TEXT -> null;
            };
            if (key != null) {
                typing.add(Diagnostic.error(source.file(), f.line(), f.column(), key,
                        TypedText.explain(f, messages.locale())));
            }
        }
        Reader reader = new Reader(source.file(), typed.text(), messages);
        reader.tokenize();
        List<Rule> rules = reader.rules();
        return new DrlFile(source.file(), typed.text(), reader.tokens, rules, reader.problems, typing);
    }

    /** The pack-relative file name. */
    String file() {
        return file;
    }

    /**
     * The file as it was meant: characters typed with an input method replaced by their ASCII twins,
     * quotes inside a text by {@code “ ”}; same length, lines and columns as the file.
     */
    String text() {
        return text;
    }

    /**
     * Characters typed with an input method outside the texts, and quotes inside a text: each reported
     * once, at its line and column. They do not stop the file from being checked and compiled as
     * {@link #text()}.
     */
    List<Diagnostic> typingProblems() {
        return typing;
    }

    /** Every token, in order. */
    List<Token> tokens() {
        return tokens;
    }

    /** Every rule, in order. */
    List<Rule> rules() {
        return rules;
    }

    /** Problems with the file's structure: an unclosed quote or comment, a rule without {@code end}. */
    List<Diagnostic> structureProblems() {
        return problems;
    }

    /** The token at {@code index}, or empty when out of range. */
    Optional<Token> token(int index) {
        return index >= 0 && index < tokens.size() ? Optional.of(tokens.get(index)) : Optional.empty();
    }

    /** Whether the token at {@code index} exists and is the word or symbol {@code text}. */
    boolean is(int index, String text) {
        return token(index).map(t -> t.is(text)).orElse(false);
    }

    /** The rule the token at {@code index} belongs to. */
    Optional<Rule> ruleAt(int index) {
        return index >= 0 && index < tokens.size() && ruleOfToken[index] >= 0
                ? Optional.of(rules.get(ruleOfToken[index])) : Optional.empty();
    }

    /**
     * The first and last line of the rule that spans {@code line} (to its {@code end}, or to the file's last token
     * when it has none), or an empty array when no rule does.
     */
    int[] ruleLines(int line) {
        for (Rule r : rules) {
            int first = tokens.get(r.start()).line();
            int last = tokens.get(r.end() >= 0 ? r.end() : tokens.size() - 1).line();
            if (line >= first && line <= last) {
                return new int[] {first, last};
            }
        }
        return new int[0];
    }

    /** The rule whose {@code rule} keyword is on {@code line}. */
    Optional<Rule> ruleStartingOn(int line) {
        return rules.stream().filter(r -> tokens.get(r.start()).line() == line).findFirst();
    }

    /**
     * The index of the token after a bracketed group that starts at {@code open} (which must be a
     * {@code (}, {@code [} or <code>{</code>), or the token count when it is never closed.
     */
    int skipGroup(int open) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.kind() == Kind.SYMBOL) {
                if ("([{".contains(t.text())) {
                    depth++;
                } else if (")]}".contains(t.text())) {
                    depth--;
                    if (depth == 0) {
                        return i + 1;
                    }
                }
            }
        }
        return tokens.size();
    }

    /**
     * The arguments of a call whose {@code (} is at {@code open}: for each argument, the indices
     * {@code [first, last]} of its tokens (empty arguments are left out).
     */
    List<int[]> arguments(int open) {
        List<int[]> args = new ArrayList<>();
        int close = skipGroup(open) - 1;
        int first = open + 1;
        int depth = 0;
        for (int i = open + 1; i <= close && i < tokens.size(); i++) {
            Token t = tokens.get(i);
            boolean atEnd = i == close;
            if (!atEnd && t.kind() == Kind.SYMBOL && "([{".contains(t.text())) {
                depth++;
            } else if (!atEnd && t.kind() == Kind.SYMBOL && ")]}".contains(t.text())) {
                depth--;
            } else if (atEnd || depth == 0 && t.is(",")) {
                if (i > first) {
                    args.add(new int[] {first, i - 1});
                }
                first = i + 1;
            }
        }
        return args;
    }

    /** Turns characters into tokens, then tokens into rule spans. */
    private static final class Reader {
        private final String file;
        private final String text;
        private final Messages messages;
        private final List<Token> tokens = new ArrayList<>();
        private final List<Diagnostic> problems = new ArrayList<>();
        private int pos;
        private int line = 1;
        private int lineStart;

        Reader(String file, String text, Messages messages) {
            this.file = file;
            this.text = text;
            this.messages = messages;
        }

        private int column() {
            return pos - lineStart + 1;
        }

        private void newline() {
            line++;
            lineStart = pos + 1;
        }

        void tokenize() {
            while (pos < text.length()) {
                char c = text.charAt(pos);
                if (c == '\n') {
                    newline();
                    pos++;
                } else if (Character.isWhitespace(c)) {
                    pos++;
                } else if (c == '/' && peek(1) == '/') {
                    while (pos < text.length() && text.charAt(pos) != '\n') {
                        pos++;
                    }
                } else if (c == '/' && peek(1) == '*') {
                    blockComment();
                } else if (c == '"' || c == '\'') {
                    string(c);
                } else if (Character.isJavaIdentifierStart(c)) {
                    int startColumn = column();
                    int start = pos;
                    while (pos < text.length() && Character.isJavaIdentifierPart(text.charAt(pos))) {
                        pos++;
                    }
                    tokens.add(new Token(Kind.IDENTIFIER, text.substring(start, pos), line, startColumn, start));
                } else if (Character.isDigit(c)) {
                    int startColumn = column();
                    int start = pos;
                    while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos))
                            || text.charAt(pos) == '.' && pos + 1 < text.length()
                            && Character.isDigit(text.charAt(pos + 1)))) {
                        pos++;
                    }
                    tokens.add(new Token(Kind.NUMBER, text.substring(start, pos), line, startColumn, start));
                } else {
                    tokens.add(new Token(Kind.SYMBOL, String.valueOf(c), line, column(), pos));
                    pos++;
                }
            }
        }

        private char peek(int ahead) {
            return pos + ahead < text.length() ? text.charAt(pos + ahead) : '\0';
        }

        private void blockComment() {
            int startLine = line;
            int startColumn = column();
            pos += 2;
            while (pos < text.length()) {
                if (text.charAt(pos) == '*' && peek(1) == '/') {
                    pos += 2;
                    return;
                }
                if (text.charAt(pos) == '\n') {
                    newline();
                }
                pos++;
            }
            problems.add(Diagnostic.error(file, startLine, startColumn, "drl.unclosed-comment",
                    messages.format("drl.unclosed-comment")));
        }

        private void string(char quote) {
            int startColumn = column();
            int start = pos;
            StringBuilder value = new StringBuilder();
            pos++;
            while (pos < text.length()) {
                char c = text.charAt(pos);
                if (c == '\\' && pos + 1 < text.length() && text.charAt(pos + 1) != '\n') {
                    value.append(c).append(text.charAt(pos + 1));
                    pos += 2;
                } else if (c == quote) {
                    pos++;
                    tokens.add(new Token(Kind.STRING, value.toString(), line, startColumn, start));
                    return;
                } else if (c == '\n' || c == '\r') {
                    break;
                } else {
                    value.append(c);
                    pos++;
                }
            }
            // Unclosed: report it where it starts; the rest of the line is read as the text so that
            // the checks still see the tokens of the following lines.
            problems.add(Diagnostic.error(file, line, startColumn, "drl.unclosed-string",
                    messages.format("drl.unclosed-string", String.valueOf(quote))));
            tokens.add(new Token(Kind.STRING, value.toString(), line, startColumn, start));
        }

        List<Rule> rules() {
            List<Rule> rules = new ArrayList<>();
            int i = 0;
            while (i < tokens.size()) {
                if (!startsRule(i)) {
                    i++;
                    continue;
                }
                int start = i;
                String name = tokens.get(i + 1).text();
                int then = -1;
                int end = -1;
                int j = i + 2;
                for (; j < tokens.size(); j++) {
                    Token t = tokens.get(j);
                    if (t.is("end")) {
                        end = j;
                        break;
                    }
                    if (startsRule(j)) {
                        break;
                    }
                    if (then < 0 && t.is("then")) {
                        then = j;
                    }
                }
                if (end < 0) {
                    Token keyword = tokens.get(start);
                    String where = j < tokens.size()
                            ? messages.format("drl.missing-end.before", tokens.get(j).line())
                            : messages.format("drl.missing-end.eof");
                    Optional<Token> typo = misspelt("end", start + 2, j);
                    problems.add(typo.map(t -> misspelt(t, "end", name)).orElseGet(() -> Diagnostic.error(file,
                            keyword.line(), keyword.column(), "drl.missing-end",
                            messages.format("drl.missing-end", name, where))));
                } else if (then < 0) {
                    // Drools would stop at the first word after the misspelt "then" ("intent" is not expected here),
                    // a line below the mistake and without naming it.
                    Token keyword = tokens.get(start);
                    Optional<Token> typo = misspelt("then", start + 2, end);
                    problems.add(typo.map(t -> misspelt(t, "then", name)).orElseGet(() -> Diagnostic.error(file,
                            keyword.line(), keyword.column(), "drl.missing-then",
                            messages.format("drl.missing-then", name))));
                }
                rules.add(new Rule(name, start, then, end));
                i = end < 0 ? j : end + 1;
            }
            return rules;
        }

        /**
         * The first word in tokens {@code [from, to)} that stands alone on its line, as the keyword would, is not
         * another keyword ({@code when} is one letter from {@code then}, {@code and} from {@code end}), and is one edit (or, from five letters,
         * two) away from {@code keyword}, or the keyword in other letter case ({@code Then}, {@code END}): where a
         * rule lacking that keyword most likely has it misspelt.
         */
        private Optional<Token> misspelt(String keyword, int from, int to) {
            for (int k = from; k < to && k < tokens.size(); k++) {
                Token t = tokens.get(k);
                boolean aloneOnLine = tokens.get(k - 1).line() < t.line()
                        && (k + 1 == tokens.size() || tokens.get(k + 1).line() > t.line());
                if (aloneOnLine && t.kind() == Kind.IDENTIFIER && !KEYWORDS.contains(t.text())
                        && FactVocabulary.closest(t.text(), List.of(keyword)).isPresent()) {
                    return Optional.of(t);
                }
            }
            return Optional.empty();
        }

        private Diagnostic misspelt(Token typo, String keyword, String rule) {
            return Diagnostic.error(file, typo.line(), typo.column(), "drl.misspelt-keyword",
                    messages.format("drl.misspelt-keyword", typo.text(), keyword, rule));
        }

        /** DRL's words that may stand alone on a line of a rule, which are never a misspelling of another. */
        private static final java.util.Set<String> KEYWORDS = java.util.Set.of("rule", "when", "then", "end", "and",
                "or", "not", "exists", "eval", "from", "forall", "accumulate", "collect", "over", "entry-point");

        /** A {@code rule} word that begins its line and is followed by the rule's name. */
        private boolean startsRule(int i) {
            Token t = tokens.get(i);
            if (!t.is("rule") || i + 1 >= tokens.size()) {
                return false;
            }
            boolean firstOnLine = i == 0 || tokens.get(i - 1).line() < t.line();
            Token name = tokens.get(i + 1);
            return firstOnLine && (name.kind() == Kind.STRING || name.kind() == Kind.IDENTIFIER);
        }
    }
}

package io.siyu.rules.internal.text;

import io.siyu.rules.internal.i18n.Messages;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A rule file or a JSON file as a person typed it, read once before any parser sees it: every character
 * outside quoted texts and comments that a Chinese input method (or a copied web page) put where an ASCII
 * character was meant, and every quote that ends a text too early, found at its line and column; and the
 * text as it was meant, with each such character replaced by its ASCII twin.
 *
 * <p>The replacement keeps every line and column (one {@code char} for one {@code char}), so the parsers
 * that read {@link #text()} report what else is wrong at the right place, and no follow-up error comes from
 * a character already reported: a file with {@code Customer（ ... ）} is checked as if it said
 * {@code Customer( ... )}, and the only problem left is the one that names {@code （}.
 *
 * <p>What is a text: characters between ASCII quotes on one line (a backslash escapes the next character),
 * in DRL also between single quotes. Full-width characters inside a text or a comment ({@code //} to the
 * end of the line, {@code /* ... *}{@code /}) are the author's own and stay. A text opened with a full-width
 * quote ({@code “urgency”}) is a text whose quotes are reported. A text opened with {@code "} that is not
 * closed on its line, but would be closed by one of the full-width quotes in it ({@code "明天”}), is closed
 * by the one that leaves the fewest problems on the line. A {@code "} directly followed by a letter, with
 * another {@code "} later on the line ({@code "顾客说"明天"再说"}), is a quote inside the text, and so is the
 * quote that closes that quotation: reported once per text, at the first such quote, and read as
 * {@code “ ”} so that the rest of the file can be checked.
 *
 * <p>Immutable and thread-safe.
 */
public final class TypedText {
    private static final String BUNDLE = "io.siyu.rules.internal.text.messages";
    /** How many full-width quotes are tried as the end of an unclosed text: enough for any real line. */
    private static final int MAX_CANDIDATES = 8;
    private static final int UNCLOSED_COST = 1000;
    /**
     * How far a trial reads on after a candidate quote: enough to judge it, and keeps a long line (a minified
     * JSON file) linear rather than quadratic.
     */
    private static final int TRIAL_WINDOW = 400;

    /** The language of the file: decides what a text and a comment are. */
    public enum Syntax {
        /** A Drools rule file: texts in {@code "} or {@code '}, Java comments. */
        DRL,
        /** A JSON file of a pack: texts in {@code "}, Java comments (the pack's JSON reader accepts them). */
        JSON
    }

    /** What was found. */
    public enum Kind {
        /** A character with an ASCII twin outside a text: {@link Finding#twin()} is what to type. */
        FULL_WIDTH,
        /** Another character that has no place outside a text ({@code —}, {@code …}, an emoji, a zero-width space). */
        STRAY,
        /** A {@code "} inside a text, which ends the text early. */
        QUOTE_IN_TEXT,
        /** A text whose closing quote is missing on its line (reported at its opening quote). */
        UNCLOSED_TEXT
    }

    /**
     * One character at fault.
     *
     * @param line      1-based line
     * @param column    1-based column (in UTF-16 units, as every parser of the library counts)
     * @param kind      what is wrong
     * @param codePoint the character as typed
     * @param twin      the ASCII character to type instead, for {@link Kind#FULL_WIDTH}; otherwise {@code 0}
     */
    public record Finding(int line, int column, Kind kind, int codePoint, char twin) {
    }

    private final String text;
    private final List<Finding> findings;

    private TypedText(String text, List<Finding> findings) {
        this.text = text;
        this.findings = List.copyOf(findings);
    }

    /**
     * Reads a text.
     *
     * @param text   the file's text, without a byte-order mark; not null
     * @param syntax the file's language; not null
     * @return what was found, and the text as meant
     * @throws NullPointerException when an argument is null
     */
    public static TypedText scan(String text, Syntax syntax) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(syntax, "syntax");
        return new Scanner(text, syntax).run();
    }

    /**
     * The text as meant: every reported character replaced by its twin ({@code “} by {@code "}), a stray
     * one by a space, a quote inside a text by {@code “} or {@code ”}. Same length, same lines and columns.
     *
     * @return the text; the input itself when nothing was found
     */
    public String text() {
        return text;
    }

    /**
     * Everything found, in reading order.
     *
     * @return the findings; unmodifiable, empty when the text is clean
     */
    public List<Finding> findings() {
        return findings;
    }

    /**
     * The sentence that explains a finding, in the reader's language, naming the character and what to
     * type instead.
     *
     * @param finding a finding of any scan
     * @param locale  the language: English, or Simplified Chinese for {@code zh_CN}
     * @return e.g. {@code "（" (U+FF08) is a full-width character from a Chinese input method: type "(" instead ...}
     * @throws NullPointerException when an argument is null
     */
    public static String explain(Finding finding, Locale locale) {
        Objects.requireNonNull(finding, "finding");
        return explain(finding, Messages.of(BUNDLE, Objects.requireNonNull(locale, "locale")));
    }

    /**
     * The sentence that names a character typed with an input method and the ASCII one to type instead;
     * for files whose own reader finds such characters (a test table's columns).
     *
     * @param codePoint the character as typed
     * @param twin      the ASCII character to type instead
     * @param locale    the language: English, or Simplified Chinese for {@code zh_CN}
     * @return the sentence
     * @throws NullPointerException when {@code locale} is null
     */
    public static String explainFullWidth(int codePoint, char twin, Locale locale) {
        return explain(new Finding(0, 0, Kind.FULL_WIDTH, codePoint, twin), locale);
    }

    private static String explain(Finding f, Messages messages) {
        String code = String.format(Locale.ROOT, "U+%04X", f.codePoint());
        String shown = new String(Character.toChars(f.codePoint()));
        return switch (f.kind()) {
            case FULL_WIDTH -> f.codePoint() < 0x10000 && HalfWidth.isOtherSpace((char) f.codePoint())
                    ? messages.format(f.codePoint() == 0x3000 ? "text.full-width-space" : "text.other-space", code)
                    : messages.format("text.full-width", shown, code, String.valueOf(f.twin()));
            case STRAY -> Character.isLetterOrDigit(f.codePoint()) || Character.isWhitespace(f.codePoint())
                    || Character.getType(f.codePoint()) == Character.FORMAT
                    ? messages.format("text.invisible", code)
                    : messages.format("text.stray", shown, code);
            case QUOTE_IN_TEXT -> messages.format("text.quote-in-text");
            case UNCLOSED_TEXT -> messages.format("text.unclosed", shown);
        };
    }

    /** One scan of one text. */
    private static final class Scanner {
        private final String text;
        private final Syntax syntax;
        private final char[] out;
        private final List<Finding> findings = new ArrayList<>();
        private int lineStart;
        private int lineEnd;
        private int lineNumber = 1;

        Scanner(String text, Syntax syntax) {
            this.text = text;
            this.syntax = syntax;
            this.out = text.toCharArray();
        }

        TypedText run() {
            boolean inComment = false;
            int start = 0;
            while (start <= text.length()) {
                int newline = text.indexOf('\n', start);
                int end = newline < 0 ? text.length() : newline;
                lineStart = start;
                lineEnd = end;
                Acc acc = new Acc();
                inComment = segment(start, end, inComment, acc, false);
                acc.replacements.forEach((i, c) -> out[i] = c);
                findings.addAll(acc.findings);
                if (newline < 0) {
                    break;
                }
                start = newline + 1;
                lineNumber++;
            }
            return new TypedText(findings.isEmpty() ? text : new String(out), findings);
        }

        /** What one pass over part of a line found; a trial pass keeps its own and is thrown away. */
        private static final class Acc {
            final List<Finding> findings = new ArrayList<>();
            final Map<Integer, Character> replacements = new HashMap<>();
            int unclosed;

            int cost() {
                return findings.size() + UNCLOSED_COST * unclosed;
            }
        }

        /**
         * Scans {@code [from, end)} of the current line.
         *
         * @param inComment whether a block comment is open at {@code from}
         * @param trial     whether this is a trial (no further trials inside it)
         * @return whether a block comment is open at {@code end}
         */
        private boolean segment(int from, int end, boolean inComment, Acc acc, boolean trial) {
            int i = from;
            while (i < end) {
                if (inComment) {
                    int close = -1;
                    for (int k = i; k + 1 < end; k++) {
                        if (structural(k) == '*' && structural(k + 1) == '/') {
                            close = k;
                            break;
                        }
                    }
                    if (close < 0) {
                        return true;
                    }
                    delimiter(close, 2, acc);
                    i = close + 2;
                    inComment = false;
                    continue;
                }
                char c = text.charAt(i);
                char m = structural(i);
                if (m == '/' && i + 1 < end && structural(i + 1) == '/') {
                    delimiter(i, 2, acc);
                    return false;
                }
                if (m == '/' && i + 1 < end && structural(i + 1) == '*') {
                    delimiter(i, 2, acc);
                    inComment = true;
                    i += 2;
                    continue;
                }
                if (m == '"' || m == '\'' && syntax == Syntax.DRL) {
                    int next = c == m ? asciiText(i, end, m, acc, trial) : fullWidthText(i, end, m, acc, trial);
                    if (next < 0) {
                        return false;
                    }
                    i = next;
                    continue;
                }
                i = other(i, end, acc);
            }
            return inComment;
        }

        /** The character at {@code i} as the structure of the file reads it: its twin where it has one. */
        private char structural(int i) {
            char c = text.charAt(i);
            if (c < 0x80) {
                return c;
            }
            char t = HalfWidth.twin(c).orElse(c);
            // JSON has no texts in single quotes: a ‘ or ’ there was meant as ".
            return syntax == Syntax.JSON && t == '\'' ? '"' : t;
        }

        /** A comment's {@code //}, {@code /*} or {@code *}{@code /}: its full-width characters are reported. */
        private void delimiter(int at, int length, Acc acc) {
            for (int k = at; k < at + length; k++) {
                if (text.charAt(k) >= 0x80) {
                    fullWidth(k, structural(k), acc);
                }
            }
        }

        /**
         * A text opened with an ASCII quote at {@code open}.
         *
         * @return the index after it, or -1 when it runs to the end of the line
         */
        private int asciiText(int open, int end, char quote, Acc acc, boolean trial) {
            boolean innerReported = false;
            int inner = 0;
            int k = open + 1;
            while (k < end) {
                char ch = text.charAt(k);
                if (ch == '\\' && k + 1 < end) {
                    k += 2;
                    continue;
                }
                if (ch == quote) {
                    // A quote directly followed by a letter cannot end a text; and once a text holds one such
                    // quote, the next one closes that quotation ("顾客说"明天"再说"), as long as another quote
                    // is left on the line to end the text itself.
                    boolean opensQuotation = k + 1 < end && Character.isLetterOrDigit(text.charAt(k + 1));
                    if ((opensQuotation || inner % 2 == 1) && laterQuote(k + 1, end, quote)) {
                        // Unless the text was already closed by a full-width quote before this one
                        // ("id＂: "gaozi"): then this quote opens the next text, as it seems to.
                        int closer = trial || inner > 0 ? -1 : cleanCloser(open + 1, k, end, quote);
                        if (closer >= 0) {
                            fullWidth(closer, quote, acc);
                            return closer + 1;
                        }
                        if (!innerReported) {
                            acc.findings.add(finding(k, Kind.QUOTE_IN_TEXT, ch, '\0'));
                            innerReported = true;
                        }
                        acc.replacements.put(k, innerQuote(quote, inner++));
                        k++;
                        continue;
                    }
                    if (!trial && inner == 0) {
                        // "今天 ＂ + $cap + " 次": if the text really ended at a full-width quote before this one,
                        // the rest of the line reads with fewer problems from there.
                        int closer = betterCloser(open + 1, k, end, quote);
                        if (closer >= 0) {
                            fullWidth(closer, quote, acc);
                            return closer + 1;
                        }
                    }
                    return k + 1;
                }
                k++;
            }
            // Not closed on this line: perhaps closed by a full-width quote typed by an input method.
            if (!trial) {
                int best = -1;
                int bestCost = Integer.MAX_VALUE;
                int tried = 0;
                for (int p : closers(open + 1, end, quote)) {
                    if (tried++ == MAX_CANDIDATES) {
                        break;
                    }
                    Acc attempt = new Acc();
                    segment(p + 1, window(p + 1, end), false, attempt, true);
                    int cost = attempt.cost();
                    if (cost <= bestCost) {
                        best = p;
                        bestCost = cost;
                    }
                }
                if (best >= 0 && bestCost < UNCLOSED_COST) {
                    fullWidth(best, quote, acc);
                    return best + 1;
                }
            }
            unclosed(open, end, acc);
            return -1;
        }

        /**
         * A full-width quote in {@code [from, to)} after which the rest of the line reads with no problem at
         * all, or -1: the text ended there, typed with the input method.
         */
        private int cleanCloser(int from, int to, int end, char quote) {
            for (int p : closers(from, to, quote)) {
                Acc attempt = new Acc();
                segment(p + 1, window(p + 1, end), false, attempt, true);
                if (attempt.cost() == 0) {
                    return p;
                }
            }
            return -1;
        }

        /**
         * The full-width quotes in {@code [from, to)} that may end a text: not an opening one ({@code “},
         * {@code ‘}, {@code 「}), and not the {@code ”} of a Chinese quotation inside the text
         * ({@code "顾客说“明天”再说"}).
         */
        private List<Integer> closers(int from, int to, char quote) {
            List<Integer> out = new ArrayList<>();
            int quotations = 0;
            for (int p = from; p < to; p++) {
                char ch = text.charAt(p);
                if (ch < 0x80 || structural(p) != quote) {
                    continue;
                }
                if (opening(ch)) {
                    quotations++;
                } else if (quotations > 0 && closing(ch)) {
                    quotations--;
                } else if (out.size() < MAX_CANDIDATES) {
                    out.add(p);
                }
            }
            return out;
        }

        private static boolean opening(char c) {
            return c == '\u201C' || c == '\u2018' || c == '\u300C';
        }

        private static boolean closing(char c) {
            return c == '\u201D' || c == '\u2019' || c == '\u300D';
        }

        /**
         * A full-width quote in {@code [from, to)} that ends the text with fewer problems on the rest of the line
         * than the ASCII quote at {@code to} does (counting itself as one), or -1.
         */
        private int betterCloser(int from, int to, int end, char quote) {
            List<Integer> candidates = closers(from, to, quote);
            if (candidates.isEmpty()) {
                return -1;
            }
            Acc asWritten = new Acc();
            segment(to + 1, window(to + 1, end), false, asWritten, true);
            int best = -1;
            int bestCost = asWritten.cost();
            for (int p : candidates) {
                Acc attempt = new Acc();
                segment(p + 1, window(p + 1, end), false, attempt, true);
                if (attempt.cost() + 1 < bestCost) {
                    best = p;
                    bestCost = attempt.cost() + 1;
                }
            }
            return best;
        }

        /** The end of what a trial from {@code from} reads. */
        private int window(int from, int end) {
            return Math.min(end, from + TRIAL_WINDOW);
        }

        /** A text not closed before {@code end}: a problem, unless a trial's window ends before the line does. */
        private void unclosed(int open, int end, Acc acc) {
            if (end < lineEnd) {
                return;
            }
            acc.unclosed++;
            acc.findings.add(finding(open, Kind.UNCLOSED_TEXT, text.charAt(open), '\0'));
        }

        private static char innerQuote(char quote, int count) {
            if (quote == '\'') {
                return count % 2 == 0 ? '\u2018' : '\u2019';
            }
            return count % 2 == 0 ? '\u201C' : '\u201D';
        }

        private boolean laterQuote(int from, int end, char quote) {
            for (int k = from; k < end; k++) {
                if (text.charAt(k) == '\\') {
                    k++;
                } else if (text.charAt(k) == quote) {
                    return true;
                }
            }
            return false;
        }

        /**
         * A text opened with a full-width quote at {@code open} ({@code “urgency”}): the quote is reported,
         * and so is its closing quote when that is full-width too.
         *
         * @return the index after the text, or -1 when it runs to the end of the line
         */
        private int fullWidthText(int open, int end, char quote, Acc acc, boolean trial) {
            fullWidth(open, quote, acc);
            // The closing quote, ASCII or full-width (never an opening “): after “ the first one that leaves no
            // text unclosed on the line (“id”：“gaozi” closes at the first ”); after ＂ or ” the one that leaves
            // the fewest problems (＂问卷“越快”" closes at "). In a trial, the first one.
            boolean pairs = opening(text.charAt(open));
            int best = -1;
            int bestCost = Integer.MAX_VALUE;
            int tried = 0;
            // An ASCII quote left inside the text would be a quote inside a text: it counts as a problem.
            int asciiInside = 0;
            for (int k = open + 1; k < end && tried < MAX_CANDIDATES; k++) {
                char ch = text.charAt(k);
                if (ch == '\\' && k + 1 < end) {
                    k++;
                    continue;
                }
                if (structural(k) != quote || opening(ch)) {
                    continue;
                }
                if (trial) {
                    best = k;
                    break;
                }
                tried++;
                Acc attempt = new Acc();
                segment(k + 1, window(k + 1, end), false, attempt, true);
                int cost = attempt.cost() + (ch >= 0x80 ? 1 : 0) + asciiInside;
                if (pairs && attempt.unclosed == 0) {
                    best = k;
                    break;
                }
                if (cost < bestCost) {
                    best = k;
                    bestCost = cost;
                }
                if (ch == quote) {
                    asciiInside++;
                }
            }
            if (best < 0) {
                unclosed(open, end, acc);
                return -1;
            }
            if (text.charAt(best) >= 0x80) {
                fullWidth(best, quote, acc);
            }
            return best + 1;
        }

        /** Any other character outside a text; returns the index after it. */
        private int other(int i, int end, Acc acc) {
            char c = text.charAt(i);
            if (c < 0x80) {
                return i + 1;
            }
            if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(text.charAt(i + 1))) {
                acc.findings.add(finding(i, Kind.STRAY, text.codePointAt(i), '\0'));
                acc.replacements.put(i, ' ');
                acc.replacements.put(i + 1, ' ');
                return i + 2;
            }
            char twin = c == '\u3002' ? fullStop(i, end) : HalfWidth.twin(c).orElse('\0');
            if (twin != '\0') {
                fullWidth(i, twin, acc);
            } else if (!Character.isLetterOrDigit(c)) {
                acc.findings.add(finding(i, Kind.STRAY, c, '\0'));
                acc.replacements.put(i, ' ');
            }
            return i + 1;
        }

        /** {@code 。} between two parts of a name ({@code $c。silentHours}) was meant as {@code .}; anywhere else it is stray. */
        private char fullStop(int i, int end) {
            boolean afterName = i > lineStart && (Character.isJavaIdentifierPart(structural(i - 1))
                    || structural(i - 1) == ')');
            boolean beforeName = i + 1 < end && Character.isJavaIdentifierStart(structural(i + 1));
            return afterName && beforeName ? '.' : '\0';
        }

        private void fullWidth(int i, char twin, Acc acc) {
            acc.findings.add(finding(i, Kind.FULL_WIDTH, text.charAt(i), twin));
            acc.replacements.put(i, twin);
        }

        private Finding finding(int i, Kind kind, int codePoint, char twin) {
            return new Finding(lineNumber, i - lineStart + 1, kind, codePoint, twin);
        }
    }
}

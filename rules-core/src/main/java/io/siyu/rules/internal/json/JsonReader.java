package io.siyu.rules.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import io.siyu.rules.diagnostic.Diagnostic;
import io.siyu.rules.internal.i18n.Messages;
import io.siyu.rules.diagnostic.Diagnostic.Severity;
import io.siyu.rules.internal.text.TypedText;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads one hand-edited JSON file into {@link JsonValue}s that keep their positions, and collects
 * every problem found while reading and validating it as {@link Diagnostic}s.
 *
 * <p>Comments ({@code //}, {@code /* *}{@code /}) and trailing commas are accepted: the files are
 * written by people. Before Jackson reads a file, {@link TypedText} finds the characters a Chinese input
 * method typed outside the texts ({@code ：}, {@code ，}, {@code “}) and the quotes inside a text, each
 * reported at its line and column, and the file is parsed as it was meant, so that they cause no further
 * error. A file Jackson cannot parse is reported in the reader's language ({@link JsonSyntax}). Where a version
 * is expected, a number is taken as its text ({@code "version": 2} is {@code "2"}); everywhere else a number
 * where a text is expected (an id, a code: {@code "code": 7}) is the same wrong-type error as any other.
 * A reader is used for one file by one thread, then discarded.
 * Internal to the library: not part of its supported API.
 */
public final class JsonReader {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .build();
    private static final String JSON_MESSAGES = "io.siyu.rules.internal.json.messages";
    /** The longest value a message quotes whole, in code points; see {@link #excerpt}. */
    public static final int MAX_SHOWN = 40;

    private final String file;
    private final Messages jsonMessages;
    private final Messages featureMessages;
    private final List<Diagnostic> diagnostics = new ArrayList<>();

    /**
     * @param file           the file name to report, relative to the pack directory where there is one
     * @param featureBundle  the resource bundle of the feature's own messages
     * @param locale         the locale of the messages
     */
    public JsonReader(String file, String featureBundle, Locale locale) {
        this(file, jsonMessages(locale), Messages.of(featureBundle, locale));
    }

    /**
     * A reader with messages already read: for a caller that reads many small documents (a customer per line),
     * where reading the message files again for each would cost more than the document (they come from the jar).
     *
     * @param file            the name of the file being read, for diagnostics
     * @param jsonMessages    {@link #jsonMessages(Locale)} in the caller's locale
     * @param featureMessages the feature's own messages, in the same locale
     */
    public JsonReader(String file, Messages jsonMessages, Messages featureMessages) {
        this.file = Objects.requireNonNull(file, "file");
        this.jsonMessages = Objects.requireNonNull(jsonMessages, "jsonMessages");
        this.featureMessages = Objects.requireNonNull(featureMessages, "featureMessages");
    }

    /**
     * The JSON reader's own messages (syntax, types), to keep and pass to {@link #JsonReader(String, Messages,
     * Messages)}.
     *
     * @param locale the locale
     * @return the messages
     */
    public static Messages jsonMessages(Locale locale) {
        return Messages.of(JSON_MESSAGES, locale);
    }

    /** The file being read, as reported in diagnostics. */
    public String file() {
        return file;
    }

    /** The feature's messages, in the reader's locale. */
    public Messages messages() {
        return featureMessages;
    }

    /** Every problem reported so far, in the order found. */
    public List<Diagnostic> diagnostics() {
        return List.copyOf(diagnostics);
    }

    /** Whether any error has been reported. */
    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    /**
     * Parses a whole document. Malformed JSON is reported as one diagnostic at the position where the
     * parser gave up, and the result is empty.
     */
    public Optional<JsonValue> parse(String text) {
        Objects.requireNonNull(text, "text");
        if (text.isBlank()) {
            diagnostics.add(new Diagnostic(file, 1, 1, Severity.ERROR, "json.empty", "",
                    jsonMessages.format("json.empty")));
            return Optional.empty();
        }
        TypedText typed = TypedText.scan(text, TypedText.Syntax.JSON);
        boolean unclosed = false;
        for (TypedText.Finding f : typed.findings()) {
            String key = switch (f.kind()) {
                case FULL_WIDTH -> "json.full-width";
                case STRAY -> "json.stray-character";
                case QUOTE_IN_TEXT -> "json.quote-in-text";
                case UNCLOSED_TEXT -> "json.unclosed-string";
            };
            unclosed |= f.kind() == TypedText.Kind.UNCLOSED_TEXT;
            diagnostics.add(new Diagnostic(file, f.line(), f.column(), Severity.ERROR, key, "",
                    TypedText.explain(f, jsonMessages.locale())));
        }
        if (unclosed) {
            // Jackson would only report where the unclosed text made it lose its way.
            return Optional.empty();
        }
        String meant = typed.text();
        try (JsonParser parser = FACTORY.createParser(meant)) {
            JsonToken first = parser.nextToken();
            JsonValue root = read(parser, first, "");
            JsonLocation end = parser.currentLocation();
            JsonToken extra;
            try {
                extra = parser.nextToken();
            } catch (JsonProcessingException afterTheEnd) {
                extra = JsonToken.NOT_AVAILABLE;
            }
            if (extra != null) {
                JsonLocation at = extra == JsonToken.NOT_AVAILABLE ? end : parser.currentTokenLocation();
                int[] where = extra == JsonToken.NOT_AVAILABLE ? nextNonBlank(meant, at) : new int[] {
                        at.getLineNr(), at.getColumnNr()};
                diagnostics.add(new Diagnostic(file, where[0], where[1], Severity.ERROR,
                        "json.trailing", "", jsonMessages.format("json.trailing")));
                return Optional.empty();
            }
            return Optional.of(root);
        } catch (JsonProcessingException e) {
            JsonSyntax.Problem problem = JsonSyntax.explain(e, meant, jsonMessages);
            diagnostics.add(new Diagnostic(file, problem.line(), problem.column(), Severity.ERROR, "json.malformed",
                    "", problem.message()));
            return Optional.empty();
        } catch (IOException e) {
            // Reading from a String cannot fail with a plain I/O error; keep the cause if it ever does.
            throw new IllegalStateException("unexpected I/O error reading " + file, e);
        }
    }

    /** The first character after {@code at} that is not white space, as {@code {line, column}}. */
    private static int[] nextNonBlank(String text, JsonLocation at) {
        int line = at.getLineNr();
        int column = at.getColumnNr();
        int offset = (int) at.getCharOffset();
        for (int i = Math.max(offset, 0); i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                column = 1;
            } else if (Character.isWhitespace(c)) {
                column++;
            } else {
                return new int[] {line, column};
            }
        }
        return new int[] {line, column};
    }

    private JsonValue read(JsonParser parser, JsonToken token, String path) throws IOException {
        JsonLocation at = parser.currentTokenLocation();
        int line = at.getLineNr();
        int column = at.getColumnNr();
        switch (token) {
            case START_OBJECT -> {
                LinkedHashMap<String, JsonValue> fields = new LinkedHashMap<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
                    String name = parser.currentName();
                    JsonLocation nameAt = parser.currentTokenLocation();
                    String childPath = path.isEmpty() ? name : path + "." + name;
                    JsonValue child = read(parser, parser.nextToken(), childPath)
                            .withKeyAt(nameAt.getLineNr(), nameAt.getColumnNr());
                    if (fields.containsKey(name)) {
                        diagnostics.add(new Diagnostic(file, nameAt.getLineNr(), nameAt.getColumnNr(), Severity.ERROR,
                                "json.duplicate-key", childPath, jsonMessages.format("json.duplicate-key", excerpt(name),
                                fields.get(name).keyLine())));
                    } else {
                        fields.put(name, child);
                    }
                }
                return JsonValue.object(path, line, column, fields);
            }
            case START_ARRAY -> {
                List<JsonValue> items = new ArrayList<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    items.add(read(parser, t, path + "[" + items.size() + "]"));
                }
                return JsonValue.array(path, line, column, items);
            }
            case VALUE_STRING -> {
                return JsonValue.scalar(JsonValue.Kind.STRING, path, line, column, parser.getText());
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return JsonValue.number(path, line, column, parser.getText());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return JsonValue.scalar(JsonValue.Kind.BOOLEAN, path, line, column, token == JsonToken.VALUE_TRUE);
            }
            case VALUE_NULL -> {
                return JsonValue.scalar(JsonValue.Kind.NULL, path, line, column, null);
            }
            default -> throw new IllegalStateException("unexpected JSON token " + token + " at " + line + ":" + column);
        }
    }

    // ---------------------------------------------------------------- reporting

    /** Reports an error of the feature at a value's position, with the value's path. */
    public void error(JsonValue at, String key, Object... args) {
        report(at, Severity.ERROR, key, featureMessages.format(key, shortened(at, null, args)));
    }

    /** Reports a warning of the feature at a value's position. */
    public void warning(JsonValue at, String key, Object... args) {
        report(at, Severity.WARNING, key, featureMessages.format(key, shortened(at, null, args)));
    }

    /**
     * Reports an error of the feature about the key of an object's field (a name that is not allowed,
     * for instance) at the key's position, with the field's path.
     */
    public void keyError(JsonValue field, String key, Object... args) {
        diagnostics.add(new Diagnostic(file, field.keyLine(), field.keyColumn(), Severity.ERROR, key, field.path(),
                featureMessages.format(key, shortened(field, field.path(), args))));
    }

    /**
     * A value someone wrote, as a message quotes it: at most {@value #MAX_SHOWN} characters (code points),
     * longer ones cut with an ellipsis, so that a 400-digit number or a pasted paragraph does not make a
     * 600-character error line (the position says where the whole value is).
     *
     * @param written the value as written; null is shown as {@code null}
     * @return the value, or its start and "…"
     */
    public static String excerpt(String written) {
        if (written == null) {
            return "null";
        }
        if (written.codePointCount(0, written.length()) <= MAX_SHOWN) {
            return written;
        }
        return written.substring(0, written.offsetByCodePoints(0, MAX_SHOWN - 1)) + "…";
    }

    /**
     * A number as a message quotes it: as written ({@code 1e400}, not its 400 digits, which
     * {@link BigDecimal#toPlainString()} would spell out, and for an exponent of a billion could not), shortened
     * by {@link #excerpt(String)}.
     *
     * @param number a number value
     * @return the number as written, at most {@value #MAX_SHOWN} code points
     * @throws IllegalStateException when {@code number} is not a number
     */
    public static String excerptNumber(JsonValue number) {
        return excerpt(number.numberLiteral());
    }

    /**
     * The message arguments with every long echo of what was written shortened by {@link #excerpt}: the value
     * itself (its text, or its number as written or in full, possibly in quotes) or, for a key, the field's
     * name (in {@code path}). Feature messages quote what was written without each reader having to remember
     * to shorten it; other arguments (lists of allowed values) are kept whole.
     */
    private static Object[] shortened(JsonValue at, String path, Object[] args) {
        Object[] out = args.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] instanceof String text && text.length() > MAX_SHOWN
                    && (isWritten(at, text) || path != null && path.contains(text))) {
                out[i] = excerpt(text);
            }
        }
        return out;
    }

    /** Whether a long argument is (or quotes) the value as written; short values never match a long text. */
    private static boolean isWritten(JsonValue at, String text) {
        return switch (at.kind()) {
            case STRING -> at.text().length() > MAX_SHOWN / 2 && text.contains(at.text());
            case NUMBER -> at.numberLiteral().length() > MAX_SHOWN / 2 && text.contains(at.numberLiteral());
            default -> false;
        };
    }

    private void report(JsonValue at, Severity severity, String key, String message) {
        diagnostics.add(new Diagnostic(file, at.line(), at.column(), severity, key, at.path(), message));
    }

    private void jsonError(JsonValue at, String path, String key, Object... args) {
        diagnostics.add(new Diagnostic(file, at.line(), at.column(), Severity.ERROR, key, path,
                jsonMessages.format(key, args)));
    }

    private void jsonKeyError(JsonValue field, String key, Object... args) {
        diagnostics.add(new Diagnostic(file, field.keyLine(), field.keyColumn(), Severity.ERROR, key, field.path(),
                jsonMessages.format(key, args)));
    }

    // ---------------------------------------------------------------- typed access

    /**
     * Views a value as an object whose only allowed fields are {@code allowed}; an unknown field is
     * reported at its key, with the list of the allowed ones. Returns empty (and reports) when the value
     * is not an object.
     */
    public Optional<ObjectView> object(JsonValue value, Collection<String> allowed) {
        if (value.kind() != JsonValue.Kind.OBJECT) {
            wrongType(value, kindName("OBJECT"));
            return Optional.empty();
        }
        Set<String> known = new TreeSet<>(allowed);
        value.fields().forEach((name, child) -> {
            if (!known.contains(name) && !isSchemaReference(value, name)) {
                jsonKeyError(child, "json.unknown-field", excerpt(name), String.join(", ", allowed));
            }
        });
        return Optional.of(new ObjectView(value));
    }

    /**
     * Whether a field is the document's {@code "$schema"}: the JSON Schema an editor checks the file with
     * (every pack file format has one). Accepted at the root of every file and otherwise ignored.
     */
    private static boolean isSchemaReference(JsonValue object, String name) {
        return object.path().isEmpty() && "$schema".equals(name);
    }

    /** Views a value as a list; reports and returns empty when it is not one. */
    public Optional<List<JsonValue>> array(JsonValue value) {
        if (value.kind() != JsonValue.Kind.ARRAY) {
            wrongType(value, kindName("ARRAY"));
            return Optional.empty();
        }
        return Optional.of(value.items());
    }

    /** Reads a value as text; reports and returns empty when it is not a non-blank string. */
    public Optional<String> text(JsonValue value) {
        if (value.kind() != JsonValue.Kind.STRING) {
            wrongType(value, kindName("STRING"));
            return Optional.empty();
        }
        if (value.text().isBlank()) {
            atTopLevelOrPath(value, value.path(), "json.blank", value.path());
            return Optional.empty();
        }
        return Optional.of(value.text());
    }

    /**
     * Reads a version: a non-blank text, or a number taken as written ({@code 2} is {@code "2"}, {@code 2.10} is
     * {@code "2.10"}) — people do not think of a version as "text". Only versions: an id or a code is a text
     * ({@link #text}), so that {@code "code": 7} is reported like any other value of the wrong type. Reports and
     * returns empty for anything else.
     */
    public Optional<String> textOrNumber(JsonValue value) {
        if (value.kind() == JsonValue.Kind.NUMBER) {
            return Optional.of(value.numberLiteral());
        }
        return text(value);
    }

    private String kindName(String kind) {
        return jsonMessages.format("json.kind." + kind);
    }

    private void wrongType(JsonValue value, String expected) {
        atTopLevelOrPath(value, value.path(), "json.wrong-type", value.path(), expected, kindName(value.kind().name()));
    }

    /**
     * Reports a JSON error whose message names {@code where} (a path) first; for the whole document (an empty
     * path) its {@code .top-level} wording is used instead, which says "the whole JSON" / "the top level" in
     * words rather than a placeholder: the same reader reads files and single lines, so it cannot say which.
     * The diagnostic's key stays {@code key}.
     */
    private void atTopLevelOrPath(JsonValue at, String path, String key, Object... args) {
        int where = "json.missing-field".equals(key) ? 1 : 0;
        if (!((String) args[where]).isEmpty()) {
            jsonError(at, path, key, args);
            return;
        }
        Object[] rest = new Object[args.length - 1];
        for (int i = 0, j = 0; i < args.length; i++) {
            if (i != where) {
                rest[j++] = args[i];
            }
        }
        diagnostics.add(new Diagnostic(file, at.line(), at.column(), Severity.ERROR, key, path,
                jsonMessages.format(key + ".top-level", rest)));
    }

    /** Typed, reporting access to the fields of one JSON object. */
    public final class ObjectView {
        private final JsonValue object;

        private ObjectView(JsonValue object) {
            this.object = object;
        }

        /** The object itself (its position and path). */
        public JsonValue value() {
            return object;
        }

        /** A field, or empty when absent or {@code null}. */
        public Optional<JsonValue> get(String name) {
            JsonValue v = object.fields().get(name);
            return v == null || v.isNull() ? Optional.empty() : Optional.of(v);
        }

        /** Whether the field is present (and not {@code null}). */
        public boolean has(String name) {
            return get(name).isPresent();
        }

        /** A field that must be present; reports it as missing otherwise. */
        public Optional<JsonValue> required(String name) {
            Optional<JsonValue> v = get(name);
            if (v.isEmpty()) {
                String path = object.path().isEmpty() ? name : object.path() + "." + name;
                atTopLevelOrPath(object, path, "json.missing-field", name, object.path());
            }
            return v;
        }

        /** A required, non-blank text field. */
        public Optional<String> requiredText(String name) {
            return required(name).flatMap(JsonReader.this::text);
        }

        /** A required version: a non-blank text, or a number taken as written ({@link JsonReader#textOrNumber}). */
        public Optional<String> requiredTextOrNumber(String name) {
            return required(name).flatMap(JsonReader.this::textOrNumber);
        }

        /** An optional version: a non-blank text, or a number taken as written ({@link JsonReader#textOrNumber}). */
        public Optional<String> optionalTextOrNumber(String name) {
            return get(name).flatMap(JsonReader.this::textOrNumber);
        }

        /** An optional, non-blank text field. */
        public Optional<String> optionalText(String name) {
            return get(name).flatMap(JsonReader.this::text);
        }

        /** An optional text field that may be empty; reports a value that is not text. */
        public Optional<String> optionalRawText(String name) {
            Optional<JsonValue> v = get(name);
            if (v.isPresent() && v.get().kind() != JsonValue.Kind.STRING) {
                jsonError(v.get(), v.get().path(), "json.wrong-type", v.get().path(),
                        kindName("STRING"), kindName(v.get().kind().name()));
                return Optional.empty();
            }
            return v.map(JsonValue::text);
        }

        /** An optional boolean field, {@code fallback} when absent; reports a wrong type. */
        public boolean bool(String name, boolean fallback) {
            Optional<JsonValue> v = get(name);
            if (v.isEmpty()) {
                return fallback;
            }
            if (v.get().kind() != JsonValue.Kind.BOOLEAN) {
                jsonError(v.get(), v.get().path(), "json.wrong-type", v.get().path(),
                        kindName("BOOLEAN"), kindName(v.get().kind().name()));
                return fallback;
            }
            return v.get().bool();
        }

        /**
         * An optional whole-number field within {@code [min, max]}, {@code fallback} when absent;
         * reports a wrong type or a value out of range (and then returns {@code fallback}).
         */
        public int integer(String name, int fallback, int min, int max) {
            Optional<JsonValue> v = get(name);
            if (v.isEmpty()) {
                return fallback;
            }
            return wholeNumber(v.get(), min, max).orElse(fallback);
        }

        /** A required whole-number field within {@code [min, max]}. */
        public Optional<Integer> requiredInteger(String name, int min, int max) {
            return required(name).flatMap(v -> wholeNumber(v, min, max));
        }

        /** An optional decimal number within {@code [min, max]}, {@code fallback} when absent. */
        public double decimal(String name, double fallback, double min, double max) {
            Optional<JsonValue> v = get(name);
            if (v.isEmpty()) {
                return fallback;
            }
            if (v.get().kind() != JsonValue.Kind.NUMBER) {
                jsonError(v.get(), v.get().path(), "json.wrong-type", v.get().path(),
                        kindName("NUMBER"), kindName(v.get().kind().name()));
                return fallback;
            }
            double d = v.get().number().doubleValue();
            if (d < min || d > max) {
                jsonError(v.get(), v.get().path(), "json.out-of-range", v.get().path(), excerptNumber(v.get()), min, max);
                return fallback;
            }
            return d;
        }

        /** A required list field. */
        public Optional<List<JsonValue>> requiredArray(String name) {
            return required(name).flatMap(JsonReader.this::array);
        }

        /** An optional list field; empty list when absent. */
        public List<JsonValue> optionalArray(String name) {
            return get(name).flatMap(JsonReader.this::array).orElse(List.of());
        }

        /** An optional list of non-blank texts; empty when absent. */
        public List<String> textList(String name) {
            List<String> out = new ArrayList<>();
            for (JsonValue item : optionalArray(name)) {
                text(item).ifPresent(out::add);
            }
            return out;
        }
    }

    private Optional<Integer> wholeNumber(JsonValue v, int min, int max) {
        if (v.kind() != JsonValue.Kind.NUMBER) {
            jsonError(v, v.path(), "json.wrong-type", v.path(), kindName("INTEGER"), kindName(v.kind().name()));
            return Optional.empty();
        }
        BigDecimal n = v.number();
        if (n.stripTrailingZeros().scale() > 0) {
            diagnostics.add(new Diagnostic(file, v.line(), v.column(), Severity.ERROR, "json.wrong-type", v.path(),
                    jsonMessages.format("json.not-whole-number", v.path(), excerptNumber(v))));
            return Optional.empty();
        }
        if (n.compareTo(BigDecimal.valueOf(min)) < 0 || n.compareTo(BigDecimal.valueOf(max)) > 0) {
            jsonError(v, v.path(), "json.out-of-range", v.path(), excerptNumber(v), min, max);
            return Optional.empty();
        }
        return Optional.of(n.intValueExact());
    }
}

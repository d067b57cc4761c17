package io.siyu.rules.internal.json;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A JSON value that remembers where it was written: its line, column and JSON path
 * ({@code questions[1].options[0].code}). The library's file readers use it so that every problem in
 * a hand-edited JSON file can be reported at the exact spot.
 *
 * <p>Immutable once parsed. Internal to the library: not part of its supported API.
 */
public final class JsonValue {

    /** The JSON type of a value. */
    public enum Kind {
        OBJECT, ARRAY, STRING, NUMBER, BOOLEAN, NULL
    }

    private final Kind kind;
    private final String path;
    private final int line;
    private final int column;
    private final int keyLine;
    private final int keyColumn;
    private final Object scalar;
    /** A number as written in the file ({@code 2}, {@code 2.10}); null for other kinds. */
    private final String literal;
    private final Map<String, JsonValue> fields;
    private final List<JsonValue> items;

    private JsonValue(Kind kind, String path, int line, int column, Object scalar, Map<String, JsonValue> fields,
                      List<JsonValue> items) {
        this(kind, path, line, column, line, column, scalar, null, fields, items);
    }

    private JsonValue(Kind kind, String path, int line, int column, int keyLine, int keyColumn, Object scalar,
                      String literal, Map<String, JsonValue> fields, List<JsonValue> items) {
        this.kind = kind;
        this.path = path;
        this.line = line;
        this.column = column;
        this.keyLine = keyLine;
        this.keyColumn = keyColumn;
        this.scalar = scalar;
        this.literal = literal;
        this.fields = fields;
        this.items = items;
    }

    static JsonValue scalar(Kind kind, String path, int line, int column, Object value) {
        return new JsonValue(kind, path, line, column, value, Map.of(), List.of());
    }

    static JsonValue number(String path, int line, int column, String literal) {
        return new JsonValue(Kind.NUMBER, path, line, column, line, column, new BigDecimal(literal), literal, Map.of(),
                List.of());
    }

    static JsonValue object(String path, int line, int column, LinkedHashMap<String, JsonValue> fields) {
        return new JsonValue(Kind.OBJECT, path, line, column, null, Collections.unmodifiableMap(fields), List.of());
    }

    static JsonValue array(String path, int line, int column, List<JsonValue> items) {
        return new JsonValue(Kind.ARRAY, path, line, column, null, Map.of(), List.copyOf(items));
    }

    /**
     * The same value as the field of an object whose key (its opening quote) is at {@code keyLine:keyColumn}.
     */
    JsonValue withKeyAt(int keyLine, int keyColumn) {
        return new JsonValue(kind, path, line, column, keyLine, keyColumn, scalar, literal, fields, items);
    }

    public Kind kind() {
        return kind;
    }

    /** The JSON path from the document root, e.g. {@code questions[1].options[0].code}; empty for the root. */
    public String path() {
        return path;
    }

    /** 1-based line where the value starts. */
    public int line() {
        return line;
    }

    /** 1-based column where the value starts. */
    public int column() {
        return column;
    }

    /**
     * 1-based line of the key (its opening quote) when this value is the field of an object; for the
     * document and the items of a list, which have no key, the line where the value starts.
     */
    public int keyLine() {
        return keyLine;
    }

    /**
     * 1-based column of the key's opening quote when this value is the field of an object; for the
     * document and the items of a list, the column where the value starts.
     */
    public int keyColumn() {
        return keyColumn;
    }

    public boolean isNull() {
        return kind == Kind.NULL;
    }

    /** The fields of an object in document order; empty for any other kind. */
    public Map<String, JsonValue> fields() {
        return fields;
    }

    /** The items of a list; empty for any other kind. */
    public List<JsonValue> items() {
        return items;
    }

    /** The text of a string value. */
    public String text() {
        requireKind(Kind.STRING);
        return (String) scalar;
    }

    /** The value of a number. */
    public BigDecimal number() {
        requireKind(Kind.NUMBER);
        return (BigDecimal) scalar;
    }

    /** A number exactly as written in the file ({@code 2}, {@code 2.10}, {@code 1e3}). */
    public String numberLiteral() {
        requireKind(Kind.NUMBER);
        return literal;
    }

    /** The value of a boolean. */
    public boolean bool() {
        requireKind(Kind.BOOLEAN);
        return (Boolean) scalar;
    }

    /** The scalar as plain Java ({@code String}, {@code BigDecimal}, {@code Boolean}) or null. */
    public Object scalarValue() {
        return scalar;
    }

    private void requireKind(Kind expected) {
        if (kind != expected) {
            throw new IllegalStateException(path + " is " + kind + ", not " + expected);
        }
    }

    @Override
    public String toString() {
        return kind + "@" + line + ":" + column + (path.isEmpty() ? "" : " " + path);
    }

    /** Two values are equal when they have the same kind, content and position (of the value and of its key). */
    @Override
    public boolean equals(Object o) {
        return o instanceof JsonValue other && kind == other.kind && line == other.line && column == other.column
                && keyLine == other.keyLine && keyColumn == other.keyColumn
                && path.equals(other.path) && Objects.equals(scalar, other.scalar) && fields.equals(other.fields)
                && items.equals(other.items);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, path, line, column, scalar);
    }
}

package io.siyu.rules.script;

import io.siyu.rules.diagnostic.Diagnostic;
import io.siyu.rules.internal.files.PackFiles;
import io.siyu.rules.internal.i18n.Messages;
import io.siyu.rules.diagnostic.Diagnostic.Severity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The script library (话术库) of a rule pack, read from {@code scripts.json}: the texts staff send,
 * each spoken by a persona on a channel, with variables filled in per customer and optional A/B
 * variants. See {@code docs/scripts.md} for the file format.
 *
 * <p>Every text is checked and compiled when the library loads, so a loaded library can only fail to
 * render for a reason that depends on the customer (a variable with no value, a text that becomes too
 * long). Immutable and thread-safe: one instance is shared by all threads.
 */
public final class ScriptLibrary {
    /** The variable that stands for the display name of the script's persona; it cannot be declared. */
    static final String PERSONA_VARIABLE = "persona";
    private static final String ELLIPSIS = "…";
    private static final String EMPTY_FILE = "scripts.json";
    private static final Logger LOG = LoggerFactory.getLogger(ScriptLibrary.class);

    private final String file;
    private final Locale locale;
    private final Optional<String> id;
    private final Optional<String> version;
    private final Map<String, Persona> personas;
    private final Map<String, Variable> variables;
    private final Map<String, Script> scripts;
    private final List<Script> scriptList;

    ScriptLibrary(String file, Locale locale, Optional<String> id, Optional<String> version,
                  Map<String, Persona> personas, Map<String, Variable> variables, Map<String, Script> scripts) {
        this.file = file;
        this.locale = locale;
        this.id = id;
        this.version = version;
        this.personas = Collections.unmodifiableMap(new LinkedHashMap<>(personas));
        this.variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
        this.scripts = Collections.unmodifiableMap(new LinkedHashMap<>(scripts));
        this.scriptList = List.copyOf(scripts.values());
    }

    /**
     * Loads a script library file. Problems are reported with the file name as given.
     *
     * @param file   the {@code scripts.json} file, UTF-8 (a byte-order mark is allowed)
     * @param locale the language of diagnostics and render errors (English or Simplified Chinese)
     * @return the library
     * @throws NullPointerException when an argument is null
     * @throws ScriptException     listing every problem in the file, or saying that it cannot be read
     */
    public static ScriptLibrary load(Path file, Locale locale) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(locale, "locale");
        String name = file.toString();
        String json = PackFiles.readOrThrow(file, name, PackFiles.Kind.SCRIPTS, locale, problems ->
                new ScriptException(Messages.of(ScriptLibraryReader.BUNDLE, locale).format("script.load-failed", name,
                        problems.size()), problems));
        return parse(file.toString(), json, locale);
    }

    /**
     * Reads a script library from its text.
     *
     * @param fileName the name to report in diagnostics, e.g. {@code scripts.json} relative to the pack
     * @param json     the content of the file
     * @param locale   the language of diagnostics and render errors (English or Simplified Chinese)
     * @return the library
     * @throws NullPointerException when an argument is null
     * @throws ScriptException     listing every problem in the text, in reading order
     */
    public static ScriptLibrary parse(String fileName, String json, Locale locale) {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(locale, "locale");
        ScriptLibrary library = ScriptLibraryReader.read(fileName, json, locale);
        LOG.debug("Loaded {} scripts from {}", library.scripts.size(), fileName);
        return library;
    }

    /**
     * A library with no scripts, for a rule pack that has no {@code scripts.json}. Its render errors
     * are in English and name {@code scripts.json}, the file that would hold the script.
     *
     * @return an empty library
     */
    public static ScriptLibrary empty() {
        return new ScriptLibrary(EMPTY_FILE, Locale.ENGLISH, Optional.empty(), Optional.empty(), Map.of(), Map.of(),
                Map.of());
    }

    /**
     * The file the library was read from, as reported in diagnostics.
     *
     * @return the name given to {@link #parse} or the path given to {@link #load}; {@code scripts.json}
     *         for {@link #empty()}
     */
    public String file() {
        return file;
    }

    /**
     * The library's {@code id}.
     *
     * @return the id; empty when the file gives none
     */
    public Optional<String> id() {
        return id;
    }

    /**
     * The library's {@code version}.
     *
     * @return the version; empty when the file gives none
     */
    public Optional<String> version() {
        return version;
    }

    /**
     * The personas.
     *
     * @return the personas by id, in file order; unmodifiable, empty when there are none
     */
    public Map<String, Persona> personas() {
        return personas;
    }

    /**
     * The declared variables.
     *
     * @return the variables by name, in file order; unmodifiable, empty when none are declared
     */
    public Map<String, Variable> variables() {
        return variables;
    }

    /**
     * The ids of all scripts.
     *
     * @return the ids in file order; unmodifiable, empty when the library has no scripts
     */
    public Set<String> ids() {
        return scripts.keySet();
    }

    /**
     * The script with this id.
     *
     * @param id the script id (exact)
     * @return the script; empty when the library has none with that id
     * @throws NullPointerException when {@code id} is null
     */
    public Optional<Script> script(String id) {
        Objects.requireNonNull(id, "id");
        return Optional.ofNullable(scripts.get(id));
    }

    /**
     * Whether the library has a script with this id.
     *
     * @param id the script id (exact)
     * @return true when {@link #script(String)} would find it
     * @throws NullPointerException when {@code id} is null
     */
    public boolean contains(String id) {
        Objects.requireNonNull(id, "id");
        return scripts.containsKey(id);
    }

    /**
     * All scripts.
     *
     * @return the scripts in file order; unmodifiable, empty when the library has none
     */
    public List<Script> scripts() {
        return scriptList;
    }

    /**
     * The A/B variant a customer gets of a script, without rendering it: the variant {@link #render} would
     * choose. For a held-out customer's decision, which records what would have been sent and renders nothing.
     *
     * @param scriptId   the id of the script
     * @param customerId the customer's stable id
     * @return the variant id; {@code ""} when the script has no variants or there is no such script
     * @throws NullPointerException when an argument is null
     */
    public String variantFor(String scriptId, String customerId) {
        Objects.requireNonNull(scriptId, "scriptId");
        Objects.requireNonNull(customerId, "customerId");
        Script script = scripts.get(scriptId);
        return script == null ? "" : script.variantId(script.variantIndex(customerId));
    }

    /**
     * Renders a script for one customer.
     *
     * <p>The variant (when the script has variants) is chosen by a stable hash of the script id and
     * {@code customerId}: the same customer always gets the same variant, in every run and JVM, and
     * customers spread over variants in proportion to their weights.
     *
     * <p>Each variable {@code {name}} takes the first value found in: {@code values} (the customer's
     * attributes), the script's {@code defaults}, the library's variable {@code default}.
     * {@code {persona}} is always the persona's display name. A {@code null} or blank value counts as
     * no value. Values are inserted literally, never read as template syntax; any object is turned into
     * text with {@code toString()} (a {@link BigDecimal} with {@code toPlainString()}).
     *
     * <p>Lengths are counted in code points, not {@code char}s; truncation never splits a surrogate pair.
     *
     * @param scriptId   the id of the script, as chosen by a rule
     * @param customerId the customer's stable id, which decides the variant (a group id for group content)
     * @param values     variable values for this customer by name, e.g. {@code nickname}; values may be
     *                   null (no value), the map is only read
     * @return the rendered script
     * @throws NullPointerException  when an argument is null
     * @throws ScriptRenderException when there is no such script, when variables have no value (all of
     *                               them are listed, each at its place in the file), or when the text is
     *                               longer than the script's {@code maxLength} and the script does not
     *                               allow truncation
     */
    public RenderedScript render(String scriptId, String customerId, Map<String, ?> values) {
        Objects.requireNonNull(scriptId, "scriptId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(values, "values");
        Script script = scripts.get(scriptId);
        if (script == null) {
            throw unknownScript(scriptId);
        }
        int variant = script.variantIndex(customerId);
        Template template = script.template(variant);
        List<Template.Slot> missing = new ArrayList<>(0);
        String text = template.render(name -> valueOf(script, name, values), missing);
        if (!missing.isEmpty()) {
            throw missingValues(script, template, missing);
        }
        int maxLength = script.maxLengthOrZero();
        if (maxLength > 0) {
            int length = text.codePointCount(0, text.length());
            if (length > maxLength) {
                if (!script.truncate()) {
                    throw tooLong(script, template, length, maxLength);
                }
                text = truncate(text, maxLength);
            }
        }
        return new RenderedScript(scriptId, script.variantId(variant), text, script.persona().name(),
                script.channel());
    }

    private static String valueOf(Script script, String name, Map<String, ?> values) {
        if (PERSONA_VARIABLE.equals(name)) {
            return script.persona().name();
        }
        String given = asText(values.get(name));
        return given != null ? given : script.fallback(name);
    }

    /** The text of a caller's value, or {@code null} when it is no value (null or blank). */
    private static String asText(Object value) {
        if (value == null) {
            return null;
        }
        String text = value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
        return text == null || text.isBlank() ? null : text;
    }

    /** The first {@code maxLength - 1} code points and "…": never splits a surrogate pair. */
    static String truncate(String text, int maxLength) {
        int end = text.offsetByCodePoints(0, maxLength - 1);
        return text.substring(0, end) + ELLIPSIS;
    }

    // ---------------------------------------------------------------- render failures

    private Messages messages() {
        return Messages.of(ScriptLibraryReader.BUNDLE, locale);
    }

    private ScriptRenderException unknownScript(String scriptId) {
        Messages messages = messages();
        String message = messages.format("script.unknown-script", scriptId);
        Diagnostic diagnostic = new Diagnostic(file, 0, 0, Severity.ERROR, "script.unknown-script", "", message);
        return new ScriptRenderException(scriptId, messages.format("script.render-failed", scriptId),
                List.of(diagnostic));
    }

    private ScriptRenderException missingValues(Script script, Template template, List<Template.Slot> missing) {
        Messages messages = messages();
        List<Diagnostic> diagnostics = missing.stream()
                .map(slot -> new Diagnostic(file, slot.line(), slot.column(), Severity.ERROR, "script.missing-value",
                        template.path(), messages.format("script.missing-value", script.id(), slot.name())))
                .toList();
        String names = missing.stream().map(Template.Slot::name).collect(Collectors.joining(", "));
        return new ScriptRenderException(script.id(),
                messages.format("script.render-missing", script.id(), missing.size(), names), diagnostics);
    }

    private ScriptRenderException tooLong(Script script, Template template, int length, int maxLength) {
        Messages messages = messages();
        String message = messages.format("script.rendered-too-long", script.id(), length, maxLength);
        Diagnostic diagnostic = new Diagnostic(file, template.line(), template.column(), Severity.ERROR,
                "script.rendered-too-long", template.path(), message);
        return new ScriptRenderException(script.id(), messages.format("script.render-failed", script.id()),
                List.of(diagnostic));
    }

    @Override
    public String toString() {
        return "ScriptLibrary[" + file + ", " + scripts.size() + " scripts]";
    }

    /**
     * The consistent character who speaks a script, such as Perfect Diary's "小丸子". Templates refer to
     * the persona's display name as {@code {persona}}. Immutable and thread-safe.
     *
     * @param id          the id scripts use to name the persona, e.g. {@code xiaowanzi}
     * @param name        the display name inserted for {@code {persona}}, e.g. {@code 小丸子}
     * @param description a note for staff on who the persona is; empty when not given
     */
    public record Persona(String id, String name, String description) {
        /**
         * Makes a persona; a library's own are read from {@code scripts.json}.
         *
         * @param id          the persona's id
         * @param name        the display name
         * @param description a note for staff (may be empty)
         * @throws NullPointerException when an argument is null
         */
        public Persona {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(description, "description");
        }
    }

    /**
     * A variable that the templates of a script library may use, declared under {@code variables}.
     * Immutable and thread-safe.
     *
     * @param name         the name written between braces in a template, e.g. {@code nickname}
     * @param defaultValue the value used when neither the caller nor the script gives one; empty when the
     *                     variable must be supplied at render time (typically from the customer's attributes)
     * @param description  a note for staff on where the value comes from; empty when not given
     */
    public record Variable(String name, Optional<String> defaultValue, String description) {
        /**
         * Makes a variable; a library's own are read from {@code scripts.json}.
         *
         * @param name         the variable's name
         * @param defaultValue the default value, or empty
         * @param description  a note for staff (may be empty)
         * @throws NullPointerException when an argument is null
         */
        public Variable {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(defaultValue, "defaultValue");
            Objects.requireNonNull(description, "description");
        }
    }
}

package io.siyu.rules.script;

import io.siyu.rules.script.ScriptLibrary.Variable;
import io.siyu.rules.script.ScriptLibrary.Persona;
import io.siyu.rules.script.Script.Channel;
import io.siyu.rules.script.Script.Variant;
import io.siyu.rules.diagnostic.Diagnostic;
import io.siyu.rules.diagnostic.Diagnostic.Severity;
import io.siyu.rules.internal.json.JsonReader;
import io.siyu.rules.internal.json.JsonReader.ObjectView;
import io.siyu.rules.internal.json.JsonValue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads and checks one {@code scripts.json}, collecting every problem before giving up. Used once, by
 * one thread, by {@link ScriptLibrary#parse}.
 */
final class ScriptLibraryReader {
    static final String BUNDLE = "io.siyu.rules.script.messages";
    /** Generous limits that still catch a typo such as an extra zero run. */
    static final int MAX_LENGTH_LIMIT = 100_000;
    static final int MAX_WEIGHT = 1_000_000;

    private static final List<String> TOP_FIELDS = List.of("id", "version", "personas", "variables", "maxLength",
            "scripts");
    private static final List<String> PERSONA_FIELDS = List.of("name", "description");
    private static final List<String> PERSONA_LIST_FIELDS = List.of("id", "name", "description");
    private static final List<String> VARIABLE_FIELDS = List.of("default", "description");
    private static final List<String> SCRIPT_FIELDS = List.of("id", "description", "persona", "channel", "tags",
            "text", "variants", "defaults", "maxLength", "truncate");
    private static final List<String> VARIANT_FIELDS = List.of("id", "text", "weight");

    private final String file;
    private final Locale locale;
    private final JsonReader reader;
    private final SourceText source;
    /** Problems positioned inside a text, which {@link JsonReader#error} cannot place. */
    private final List<Diagnostic> ownDiagnostics = new ArrayList<>();

    private final Map<String, Persona> personas = new LinkedHashMap<>();
    private final Map<String, Variable> variables = new LinkedHashMap<>();
    private final Map<String, String> variableDefaults = new HashMap<>();
    private final Map<String, Script> scripts = new LinkedHashMap<>();
    private final Map<String, Integer> scriptIdLines = new HashMap<>();

    private ScriptLibraryReader(String file, String json, Locale locale) {
        this.file = file;
        this.locale = locale;
        this.reader = new JsonReader(file, BUNDLE, locale);
        this.source = new SourceText(json);
    }

    static ScriptLibrary read(String file, String json, Locale locale) {
        return new ScriptLibraryReader(file, json, locale).read(json);
    }

    private ScriptLibrary read(String json) {
        Optional<ObjectView> top = reader.parse(json).flatMap(root -> reader.object(root, TOP_FIELDS));
        Optional<String> id = Optional.empty();
        Optional<String> version = Optional.empty();
        if (top.isPresent()) {
            ObjectView view = top.get();
            id = view.optionalText("id");
            version = view.optionalTextOrNumber("version");
            view.required("personas").ifPresent(this::readPersonas);
            view.get("variables").flatMap(v -> reader.object(v, v.fields().keySet()))
                    .ifPresent(this::readVariables);
            int maxLength = view.integer("maxLength", 0, 1, MAX_LENGTH_LIMIT);
            List<JsonValue> items = view.requiredArray("scripts").orElse(List.of());
            for (JsonValue item : items) {
                reader.object(item, SCRIPT_FIELDS).ifPresent(script -> readScript(script, maxLength));
            }
        }
        List<Diagnostic> all = new ArrayList<>(reader.diagnostics());
        all.addAll(ownDiagnostics);
        if (all.stream().anyMatch(Diagnostic::isError)) {
            all.sort(Diagnostic.READING_ORDER);
            throw new ScriptException(reader.messages().format("script.load-failed", file, all.size()), all);
        }
        return new ScriptLibrary(file, locale, id, version, personas, variables, scripts);
    }

    // ---------------------------------------------------------------- personas and variables

    /** Personas are a map (id → name or {name, description}) or a list of {id, name, description}. */
    private void readPersonas(JsonValue value) {
        switch (value.kind()) {
            case OBJECT -> value.fields().forEach((personaId, entry) -> {
                if (entry.kind() == JsonValue.Kind.STRING) {
                    reader.text(entry).ifPresent(name -> personas.put(personaId, new Persona(personaId, name, "")));
                } else {
                    reader.object(entry, PERSONA_FIELDS).ifPresent(persona -> addPersona(personaId, persona));
                }
            });
            case ARRAY -> value.items().forEach(item -> reader.object(item, PERSONA_LIST_FIELDS).ifPresent(persona ->
                    persona.requiredText("id").ifPresent(personaId -> {
                        if (personas.containsKey(personaId)) {
                            reader.error(persona.get("id").orElseThrow(), "script.duplicate-persona", personaId);
                        } else {
                            addPersona(personaId, persona);
                        }
                    })));
            default -> reader.error(value, "script.personas-type");
        }
    }

    private void addPersona(String personaId, ObjectView persona) {
        Optional<String> name = persona.requiredText("name");
        String description = persona.optionalText("description").orElse("");
        name.ifPresent(n -> personas.put(personaId, new Persona(personaId, n, description)));
    }

    private void readVariables(ObjectView view) {
        view.value().fields().forEach((name, entry) -> {
            if (!checkVariableName(entry, name)) {
                return;
            }
            Optional<ObjectView> variable = entry.isNull() ? Optional.empty() : reader.object(entry, VARIABLE_FIELDS);
            Optional<String> defaultValue = variable.flatMap(v -> v.optionalText("default"));
            String description = variable.flatMap(v -> v.optionalText("description")).orElse("");
            variables.put(name, new Variable(name, defaultValue, description));
            defaultValue.ifPresent(d -> variableDefaults.put(name, d));
        });
    }

    /**
     * Reports a name that a template could not use, or the reserved {@code persona}, at the field's key
     * (the name is the key); true when fine.
     */
    private boolean checkVariableName(JsonValue field, String name) {
        if (ScriptLibrary.PERSONA_VARIABLE.equals(name)) {
            reader.keyError(field, "script.reserved-variable", name);
            return false;
        }
        if (!Template.isValidName(name)) {
            reader.keyError(field, "script.bad-declared-name", name);
            return false;
        }
        return true;
    }

    // ---------------------------------------------------------------- scripts

    private void readScript(ObjectView view, int libraryMaxLength) {
        JsonValue at = view.value();
        Optional<String> id = view.requiredText("id");
        String label = id.orElse(at.path());
        boolean unique = id.map(scriptId -> checkUniqueScriptId(view.get("id").orElseThrow(), scriptId)).orElse(false);
        String description = view.optionalText("description").orElse("");
        Optional<Persona> persona = view.required("persona").flatMap(v -> reader.text(v).flatMap(personaId -> {
            Persona found = personas.get(personaId);
            if (found == null && personas.isEmpty()) {
                reader.error(v, "script.no-personas", label, personaId);
            } else if (found == null) {
                reader.error(v, "script.unknown-persona", label, personaId, joined(personas.keySet()));
            }
            return Optional.ofNullable(found);
        }));
        Optional<Channel> channel = view.required("channel").flatMap(v -> reader.text(v).flatMap(name -> {
            Optional<Channel> found = Channel.fromId(name);
            if (found.isEmpty()) {
                reader.error(v, "script.unknown-channel", label, name);
            }
            return found;
        }));
        List<String> tags = view.textList("tags");
        Map<String, String> defaults = readDefaults(view);
        int maxLength = view.integer("maxLength", libraryMaxLength, 1, MAX_LENGTH_LIMIT);
        boolean truncate = view.bool("truncate", false);

        Set<String> known = new TreeSet<>(variables.keySet());
        known.addAll(defaults.keySet());
        known.add(ScriptLibrary.PERSONA_VARIABLE);
        TextRules rules = new TextRules(label, known, maxLength);

        List<Variant> variants = new ArrayList<>();
        List<Template> templates = new ArrayList<>();
        boolean textsOk;
        Optional<JsonValue> text = view.get("text");
        Optional<JsonValue> variantList = view.get("variants");
        if (text.isPresent() && variantList.isPresent()) {
            reader.error(variantList.get(), "script.text-and-variants", label);
            textsOk = false;
        } else if (variantList.isPresent()) {
            textsOk = readVariants(variantList.get(), rules, variants, templates);
        } else if (text.isPresent()) {
            Template template = compileText(text.get(), rules);
            textsOk = template != null;
            if (textsOk) {
                templates.add(template);
            }
        } else {
            String path = at.path() + ".text";
            ownDiagnostics.add(new Diagnostic(file, at.line(), at.column(), Severity.ERROR, "script.no-text", path,
                    reader.messages().format("script.no-text", label)));
            textsOk = false;
        }
        if (unique && persona.isPresent() && channel.isPresent() && textsOk) {
            scripts.put(id.get(), new Script(id.get(), description, persona.get(), channel.get(), tags, defaults,
                    variableDefaults, maxLength, truncate, variants, templates));
        }
    }

    private boolean checkUniqueScriptId(JsonValue at, String scriptId) {
        Integer firstLine = scriptIdLines.putIfAbsent(scriptId, at.line());
        if (firstLine != null) {
            reader.error(at, "script.duplicate-id", scriptId, firstLine);
            return false;
        }
        return true;
    }

    private Map<String, String> readDefaults(ObjectView script) {
        Map<String, String> defaults = new LinkedHashMap<>();
        script.get("defaults").flatMap(v -> reader.object(v, v.fields().keySet())).ifPresent(view ->
                view.value().fields().forEach((name, value) -> {
                    if (checkVariableName(value, name)) {
                        reader.text(value).ifPresent(d -> defaults.put(name, d));
                    }
                }));
        return defaults;
    }

    /** What every text of one script is checked against. */
    private record TextRules(String scriptLabel, Set<String> knownVariables, int maxLength) {
    }

    /** Reads the variants into {@code variants} and {@code templates}; true when all of them are fine. */
    private boolean readVariants(JsonValue value, TextRules rules, List<Variant> variants, List<Template> templates) {
        Optional<List<JsonValue>> items = reader.array(value);
        if (items.isEmpty()) {
            return false;
        }
        if (items.get().isEmpty()) {
            reader.error(value, "script.no-variants", rules.scriptLabel());
            return false;
        }
        boolean ok = true;
        Map<String, Integer> idLines = new HashMap<>();
        for (JsonValue item : items.get()) {
            Optional<ObjectView> view = reader.object(item, VARIANT_FIELDS);
            if (view.isEmpty()) {
                ok = false;
                continue;
            }
            Optional<String> id = view.get().requiredText("id");
            if (id.isPresent()) {
                Integer firstLine = idLines.putIfAbsent(id.get(), item.line());
                if (firstLine != null) {
                    reader.error(view.get().get("id").orElseThrow(), "script.duplicate-variant-id",
                            rules.scriptLabel(), id.get(), firstLine);
                    ok = false;
                }
            }
            String variantLabel = id.orElse(item.path());
            Optional<Integer> weight = view.get().required("weight")
                    .flatMap(w -> weight(w, rules.scriptLabel(), variantLabel));
            Template template = view.get().required("text").map(t -> compileText(t, rules)).orElse(null);
            if (id.isPresent() && weight.isPresent() && template != null) {
                variants.add(new Variant(id.get(), template.source(), weight.get()));
                templates.add(template);
            } else {
                ok = false;
            }
        }
        return ok;
    }

    private Optional<Integer> weight(JsonValue value, String scriptLabel, String variantLabel) {
        if (value.kind() == JsonValue.Kind.NUMBER) {
            BigDecimal n = value.number();
            if (n.signum() > 0 && n.stripTrailingZeros().scale() <= 0
                    && n.compareTo(BigDecimal.valueOf(MAX_WEIGHT)) <= 0) {
                return Optional.of(n.intValueExact());
            }
        }
        // Shown as written, so that a quoted "50" is visibly a text rather than a number.
        String shown = switch (value.kind()) {
            case NUMBER -> JsonReader.excerptNumber(value);
            case STRING -> "\"" + JsonReader.excerpt(value.text()) + "\"";
            default -> value.kind().name().toLowerCase(Locale.ROOT);
        };
        reader.error(value, "script.bad-weight", scriptLabel, variantLabel, shown, MAX_WEIGHT);
        return Optional.empty();
    }

    /** Compiles one text and checks its variables and length; {@code null} when it has a problem. */
    private Template compileText(JsonValue value, TextRules rules) {
        if (value.kind() == JsonValue.Kind.STRING && value.text().isBlank()) {
            reader.error(value, "script.empty-text", rules.scriptLabel());
            return null;
        }
        Optional<String> text = reader.text(value);
        if (text.isEmpty()) {
            return null;
        }
        int before = ownDiagnostics.size();
        Template template = Template.compile(text.get(), value.path(), value.line(), value.column(),
                offset -> source.columnOf(value, offset),
                (column, key, args) -> addAt(value, column, key, prepend(rules.scriptLabel(), args)));
        if (template == null) {
            return null;
        }
        for (Template.Slot slot : template.slots()) {
            if (!rules.knownVariables().contains(slot.name())) {
                addAt(value, slot.column(), "script.unknown-variable", rules.scriptLabel(), slot.name(),
                        joined(rules.knownVariables()));
            }
        }
        if (rules.maxLength() > 0 && template.literalCodePoints() > rules.maxLength()) {
            reader.error(value, "script.too-long", rules.scriptLabel(), template.literalCodePoints(),
                    rules.maxLength());
            return null;
        }
        return ownDiagnostics.size() == before ? template : null;
    }

    private void addAt(JsonValue text, int column, String key, Object... args) {
        ownDiagnostics.add(new Diagnostic(file, text.line(), column, Severity.ERROR, key, text.path(),
                reader.messages().format(key, args)));
    }

    private static Object[] prepend(Object first, Object[] rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    private static String joined(Set<String> names) {
        return String.join(", ", new TreeSet<>(names));
    }
}

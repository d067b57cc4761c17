package io.siyu.rules.pack;

import io.siyu.rules.codebook.Codebook;
import io.siyu.rules.codebook.Question;
import io.siyu.rules.diagnostic.Diagnostic;
import io.siyu.rules.internal.compile.FactVocabulary;
import io.siyu.rules.internal.compile.RuleReferences;
import io.siyu.rules.internal.json.JsonReader;
import io.siyu.rules.internal.json.JsonValue;
import io.siyu.rules.script.Script;
import io.siyu.rules.script.ScriptLibrary;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Cross-checks between the files of a pack that are not rules: every tag of {@code scripts.json} against the
 * codebook, each at the line and column where it is written. (Rules are checked by {@code RuleReferences},
 * test tables by {@code CaseRunner.check}.) Stateless.
 */
final class PackReferences {
    private PackReferences() {
    }

    /**
     * Every tag of a script ({@code "tags": ["3", "Z"]}) that is not a code of the codebook.
     *
     * @param scriptsJson the text of {@code scripts.json}, which has already been read without errors
     * @param codes       every code of the codebook
     */
    static List<Diagnostic> scriptTags(String scriptsJson, Set<String> codes, Locale locale) {
        JsonReader reader = new JsonReader(RulePack.SCRIPTS_FILE, PackManifest.MESSAGES, locale);
        List<Diagnostic> out = new java.util.ArrayList<>();
        reader.parse(scriptsJson).map(root -> root.fields().get("scripts")).filter(s -> s.kind() == JsonValue.Kind.ARRAY)
                .ifPresent(scripts -> {
                    for (JsonValue script : scripts.items()) {
                        JsonValue tags = script.fields().get("tags");
                        if (tags == null || tags.kind() != JsonValue.Kind.ARRAY) {
                            continue;
                        }
                        JsonValue id = script.fields().get("id");
                        String name = id != null && id.kind() == JsonValue.Kind.STRING ? id.text() : script.path();
                        for (JsonValue tag : tags.items()) {
                            if (tag.kind() == JsonValue.Kind.STRING && !codes.contains(tag.text())) {
                                reader.error(tag, "pack.unknown-tag", tag.text(), name,
                                        String.join(", ", new TreeSet<>(codes)));
                            }
                        }
                    }
                });
        out.addAll(reader.diagnostics());
        return out;
    }

    /**
     * Every script variable without a default (in {@code variables} or the script's {@code defaults}) that a rule
     * proposing the script does not make sure of with {@code hasAttribute("name")}: a customer without that
     * attribute would get a failed decision (the script cannot be rendered), found only when such a customer
     * comes. A warning at the script's text (the first of its variants' texts that uses the variable), naming
     * the rules, or saying that no rule names the script (it may be proposed by a computed id).
     *
     * @param scriptsJson the text of {@code scripts.json}, which has already been read without errors
     * @param scripts     the scripts read from it
     * @param proposers   the rules proposing each script, from {@code RuleReferences.proposers}
     */
    static List<Diagnostic> requiredAttributes(String scriptsJson, ScriptLibrary scripts,
                                               Map<String, List<RuleReferences.Proposer>> proposers, Locale locale) {
        JsonReader reader = new JsonReader(RulePack.SCRIPTS_FILE, PackManifest.MESSAGES, locale);
        List<Diagnostic> out = new java.util.ArrayList<>();
        List<String> lines = scriptsJson.lines().toList();
        reader.parse(scriptsJson).map(root -> root.fields().get("scripts")).filter(s -> s.kind() == JsonValue.Kind.ARRAY)
                .ifPresent(list -> {
                    for (JsonValue item : list.items()) {
                        JsonValue idValue = item.fields().get("id");
                        if (idValue == null || idValue.kind() != JsonValue.Kind.STRING) {
                            continue;
                        }
                        Optional<Script> script = scripts.script(idValue.text());
                        if (script.isEmpty()) {
                            continue;
                        }
                        List<RuleReferences.Proposer> rules = proposers.getOrDefault(idValue.text(), List.of());
                        for (String variable : script.get().requiredVariables()) {
                            List<String> unsafe = rules.stream()
                                    .filter(r -> !r.checkedAttributes().contains(variable))
                                    .map(r -> reader.messages().format("pack.script-needs-attribute.rule", r.rule(),
                                            r.file(), String.valueOf(r.line())))
                                    .distinct().toList();
                            if (!rules.isEmpty() && unsafe.isEmpty()) {
                                continue;
                            }
                            JsonValue at = textUsing(item, variable);
                            String key = rules.isEmpty() ? "pack.script-needs-attribute-unproposed"
                                    : "pack.script-needs-attribute";
                            String message = reader.messages().format(key, idValue.text(), variable,
                                    String.join(", ", unsafe));
                            out.add(new Diagnostic(reader.file(), at.line(),
                                    variableColumn(lines, at, variable), Diagnostic.Severity.WARNING, key, at.path(),
                                    message));
                        }
                    }
                });
        out.addAll(0, reader.diagnostics());
        return out;
    }

    /**
     * The column of {@code {variable}} in the text {@code at}, as the script loader places a variable: found on the
     * text's line after its opening quote, with no escape before it (which would shift the columns); the text's own
     * column otherwise.
     */
    private static int variableColumn(List<String> lines, JsonValue at, String variable) {
        if (at.kind() != JsonValue.Kind.STRING || at.line() < 1 || at.line() > lines.size() || at.column() < 1) {
            return at.column();
        }
        String line = lines.get(at.line() - 1);
        int from = Math.min(at.column(), line.length());
        int found = line.indexOf("{" + variable + "}", from);
        if (found < 0) {
            return at.column();
        }
        String before = line.substring(from, found);
        if (before.indexOf('\\') >= 0 || before.indexOf('"') >= 0) {
            return at.column();
        }
        return found + 1;
    }

    /** The script's text that uses {@code {variable}}: its {@code text}, or the first variant's that does. */
    private static JsonValue textUsing(JsonValue script, String variable) {
        JsonValue text = script.fields().get("text");
        if (text != null && text.kind() == JsonValue.Kind.STRING) {
            return text;
        }
        JsonValue variants = script.fields().get("variants");
        if (variants != null && variants.kind() == JsonValue.Kind.ARRAY) {
            JsonValue first = null;
            for (JsonValue v : variants.items()) {
                JsonValue t = v.fields().get("text");
                if (t != null && t.kind() == JsonValue.Kind.STRING) {
                    if (first == null) {
                        first = t;
                    }
                    if (t.text().contains("{" + variable + "}")) {
                        return t;
                    }
                }
            }
            if (first != null) {
                return first;
            }
        }
        return script;
    }

    /**
     * Every {@code cohortBy} question of {@code funnel.json} that is not a question of the codebook: without
     * this check the funnel would put every customer in the one cohort "untagged".
     *
     * @param funnelJson the text of {@code funnel.json}, which has already been read without errors
     * @param questions  the question ids of the codebook, in codebook order
     */
    static List<Diagnostic> cohortQuestions(String funnelJson, List<String> questions, Locale locale) {
        JsonReader reader = new JsonReader(RulePack.FUNNEL_FILE, PackManifest.MESSAGES, locale);
        reader.parse(funnelJson).map(root -> root.fields().get("cohortBy"))
                .filter(c -> c.kind() == JsonValue.Kind.ARRAY)
                .ifPresent(cohortBy -> {
                    for (JsonValue item : cohortBy.items()) {
                        if (item.kind() == JsonValue.Kind.STRING && !questions.contains(item.text())) {
                            String hint = FactVocabulary.closest(item.text(), questions)
                                    .map(q -> reader.messages().format("pack.did-you-mean", q)).orElse("");
                            reader.error(item, "pack.unknown-cohort-question", item.text(),
                                    String.join(", ", questions), hint);
                        }
                    }
                });
        return reader.diagnostics();
    }

    /**
     * A warning when {@code funnel.json} counts funnel days in another timezone than {@code pack.json} decides in:
     * then a funnel day and a decision's day (quiet hours, dated rules) begin at different moments, which nobody
     * means. At the {@code timezone} field of {@code funnel.json}, or its first character when it has none (it is
     * then {@code Asia/Shanghai}, the funnel's default, whatever the pack's).
     *
     * @param funnelJson the text of {@code funnel.json}, which has already been read without errors
     * @param funnelZone the funnel's timezone as read
     * @param packZone   the pack's timezone as read from {@code pack.json}
     */
    static List<Diagnostic> timezones(String funnelJson, ZoneId funnelZone, ZoneId packZone, Locale locale) {
        if (funnelZone.equals(packZone)) {
            return List.of();
        }
        JsonReader reader = new JsonReader(RulePack.FUNNEL_FILE, PackManifest.MESSAGES, locale);
        reader.parse(funnelJson).ifPresent(root -> reader.warning(root.fields().getOrDefault("timezone", root),
                root.fields().containsKey("timezone") ? "pack.funnel-timezone" : "pack.funnel-timezone-default",
                funnelZone.getId(), packZone.getId()));
        return reader.diagnostics();
    }

    /** Every question of the codebook with its options, in codebook order: what {@code answered(...)} may name. */
    static Map<String, List<String>> questions(Codebook codebook) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Question q : codebook.questions()) {
            out.put(q.id(), q.options().stream().map(Question.Option::id).toList());
        }
        return out;
    }
}

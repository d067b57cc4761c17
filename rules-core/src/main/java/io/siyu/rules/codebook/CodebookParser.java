package io.siyu.rules.codebook;

import io.siyu.rules.codebook.Question.Option;
import io.siyu.rules.diagnostic.Diagnostic;
import io.siyu.rules.internal.json.JsonReader;
import io.siyu.rules.internal.json.JsonValue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads and validates {@code codebook.json}. Collects every problem before giving up, so that the
 * person editing the file sees all of them at once.
 */
final class CodebookParser {
    static final String BUNDLE = "io.siyu.rules.codebook.messages";
    /** The WeCom external-contact API caps a remark at 20 characters. */
    static final int DEFAULT_REMARK_MAX_LENGTH = 20;
    /** A generous upper bound: WeCom's description field, the longest text a contact carries, holds 150. */
    private static final int REMARK_MAX_LENGTH_LIMIT = 150;

    private static final List<String> ROOT_FIELDS = List.of("id", "version", "remark", "questions");
    private static final List<String> REMARK_FIELDS = List.of("maxLength");
    private static final List<String> QUESTION_FIELDS = List.of("id", "text", "type", "required", "options",
            "retiredCodes");
    private static final List<String> OPTION_FIELDS = List.of("id", "code", "label");

    /** Where a code was written, to name both places of a clash; {@code optionId} is null for a retired code. */
    private record CodeSite(String code, String questionId, String optionId, JsonValue at) {
        boolean retired() {
            return optionId == null;
        }
    }

    private final JsonReader reader;
    private final String fileName;
    private final Locale locale;
    private final List<CodeSite> codeSites = new ArrayList<>();

    private CodebookParser(String fileName, Locale locale) {
        this.reader = new JsonReader(fileName, BUNDLE, locale);
        this.fileName = fileName;
        this.locale = locale;
    }

    static Codebook parse(String fileName, String json, Locale locale) {
        return new CodebookParser(fileName, locale).parse(json);
    }

    private Codebook parse(String json) {
        Optional<JsonValue> root = reader.parse(json);
        Optional<JsonReader.ObjectView> object = root.flatMap(r -> reader.object(r, ROOT_FIELDS));
        if (object.isEmpty()) {
            throw failure();
        }
        JsonReader.ObjectView view = object.get();
        Optional<String> id = view.requiredText("id");
        Optional<String> version = view.requiredTextOrNumber("version");
        int remarkMaxLength = DEFAULT_REMARK_MAX_LENGTH;
        Optional<JsonValue> maxLengthAt = Optional.empty();
        Optional<JsonReader.ObjectView> remark = view.get("remark").flatMap(r -> reader.object(r, REMARK_FIELDS));
        if (remark.isPresent()) {
            remarkMaxLength = remark.get().integer("maxLength", DEFAULT_REMARK_MAX_LENGTH, 1, REMARK_MAX_LENGTH_LIMIT);
            maxLengthAt = remark.get().get("maxLength");
        }
        List<Question> questions = new ArrayList<>();
        Optional<List<JsonValue>> questionValues = view.requiredArray("questions");
        questionValues.ifPresent(items -> {
            if (items.isEmpty()) {
                reader.error(view.get("questions").orElseThrow(), "codebook.no-questions");
            }
            Map<String, JsonValue> seenIds = new HashMap<>();
            for (JsonValue item : items) {
                question(item, seenIds).ifPresent(questions::add);
            }
        });
        checkCodesApart();
        if (!reader.hasErrors()) {
            int longest = Codebook.maxCodesLength(questions);
            if (longest > remarkMaxLength) {
                JsonValue at = maxLengthAt.orElse(view.get("questions").orElseThrow());
                reader.error(at, "codebook.codes-too-long", longest, remarkMaxLength);
            }
        }
        if (reader.hasErrors()) {
            throw failure();
        }
        return new Codebook(fileName, locale, id.orElseThrow(), version.orElseThrow(), questions, remarkMaxLength);
    }

    private Optional<Question> question(JsonValue item, Map<String, JsonValue> seenIds) {
        Optional<JsonReader.ObjectView> object = reader.object(item, QUESTION_FIELDS);
        if (object.isEmpty()) {
            return Optional.empty();
        }
        JsonReader.ObjectView q = object.get();
        Optional<String> id = q.requiredText("id");
        id.ifPresent(questionId -> firstOrDuplicate(seenIds, questionId, q.get("id").orElseThrow(),
                "codebook.duplicate-question"));
        Optional<String> text = q.requiredText("text");
        Optional<QuestionType> type = q.requiredText("type").flatMap(t -> type(t, q.get("type").orElseThrow()));
        boolean required = q.bool("required", true);
        List<Option> options = new ArrayList<>();
        Optional<List<JsonValue>> optionValues = q.requiredArray("options");
        optionValues.ifPresent(items -> {
            if (items.isEmpty()) {
                reader.error(q.get("options").orElseThrow(), "codebook.no-options", id.orElse("?"));
            }
            Map<String, JsonValue> seenOptionIds = new HashMap<>();
            for (JsonValue optionValue : items) {
                option(optionValue, id.orElse("?"), seenOptionIds).ifPresent(options::add);
            }
        });
        List<String> retiredCodes = new ArrayList<>();
        for (JsonValue retired : q.optionalArray("retiredCodes")) {
            reader.text(retired).filter(c -> codeCharacters(c, retired)).ifPresent(code -> {
                retiredCodes.add(code);
                codeSites.add(new CodeSite(code, id.orElse("?"), null, retired));
            });
        }
        if (id.isEmpty() || text.isEmpty() || type.isEmpty() || optionValues.isEmpty()
                || options.size() != optionValues.get().size() || options.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Question(id.get(), text.get(), type.get(), required, options, retiredCodes));
    }

    private Optional<QuestionType> type(String written, JsonValue at) {
        return switch (written) {
            case "single" -> Optional.of(QuestionType.SINGLE);
            case "multi" -> Optional.of(QuestionType.MULTI);
            default -> {
                reader.error(at, "codebook.bad-type", written);
                yield Optional.empty();
            }
        };
    }

    private Optional<Option> option(JsonValue item, String questionId, Map<String, JsonValue> seenIds) {
        Optional<JsonReader.ObjectView> object = reader.object(item, OPTION_FIELDS);
        if (object.isEmpty()) {
            return Optional.empty();
        }
        JsonReader.ObjectView o = object.get();
        Optional<String> id = o.requiredText("id");
        id.ifPresent(optionId -> firstOrDuplicate(seenIds, optionId, o.get("id").orElseThrow(),
                "codebook.duplicate-option", questionId));
        Optional<String> code = o.requiredText("code").filter(c -> codeCharacters(c, o.get("code").orElseThrow()));
        Optional<String> label = o.requiredText("label");
        if (id.isEmpty() || code.isEmpty() || label.isEmpty()) {
            return Optional.empty();
        }
        codeSites.add(new CodeSite(code.get(), questionId, id.get(), o.get("code").orElseThrow()));
        return Optional.of(new Option(id.get(), code.get(), label.get()));
    }

    /** Remembers the first place of an id; reports a later one as a duplicate naming the first line. */
    private void firstOrDuplicate(Map<String, JsonValue> seen, String id, JsonValue at, String key, Object... context) {
        JsonValue first = seen.putIfAbsent(id, at);
        if (first != null) {
            Object[] args = new Object[context.length + 2];
            args[0] = id;
            System.arraycopy(context, 0, args, 1, context.length);
            args[args.length - 1] = first.line();
            reader.error(at, key, args);
        }
    }

    /**
     * Codes are letters and digits only, so that a code can never contain the spaces and separators
     * that split a remark into words, nor punctuation that staff would misread. And each character is its
     * own NFKC form: remarks are read with full-width and other compatibility forms replaced, so a code
     * written with one ({@code Ｄ}) could never be read back.
     */
    private boolean codeCharacters(String code, JsonValue at) {
        int position = 1;
        for (int i = 0; i < code.length(); position++) {
            int cp = code.codePointAt(i);
            if (!Character.isLetterOrDigit(cp)) {
                reader.error(at, "codebook.bad-code-character", code, Codebook.showCharacter(cp), position);
                return false;
            }
            int read = RemarkText.reading(cp, false);
            if (read != cp) {
                reader.error(at, "codebook.code-compatibility-character", code, Codebook.showCharacter(cp), position,
                        Codebook.showCharacter(read));
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }

    /** Every code must differ from, and not begin, every other: "23D" must read back one way only. */
    private void checkCodesApart() {
        for (int later = 1; later < codeSites.size(); later++) {
            CodeSite b = codeSites.get(later);
            for (int earlier = 0; earlier < later; earlier++) {
                CodeSite a = codeSites.get(earlier);
                if (a.retired() || b.retired()) {
                    if (a.code().startsWith(b.code()) || b.code().startsWith(a.code())) {
                        reader.error(b.at(), "codebook.retired-code-clash", b.code(), a.code(), a.questionId(),
                                a.at().line(), a.at().path());
                        break;
                    }
                    continue;
                }
                if (a.code().equals(b.code())) {
                    reader.error(b.at(), "codebook.duplicate-code", b.code(), a.optionId(), a.questionId(),
                            a.at().line(), a.at().path());
                    break;
                }
                if (a.code().startsWith(b.code()) || b.code().startsWith(a.code())) {
                    String shorter = a.code().length() < b.code().length() ? a.code() : b.code();
                    String longer = shorter.equals(a.code()) ? b.code() : a.code();
                    reader.error(b.at(), "codebook.code-prefix", b.code(), a.code(), a.optionId(), a.questionId(),
                            a.at().line(), a.at().path(), shorter, longer);
                }
            }
        }
    }

    private CodebookException failure() {
        List<Diagnostic> diagnostics = reader.diagnostics().stream().sorted(Diagnostic.READING_ORDER).toList();
        return new CodebookException(reader.messages().format("codebook.summary.file", fileName, diagnostics.size()),
                diagnostics);
    }
}

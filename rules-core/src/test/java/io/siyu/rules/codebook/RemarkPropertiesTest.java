package io.siyu.rules.codebook;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import io.siyu.rules.diagnostic.Diagnostic;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Remarks with arbitrary names (emoji, ZWJ sequences, flags, combining marks) and codes as staff type them. */
class RemarkPropertiesTest {
    private static final Codebook SKINCARE = TestCodebooks.skincare(Locale.ENGLISH);

    /** Pieces of names: single user-perceived characters of every awkward kind, and separators. */
    private static final List<String> NAME_PIECES = List.of(
            "王", "李", "女士", "妈妈", "老客户", "小", "😀", "👍🏽", "👨\u200D👩\u200D👧", "👩\u200D💻", "🏳\uFE0F\u200D🌈",
            "🇨🇳", "🇯🇵", "e\u0301", "a\u0308\u0323", "한", "\u1100\u1161", "𠀀", "x", "Zoë", "ｗ", " ", "-", "，", "　",
            "／", "\u200D", "\u0301");

    @Property(tries = 1500)
    void readRemarkReadsBackWhatWriteRemarkWroteAndTheNameIsWholeClusters(
            @ForAll("tags") TagSet tags, @ForAll("names") String name) {
        String remark;
        try {
            remark = SKINCARE.writeRemark(name, tags);
        } catch (CodebookException e) {
            // Only a name with a word that reads as codes may be refused (ｗ and x are no codes here, so rarely).
            assertThat(e.diagnostics()).extracting(Diagnostic::key)
                    .containsExactly("codebook.remark-name-reads-as-codes");
            Statistics.collect("refused");
            return;
        }
        Statistics.collect("written");
        Statistics.coverage(coverage -> coverage.check("written").percentage(p -> p > 80));
        assertThat(remark.length()).isLessThanOrEqualTo(SKINCARE.remarkMaxLength());
        assertThat(remark).endsWith(tags.codes());
        if (!tags.isEmpty()) {
            assertThat(SKINCARE.readRemark(remark)).isEqualTo(tags);
            String written = remark.substring(0, Math.max(0, remark.length() - tags.codes().length() - 1));
            assertThat(Collections.indexOfSubList(clusters(name), clusters(written)))
                    .as("the name in %s is whole grapheme clusters of %s", remark, name)
                    .isGreaterThanOrEqualTo(0);
        }
    }

    @Property(tries = 1000)
    void fullWidthAndLowerCaseVariantsOfValidCodesReadAsTheSameTags(@ForAll("tags") TagSet tags,
                                                                    @ForAll long seed) {
        String variant = variant(tags.codes(), new Random(seed));

        assertThat(SKINCARE.readRemark("王女士 " + variant)).isEqualTo(tags);
        assertThat(SKINCARE.readRemark(variant + "－老客户")).isEqualTo(tags);
    }

    /** Each character as typed, full-width, lower case, or full-width lower case. */
    private static String variant(String codes, Random random) {
        StringBuilder out = new StringBuilder();
        codes.codePoints().forEach(cp -> {
            int c = random.nextBoolean() ? Character.toLowerCase(cp) : cp;
            out.appendCodePoint(random.nextBoolean() && c >= '!' && c <= '~' ? c - '!' + '！' : c);
        });
        return out.toString();
    }

    private static List<String> clusters(String text) {
        BreakIterator breaks = BreakIterator.getCharacterInstance(ULocale.ROOT);
        breaks.setText(text);
        List<String> clusters = new ArrayList<>();
        int start = breaks.first();
        for (int end = breaks.next(); end != BreakIterator.DONE; start = end, end = breaks.next()) {
            clusters.add(text.substring(start, end));
        }
        return clusters;
    }

    @Provide
    Arbitrary<TagSet> tags() {
        // Valid answers: one option of each required single question, some of each multi question.
        List<Arbitrary<Map.Entry<String, Object>>> answers = new ArrayList<>();
        for (Question question : SKINCARE.questions()) {
            List<String> ids = question.options().stream().map(Question.Option::id).toList();
            Arbitrary<Object> answer = question.type() == QuestionType.SINGLE
                    ? Arbitraries.of(ids).map(o -> o)
                    : Arbitraries.of(ids).set().ofMinSize(1).map(s -> List.copyOf(s));
            Arbitrary<Object> maybe = question.required() ? answer : answer.injectNull(0.3);
            answers.add(maybe.map(a -> new java.util.AbstractMap.SimpleEntry<>(question.id(), a)));
        }
        return net.jqwik.api.Combinators.combine(answers).as(entries -> {
            Map<String, Object> map = new java.util.HashMap<>();
            entries.forEach(e -> map.put(e.getKey(), e.getValue()));
            return SKINCARE.encode(map);
        });
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.of(NAME_PIECES).list().ofMaxSize(14).map(pieces -> String.join("", pieces));
    }
}

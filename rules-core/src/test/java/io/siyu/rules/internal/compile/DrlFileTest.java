package io.siyu.rules.internal.compile;

import io.siyu.rules.internal.i18n.Messages;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class DrlFileTest {
    private static final Messages MESSAGES = Messages.of(DrlCompiler.MESSAGES, Locale.ENGLISH);

    private static DrlFile read(String text) {
        return DrlFile.read(new RuleSource("rules/r.drl", text), MESSAGES);
    }

    @Test
    void tokensCarryLineAndColumnAndSkipComments() {
        DrlFile f = read("// 注释 has(\"Q\")\nrule \"价格\" /* x\n y */ when\n  Customer( asked('多少钱', \"a\\\"b\") )");
        assertThat(f.tokens()).extracting(t -> t.kind() + " " + t.text() + " " + t.line() + ":" + t.column())
                .containsExactly("IDENTIFIER rule 2:1", "STRING 价格 2:6", "IDENTIFIER when 3:7",
                        "IDENTIFIER Customer 4:3", "SYMBOL ( 4:11", "IDENTIFIER asked 4:13", "SYMBOL ( 4:18",
                        "STRING 多少钱 4:19", "SYMBOL , 4:24", "STRING a\\\"b 4:26", "SYMBOL ) 4:32",
                        "SYMBOL ) 4:34");
        assertThat(f.structureProblems()).extracting(d -> d.key()).containsExactly("drl.missing-end");
    }

    @Test
    void rulesAndTheirParts() {
        DrlFile f = read("rule \"a\"\nwhen\n  Customer()\nthen\n  int end2 = 1;\nend\n\nrule b\nwhen\nthen\nend\n");
        assertThat(f.rules()).extracting(DrlFile.Rule::name).containsExactly("a", "b");
        DrlFile.Rule a = f.rules().get(0);
        assertThat(f.tokens().get(a.then()).line()).isEqualTo(4);
        assertThat(f.tokens().get(a.end()).line()).isEqualTo(6);
        assertThat(f.ruleStartingOn(8)).map(DrlFile.Rule::name).contains("b");
    }

    @Test
    void structureProblems() {
        assertThat(read("rule \"a\"\nwhen\nthen\n  x();\n").structureProblems())
                .extracting(d -> d.line() + ":" + d.column() + " " + d.message())
                .containsExactly("1:1 Rule \"a\" has no \"end\". Add a line with the word end at the end of the file.");
        assertThat(read("rule \"a\" when then /* never closed\nend").structureProblems())
                .extracting(d -> d.line() + ":" + d.column() + " " + d.key())
                .containsExactly("1:20 drl.unclosed-comment", "1:1 drl.missing-end");
    }

    @Test
    void argumentsSplitAtTopLevelCommas() {
        DrlFile f = read("f(\"a\", g(1, 2), \"c\")");
        assertThat(f.arguments(1)).extracting(a -> f.tokens().get(a[0]).text() + ".." + f.tokens().get(a[1]).text())
                .containsExactly("a..a", "g..)", "c..c");
        assertThat(List.of(f.skipGroup(1))).containsExactly(f.tokens().size());
    }
}

package io.siyu.rules.bench;

import io.siyu.rules.codebook.Codebook;
import io.siyu.rules.codebook.Question.Option;
import io.siyu.rules.codebook.Question;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

/**
 * Writes a synthetic pack of any size for the load benchmarks: the {@value BenchPacks#DEFAULT_PACK}'s
 * {@code pack.json}, {@code codebook.json} and {@code scripts.json}, and {@code n} generated rules shaped
 * like the hand-written ones — 40% intent evidence, 40% proposals, 20% policy vetoes — that use only codes,
 * options and script ids the pack defines, so they pass the pack's cross-reference checks.
 */
public final class GeneratedPack {
    private static final String[] ACTIONS = {"STOP_GENTLY", "STRENGTHEN_MOTIVE", "OFFER_PRODUCT",
        "INVITE_TO_GROUP", "SEND_WELFARE"};
    private static final String[] SCRIPTS = {"acne.light", "acne.motive", "acne.offer", "group.invite",
        "welfare"};
    private static final String[] LEVELS = {"cold", "warm", "hot"};
    private static final String[] KEYWORDS = {"多少钱", "怎么买", "有用吗", "过敏", "不需要", "太贵", "优惠",
        "链接", "敏感", "油"};

    private GeneratedPack() {
    }

    /**
     * Writes a pack of {@code rules} generated rules into a new temporary directory.
     *
     * @return the pack directory; delete it with {@link BenchPacks#delete}
     */
    public static Path write(int rules) {
        Path dir = BenchPacks.directory(BenchPacks.DEFAULT_PACK);
        try {
            Path rulesDir = dir.resolve("rules");
            try (var old = Files.list(rulesDir)) {
                for (Path p : old.toList()) {
                    Files.delete(p);
                }
            }
            Codebook codebook = Codebook.load(dir.resolve("codebook.json"));
            Random random = new Random(rules);
            int intent = rules * 2 / 5;
            int propose = rules * 2 / 5;
            int policy = rules - intent - propose;
            Files.writeString(rulesDir.resolve("intent.drl"), intentRules(intent, codebook, random),
                    StandardCharsets.UTF_8);
            Files.writeString(rulesDir.resolve("propose.drl"), proposeRules(propose, codebook, random),
                    StandardCharsets.UTF_8);
            Files.writeString(rulesDir.resolve("policy.drl"), policyRules(policy, random), StandardCharsets.UTF_8);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String intentRules(int n, Codebook codebook, Random random) {
        StringBuilder drl = new StringBuilder("// generated intent evidence\n");
        for (int i = 0; i < n; i++) {
            String condition = switch (i % 4) {
                case 0 -> answered(codebook, random) + ", silentHours < " + (12 + random.nextInt(72));
                case 1 -> "asked(\"" + keyword(random) + "\", \"" + keyword(random) + "\")";
                case 2 -> "replied, touchesToday < " + (1 + random.nextInt(3));
                default -> "has(\"" + code(codebook, random) + "\"), clickedLink";
            };
            rule(drl, "生成意向 " + i, "intent", "Customer( " + condition + " )",
                    "intent.add(" + (random.nextInt(61) - 20) + ", \"生成的意向证据 " + i + "\");");
        }
        return drl.toString();
    }

    static String proposeRules(int n, Codebook codebook, Random random) {
        StringBuilder drl = new StringBuilder("// generated proposals\n");
        for (int i = 0; i < n; i++) {
            String intent = i % 3 == 0 ? "Intent( score >= " + (random.nextInt(80) - 10) + " )"
                    : "Intent( " + LEVELS[random.nextInt(LEVELS.length)] + " )";
            String customer = i % 2 == 0
                    ? "Customer( has(\"" + code(codebook, random) + "\"), silentHours < " + (24 + random.nextInt(72)) + " )"
                    : "Customer( hasAny(\"" + code(codebook, random) + "\", \"" + code(codebook, random)
                    + "\"), !purchasedBefore )";
            int a = random.nextInt(ACTIONS.length);
            rule(drl, "生成提议 " + i, "propose", intent + "\n    " + customer,
                    "actions.propose(\"" + ACTIONS[a] + "\", \"" + SCRIPTS[a] + "\", " + (10 + random.nextInt(90))
                            + ", \"生成的提议 " + i + "\");");
        }
        return drl.toString();
    }

    static String policyRules(int n, Random random) {
        StringBuilder drl = new StringBuilder("// generated policy vetoes\n");
        for (int i = 0; i < n; i++) {
            String when = i % 2 == 0
                    ? "$p : Proposal( action == \"" + ACTIONS[random.nextInt(ACTIONS.length)] + "\", priority < "
                    + (20 + random.nextInt(80)) + " )\n    Customer( touchesToday >= " + (1 + random.nextInt(3)) + " )"
                    : "$p : Proposal( scriptId == \"" + SCRIPTS[random.nextInt(SCRIPTS.length)] + "\" )\n    "
                    + "Intent( " + LEVELS[random.nextInt(LEVELS.length)] + " )\n    Customer( silentHours > "
                    + (24 + random.nextInt(72)) + " )";
            rule(drl, "生成否决 " + i, "policy", when, "policy.veto($p, \"生成的否决 " + i + "\");");
        }
        return drl.toString();
    }

    private static void rule(StringBuilder drl, String name, String group, String when, String then) {
        drl.append("\nrule \"").append(name).append("\"\n    ruleflow-group \"").append(group).append("\"\nwhen\n    ")
                .append(when).append("\nthen\n    ").append(then).append("\nend\n");
    }

    private static String answered(Codebook codebook, Random random) {
        Question q = codebook.questions().get(random.nextInt(codebook.questions().size()));
        Option o = q.options().get(random.nextInt(q.options().size()));
        return "answered(\"" + q.id() + "\", \"" + o.id() + "\")";
    }

    private static String code(Codebook codebook, Random random) {
        List<String> codes = new ArrayList<>(new TreeSet<>(codebook.allCodes()));
        return codes.get(random.nextInt(codes.size()));
    }

    private static String keyword(Random random) {
        return KEYWORDS[random.nextInt(KEYWORDS.length)];
    }
}

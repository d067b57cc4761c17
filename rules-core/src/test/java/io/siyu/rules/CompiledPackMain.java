package io.siyu.rules;

import io.siyu.rules.decision.Customer;
import io.siyu.rules.decision.DecisionJson;
import io.siyu.rules.pack.PackOptions;
import io.siyu.rules.pack.PackSource;
import io.siyu.rules.pack.RulePack;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The program {@code CompiledPackIT} runs in a JVM without a rule compiler: loads a compiled pack (a zip) and
 * prints what the JVM can and cannot reach, the load's times, then one decision per customer as JSON.
 */
public final class CompiledPackMain {
    /** 10:00 in Shanghai, outside quiet hours. */
    public static final Clock TEN_AM = Clock.fixed(Instant.parse("2026-11-23T02:00:00Z"), ZoneOffset.UTC);

    private CompiledPackMain() {
    }

    /**
     * Runs it.
     *
     * @param args the compiled pack (a zip file)
     */
    public static void main(String[] args) {
        for (String name : List.of("org.drools.compiler.builder.impl.KnowledgeBuilderImpl", "org.mvel2.MVEL",
                "org.eclipse.jdt.internal.compiler.Compiler", "org.drools.model.codegen.ExecutableModelProject",
                "org.drools.drl.parser.DrlParser")) {
            System.out.println("class " + name + " " + (present(name) ? "present" : "absent"));
        }
        System.out.println("module jdk.compiler " + (ModuleLayer.boot().findModule("jdk.compiler").isPresent()
                ? "present" : "absent"));
        long start = System.nanoTime();
        RulePack pack = RulePack.load(PackSource.zip(Path.of(args[0])),
                PackOptions.builder().locale(Locale.ENGLISH).clock(TEN_AM).build());
        long loaded = System.nanoTime();
        System.out.printf("load %d ms, %d ms since JVM start%n", (loaded - start) / 1_000_000,
                System.currentTimeMillis() - ProcessHandle.current().info().startInstant()
                        .map(Instant::toEpochMilli).orElse(System.currentTimeMillis()));
        DecisionJson json = pack.json();
        for (Customer c : customers(pack)) {
            System.out.println("decision " + json.write(pack.decide(c)));
        }
    }

    /** Varied customers of the skincare pack's codebook: cold, warm, hot, new, quiet and capped. */
    public static List<Customer> customers(RulePack pack) {
        List<Customer> out = new ArrayList<>();
        String[] codes = {"", "3DU1", "3DU2", "3DU3", "4EU1", "1AU2", "2BU1", "35DU2Y3", "6GU3"};
        String[] messages = {"多少钱", "有用吗", "不需要", "怎么买", ""};
        for (int i = 0; i < 45; i++) {
            Customer.Builder b = Customer.builder("x" + i).tags(pack.codebook().decode(codes[i % codes.length]))
                    .replied(i % 2 == 0).clickedLink(i % 5 == 0).silentHours(i % 7 == 0 ? 72 : 1)
                    .purchasedBefore(i % 4 == 0).touchesToday(i % 11 == 0 ? 3 : 0);
            if (!messages[i % messages.length].isEmpty()) {
                b.message(messages[i % messages.length]);
            }
            if (i % 9 == 0) {
                b.attribute("weatherAlert", true).attribute("city", "上海");
            }
            out.add(b.build());
        }
        return out;
    }

    private static boolean present(String name) {
        try {
            Class.forName(name, false, CompiledPackMain.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}

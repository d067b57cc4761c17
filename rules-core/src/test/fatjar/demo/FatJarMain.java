package demo;

import io.siyu.rules.cases.CaseResult;
import io.siyu.rules.cases.CaseRunner;
import io.siyu.rules.decision.Customer;
import io.siyu.rules.decision.Decision;
import io.siyu.rules.pack.LiveRulePack;
import io.siyu.rules.pack.PackOptions;
import io.siyu.rules.pack.PackSource;
import io.siyu.rules.pack.RulePack;
import io.siyu.rules.pack.RulePackException;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/**
 * Runs inside a Spring Boot fat jar (SpringBootFatJarIT): loads packs from BOOT-INF/classes and from a jar in
 * BOOT-INF/lib through PackSource.classpath, and prints what a test can compare. args[0] is the skincare pack
 * as a directory on disk, to decide the same customers from.
 */
public final class FatJarMain {
    public static void main(String[] args) throws Exception {
        PackOptions options = PackOptions.builder().locale(Locale.ENGLISH)
                .clock(Clock.fixed(Instant.parse("2026-11-23T02:00:00Z"), ZoneOffset.UTC)).build();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        System.out.println("loader " + loader.getClass().getName());
        System.out.println("classes " + loader.getResource("packs/skincare/pack.json"));
        System.out.println("lib " + loader.getResource("packs/mini/pack.json"));

        PackSource skincare = PackSource.classpath("packs/skincare");
        System.out.println("files " + skincare.list());
        RulePack fromJar = RulePack.load(skincare, options);
        RulePack fromDirectory = RulePack.load(Path.of(args[0]), options);
        List<Customer> customers = List.of(
                Customer.builder("c-hot").tags(fromJar.codebook().decode("34DU1")).message("这个多少钱？").build(),
                Customer.builder("c-cold").tags(fromJar.codebook().decode("3DU3")).build());
        List<Decision> decisions = fromJar.decideAll(customers);
        for (Decision d : decisions) {
            System.out.println("decided " + d.customerId() + " " + d.action() + " " + d.scriptId().orElse("-") + " "
                    + d.intent());
        }
        System.out.println("same as the directory " + decisions.equals(fromDirectory.decideAll(customers)));
        List<CaseResult> results = CaseRunner.of(fromJar).run(CaseRunner.of(fromJar).packTables());
        long failed = results.stream().filter(r -> !r.passed()).count();
        System.out.println("cases " + (results.size() - failed) + " passed, " + failed + " failed");

        RulePack mini = RulePack.load(PackSource.classpath("packs/mini"), options);
        System.out.println("mini " + mini.id() + " " + mini.decide(Customer.builder("c1").build()).action());

        try {
            RulePack.load(PackSource.classpath("packs/broken"), options);
        } catch (RulePackException e) {
            System.out.println("broken " + e.getMessage().lines().findFirst().orElseThrow());
            e.diagnostics().forEach(d -> System.out.println("broken " + d.format()));
        }

        try (LiveRulePack live = LiveRulePack.loadAsync(PackSource.classpath("packs/mini"), options)) {
            System.out.println("ready " + live.awaitReady(Duration.ofMinutes(2)));
            System.out.println("reloaded " + live.reload().version());
        }
    }
}

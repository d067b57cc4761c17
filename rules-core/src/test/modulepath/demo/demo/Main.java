package demo;

import demo.vip.Vip;
import io.siyu.rules.decision.Customer;
import io.siyu.rules.decision.Decision;
import io.siyu.rules.funnel.Funnel;
import io.siyu.rules.funnel.FunnelConfig;
import io.siyu.rules.funnel.FunnelEvent;
import io.siyu.rules.funnel.FunnelJson;
import io.siyu.rules.funnel.Journey;
import io.siyu.rules.pack.PackOptions.CompileMode;
import io.siyu.rules.pack.PackOptions;
import io.siyu.rules.pack.RulePack;
import io.siyu.rules.pack.RulePackException;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

/**
 * Prints one line per fact that ModulePathIT checks. Argument: a copy of the skincare test pack with
 * {@code rules/vip.drl} added.
 */
public final class Main {
    /** 10:00 in Shanghai: outside the pack's quiet hours. */
    private static final Clock DAYTIME = Clock.fixed(Instant.parse("2026-11-23T02:00:00Z"), ZoneId.of("UTC"));

    public static void main(String[] args) throws Exception {
        Path packDir = Path.of(args[0]);
        Module library = RulePack.class.getModule();
        System.out.println("demo named=" + Main.class.getModule().isNamed() + " library=" + library.getName()
                + " reads=" + Main.class.getModule().canRead(library));

        for (CompileMode mode : CompileMode.values()) {
            RulePack pack = RulePack.load(packDir,
                    PackOptions.builder().clock(DAYTIME).compileMode(mode).allowClass(Vip.class).build());
            decide(mode, pack, Customer.builder("c-cold").tags(pack.codebook().decode("3DU3")).build());
            decide(mode, pack, Customer.builder("c-warm").tags(pack.codebook().decode("3DU2")).replied(true)
                    .attribute("nickname", "小美").build());
            decide(mode, pack, Customer.builder("c-hot").tags(pack.codebook().decode("34DU1"))
                    .message("这个多少钱呀").build());
            decide(mode, pack, Customer.builder("vip-1").tags(pack.codebook().decode("3DU3")).build());
        }

        // The library's message files are resources of packages that are not open: it must still find them.
        // The JVM runs with a Chinese default locale, so English must not fall back to it.
        Path missing = packDir.resolve("missing");
        for (Locale locale : new Locale[] {Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE}) {
            try {
                RulePack.load(missing, PackOptions.builder().locale(locale).build());
                System.out.println(locale + ": loaded?!");
            } catch (RulePackException e) {
                System.out.println(locale + ": " + e.diagnostics().get(0).message().replace(missing.toString(), "<dir>"));
            }
        }

        // Jackson reads and writes journeys, including the library's private stored form of one.
        FunnelJson json = FunnelJson.create();
        Journey journey = Funnel.inMemory(FunnelConfig.defaults(), DAYTIME)
                .record(new FunnelEvent.Added("e1", "c1", Instant.parse("2026-11-23T02:00:00Z")));
        String text = json.write(journey);
        System.out.println("journey " + journey.stage() + " round trip=" + json.readJourney(text).equals(journey));

        // Internals load (they are in the module) but are out of reach, even by reflection.
        System.out.println("internal.json exported=" + library.isExported("io.siyu.rules.internal.json"));
        Class<?> internal = Class.forName("io.siyu.rules.internal.json.JsonReader");
        try {
            internal.getConstructor(String.class, String.class, Locale.class)
                    .newInstance("x.json", "io.siyu.rules.internal.json.messages", Locale.ROOT);
            System.out.println("internal reflection: allowed?!");
        } catch (IllegalAccessException e) {
            System.out.println("internal reflection: " + e.getClass().getSimpleName());
        }
    }

    private static void decide(CompileMode mode, RulePack pack, Customer customer) {
        Decision d = pack.decide(customer);
        System.out.println(mode + " " + d.customerId() + " " + d.intent() + " " + d.score() + " " + d.action() + " "
                + d.scriptId().orElse("-"));
    }
}

package io.siyu.rules.bench;

import io.siyu.rules.decision.Actions;
import io.siyu.rules.decision.ContactPolicy;
import io.siyu.rules.decision.Customer;
import io.siyu.rules.decision.Intent;
import io.siyu.rules.decision.IntentLevel;
import io.siyu.rules.decision.Now;
import io.siyu.rules.decision.Policy;
import io.siyu.rules.decision.Proposal;
import io.siyu.rules.funnel.GroupDay;
import io.siyu.rules.funnel.Stage;
import io.siyu.rules.pack.PackOptions.CompileMode;
import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.conf.KieBaseMutabilityOption;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The pack's rule files compiled the way a team using plain Drools would: the public KIE API, a rule file of
 * its own that imports the fact model and declares the three globals (pack rule files have neither), and
 * the same rule-base options the library uses (a base that is never changed incrementally). It uses only
 * the library's public types, so the plain-Drools reference measures Drools on the very same rules.
 */
final class PlainDroolsBase {
    /** The types a pack's rule files use without importing them (the library's fact model). */
    private static final List<Class<?>> FACT_MODEL = List.of(Customer.class, Intent.class, IntentLevel.class,
            Proposal.class, Now.class, ContactPolicy.class, Actions.class, Policy.class, GroupDay.class, Stage.class);

    private PlainDroolsBase() {
    }

    /**
     * Compiles the {@code rules/**}{@code /*.drl} files of a pack directory (none declares a package).
     *
     * @throws IllegalStateException with Drools' messages when the rules do not compile
     */
    static KieBase compile(Path packDirectory, CompileMode mode) {
        KieServices ks = KieServices.Factory.get();
        ReleaseId releaseId = ks.newReleaseId("io.siyu.rules.bench", "plain-" + UUID.randomUUID(), "1.0.0");
        KieFileSystem kfs = ks.newKieFileSystem();
        kfs.generateAndWritePomXML(releaseId);
        write(ks, kfs, "bench-fact-model.drl", declarations());
        try (Stream<Path> files = Files.walk(packDirectory.resolve("rules"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".drl")).sorted().toList()) {
                write(ks, kfs, packDirectory.relativize(p).toString().replace('\\', '/'),
                        Files.readString(p, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        KieBuilder builder = ks.newKieBuilder(kfs);
        try {
            if (mode == CompileMode.EXECUTABLE_MODEL) {
                builder.buildAll(org.drools.model.codegen.ExecutableModelProject.class);
            } else {
                builder.buildAll();
            }
            if (builder.getResults().hasMessages(Message.Level.ERROR)) {
                throw new IllegalStateException("the rules do not compile: " + builder.getResults().getMessages());
            }
            KieBaseConfiguration conf = ks.newKieBaseConfiguration();
            conf.setOption(KieBaseMutabilityOption.DISABLED);
            return ks.newKieContainer(releaseId).newKieBase(conf);
        } finally {
            ks.getRepository().removeKieModule(releaseId);
        }
    }

    private static String declarations() {
        StringBuilder drl = new StringBuilder();
        for (Class<?> type : FACT_MODEL) {
            drl.append("import ").append(type.getName()).append(";\n");
        }
        drl.append("global ").append(Intent.class.getName()).append(" intent;\n");
        drl.append("global ").append(Actions.class.getName()).append(" actions;\n");
        drl.append("global ").append(Policy.class.getName()).append(" policy;\n");
        return drl.toString();
    }

    /** UTF-8, said explicitly: Drools would otherwise decode with the platform charset. */
    private static void write(KieServices ks, KieFileSystem kfs, String file, String text) {
        Resource resource = ks.getResources().newByteArrayResource(text.getBytes(StandardCharsets.UTF_8),
                StandardCharsets.UTF_8.name());
        resource.setSourcePath("src/main/resources/" + file);
        resource.setResourceType(ResourceType.DRL);
        kfs.write(resource);
    }
}

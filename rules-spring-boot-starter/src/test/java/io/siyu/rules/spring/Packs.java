package io.siyu.rules.spring;

import io.siyu.rules.pack.PackSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Small packs for the tests, the Gaozi pack's class path location, and a source whose reading waits for a latch. */
final class Packs {
    /** The Gaozi pack in rules-examples' jar. */
    static final String GAOZI = "classpath:io/siyu/rules/examples/packs/gaozi";
    /** 10:00 in Shanghai: outside the Gaozi pack's quiet hours (22:00 to 08:00). */
    static final String MORNING = "2026-11-30T02:00:00Z";
    /** The Gaozi pack's hot customer: asked the price, acne, urgent. */
    static final String HOT_CUSTOMER = "{\"id\":\"c1\",\"codes\":\"3DU1P2\",\"messages\":[\"这个多少钱呀\"],"
            + "\"signals\":{\"replied\":true},\"attributes\":{\"nickname\":\"小美\",\"welfare\":\"sent\"}}";

    private Packs() {
    }

    /** A pack of one intent rule and one proposal: a customer who asks the price gets OFFER_PRODUCT. */
    static Map<String, String> mini(String version) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("pack.json", "{\"id\": \"mini\", \"version\": \"" + version + "\", \"timezone\": \"Europe/Paris\","
                + " \"intent\": {\"warm\": 30, \"hot\": 60}}");
        files.put("rules/rules.drl", """
                rule "asked the price"
                    ruleflow-group "intent"
                when
                    Customer( asked("多少钱") )
                then
                    intent.add(70, "asked the price");
                end

                rule "offer when hot"
                    ruleflow-group "propose"
                when
                    Intent( hot )
                then
                    actions.propose("OFFER_PRODUCT", 90, "hot");
                end
                """);
        return files;
    }

    /** The mini pack with a rule that names a field customers do not have (line 4, column 5). */
    static Map<String, String> broken() {
        Map<String, String> files = mini("2");
        files.put("rules/rules.drl", """
                rule "asked the price"
                    ruleflow-group "intent"
                when
                    Customer( shoeSize > 40 )
                then
                    intent.add(70, "big feet");
                end
                """);
        return files;
    }

    static void write(Path dir, Map<String, String> files) {
        try {
            for (Map.Entry<String, String> e : files.entrySet()) {
                Path file = dir.resolve(e.getKey());
                Files.createDirectories(file.getParent());
                Files.writeString(file, e.getValue(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A source that lists its files only once {@link #release()} is called: a build that stays "running". */
    static final class Gated implements PackSource {
        private final PackSource source;
        private final CountDownLatch gate = new CountDownLatch(1);

        Gated(PackSource source) {
            this.source = source;
        }

        void release() {
            gate.countDown();
        }

        @Override
        public String name() {
            return "gated:" + source.name();
        }

        @Override
        public List<String> list() throws IOException {
            try {
                if (!gate.await(30, TimeUnit.SECONDS)) {
                    throw new IOException("the test never released the gate");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
            return source.list();
        }

        @Override
        public InputStream open(String file) throws IOException {
            return source.open(file);
        }
    }
}

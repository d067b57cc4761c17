package io.siyu.rules.funnel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Who a holdout holds out: its share, its stability across JVMs, locales and charsets, its documented hash. */
class HoldoutTest {

    /** "held/total sha256-of-the-held-out-ids": what two JVMs must agree on. */
    static String fingerprint(Holdout holdout, int customers) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        int held = 0;
        for (int i = 0; i < customers; i++) {
            String id = "c" + i;
            if (holdout.holdsOut(id)) {
                held++;
                digest.update((id + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        return held + "/" + customers + " " + HexFormat.of().formatHex(digest.digest());
    }

    @Test
    void fivePercentHoldsOutFivePercentOfAHundredThousandIdsWithinOnePoint() {
        Holdout holdout = new Holdout(500, "2026-q4");
        long held = Stream.iterate(0, i -> i + 1).limit(100_000).filter(i -> holdout.holdsOut("c" + i)).count();
        assertThat(held / 100_000.0).isBetween(0.04, 0.06);
        // And another salt, another share: the share follows the setting, not the salt.
        Holdout twenty = new Holdout(2_000, "other");
        long heldTwenty = Stream.iterate(0, i -> i + 1).limit(100_000).filter(i -> twenty.holdsOut("wx-" + i)).count();
        assertThat(heldTwenty / 100_000.0).isBetween(0.19, 0.21);
    }

    @Test
    void theSameCustomersAreHeldOutInAChildJvmWithAnotherLocaleAndCharset(@TempDir Path tmp) throws Exception {
        String mine = fingerprint(new Holdout(500, "2026-q4"), 100_000);
        List<String> classPath = new ArrayList<>();
        for (String property : List.of("jdk.module.path", "java.class.path")) {
            String value = System.getProperty(property);
            if (value != null && !value.isBlank()) {
                classPath.add(value);
            }
        }
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.language=tr", "-Duser.country=TR", "-Dfile.encoding=ISO-8859-1", "-Dsun.jnu.encoding=ISO-8859-1",
                "-cp", String.join(File.pathSeparator, classPath), HoldoutChild.class.getName());
        Path out = tmp.resolve("out.txt");
        Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertThat(child.waitFor(2, TimeUnit.MINUTES)).as("the child JVM finished").isTrue();
        String output = Files.readString(out, StandardCharsets.UTF_8).strip();
        assertThat(child.exitValue()).as(output).isZero();
        assertThat(output).isEqualTo(mine);
    }

    @Test
    void theBucketIsTheFirstEightBytesOfSha256OfSaltColonIdAsUnsignedModTenThousand() throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest("2026-q4:王女士-1".getBytes(StandardCharsets.UTF_8));
        java.math.BigInteger first8 = new java.math.BigInteger(1, java.util.Arrays.copyOf(digest, 8));
        int expected = first8.mod(java.math.BigInteger.valueOf(10_000)).intValue();
        assertThat(new Holdout(500, "2026-q4").bucket("王女士-1")).isEqualTo(expected);
    }

    @Test
    void noHoldoutHoldsOutNobodyAndTheShareIsBounded() {
        assertThat(Holdout.NONE.holdsOut("anyone")).isFalse();
        assertThat(Holdout.NONE.arm("anyone")).isEqualTo(Holdout.Arm.TREATMENT);
        assertThatIllegalArgumentException().isThrownBy(() -> new Holdout(5_001, "x"));
        assertThat(Holdout.isControlGroup("holdout-D-2026-11-23-1")).isTrue();
        assertThat(Holdout.isControlGroup("D-2026-11-23-1")).isFalse();
    }
}

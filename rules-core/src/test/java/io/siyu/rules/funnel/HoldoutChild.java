package io.siyu.rules.funnel;

/**
 * Run in a child JVM by {@link HoldoutTest}: prints how many of {@code c0 ... c99999} a 5% holdout salted
 * {@code 2026-q4} holds out, and a digest of which (so that two JVMs with other locales and charsets can be compared).
 */
public final class HoldoutChild {
    private HoldoutChild() {
    }

    public static void main(String[] args) {
        System.out.println(HoldoutTest.fingerprint(new Holdout(500, "2026-q4"), 100_000));
    }
}

package io.siyu.rules.examples;

import io.siyu.rules.pack.PackOptions;
import io.siyu.rules.pack.RulePack;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** Loading the example packs in tests, at a fixed moment. */
final class Packs {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** The testkit's default moment: a Monday, 10:00 in Shanghai (outside quiet hours). */
    static final Clock TEN_AM = at(2026, 11, 23, 10, 0);

    private Packs() {
    }

    static Clock at(int year, int month, int day, int hour, int minute) {
        return Clock.fixed(LocalDateTime.of(year, month, day, hour, minute).atZone(SHANGHAI).toInstant(), SHANGHAI);
    }

    /** An example pack, deciding at {@code clock}. */
    static RulePack load(Path pack, Clock clock) {
        return RulePack.load(pack, PackOptions.builder().clock(clock).build());
    }
}

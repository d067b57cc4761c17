package io.siyu.rules.examples;

import io.siyu.rules.pack.PackOptions;
import io.siyu.rules.pack.RulePack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

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

    /** An example pack as the core can load it today, at {@code clock}. */
    static RulePack load(Path pack, Clock clock) {
        return RulePack.load(pack, PackOptions.builder().clock(clock).build());
    }

    /** A copy of a pack directory in a fresh temporary directory, without the files named (relative paths). */
    static Path copyWithout(Path pack, Set<String> excluded) {
        try (Stream<Path> walk = Files.walk(pack)) {
            Path target = Files.createTempDirectory("siyu-pack-");
            List<Path> files = walk.filter(Files::isRegularFile).toList();
            for (Path file : files) {
                String relative = pack.relativize(file).toString().replace('\\', '/');
                if (!excluded.contains(relative)) {
                    Path to = target.resolve(relative);
                    Files.createDirectories(to.getParent());
                    Files.copy(file, to);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

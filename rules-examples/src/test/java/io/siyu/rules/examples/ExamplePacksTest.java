package io.siyu.rules.examples;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExamplePacksTest {
    @Test
    void packsAreCopiedOnceIntoATemporaryDirectory() {
        Path gaozi = ExamplePacks.gaozi();
        assertThat(gaozi).isDirectory().isEqualTo(ExamplePacks.pack("gaozi"));
        assertThat(gaozi.getParent()).isEqualTo(ExamplePacks.retail().getParent());
        assertThat(gaozi.toAbsolutePath().startsWith(Path.of("packs").toAbsolutePath())).isFalse();
        assertThat(gaozi.resolve("pack.json")).isRegularFile();
        assertThat(gaozi.resolve("rules/propose.drl")).isRegularFile();
        assertThat(ExamplePacks.retail().resolve("codebook.json")).isRegularFile();
        assertThat(ExamplePacks.names()).containsExactly("gaozi", "retail");
    }

    @Test
    void copiesAreByteForByteTheSourcePacks() throws IOException {
        for (String file : ExamplePacks.indexedFiles()) {
            Path copy = ExamplePacks.pack(file.substring(0, file.indexOf('/'))).getParent().resolve(file);
            assertThat(Files.mismatch(copy, Path.of("packs").resolve(file))).as(file).isEqualTo(-1L);
        }
    }

    @Test
    void unknownPackIsRefusedWithTheKnownNames() {
        assertThatThrownBy(() -> ExamplePacks.pack("bakery"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bakery").hasMessageContaining("gaozi").hasMessageContaining("retail");
    }

    /** The index is maintained by hand (tools/update-index.sh): it must list exactly the files under packs/. */
    @Test
    void indexListsEveryFileOfThePacks() throws IOException {
        Path packs = Path.of("packs");
        try (Stream<Path> walk = Files.walk(packs)) {
            List<String> onDisk = walk.filter(Files::isRegularFile)
                    .map(p -> packs.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.equals(ExamplePacks.INDEX))
                    .sorted().toList();
            assertThat(ExamplePacks.indexedFiles()).as("packs/index.txt; run tools/update-index.sh")
                    .containsExactlyInAnyOrderElementsOf(onDisk);
        }
    }
}

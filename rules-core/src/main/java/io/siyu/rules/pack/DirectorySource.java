package io.siyu.rules.pack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A pack in a directory: {@link PackSource#directory(Path)}. Immutable. */
final class DirectorySource implements PackSource {
    private final Path directory;

    DirectorySource(Path directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    @Override
    public String name() {
        return directory.toString();
    }

    @Override
    public Optional<Path> directory() {
        return Optional.of(directory);
    }

    @Override
    public List<String> list() throws IOException {
        return SourceFiles.walk(directory, name());
    }

    @Override
    public InputStream open(String file) throws IOException {
        return Files.newInputStream(directory.resolve(SourceFiles.checkName(file)));
    }

    @Override
    public String toString() {
        return "PackSource.directory(" + directory + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DirectorySource d && directory.equals(d.directory);
    }

    @Override
    public int hashCode() {
        return directory.hashCode();
    }
}

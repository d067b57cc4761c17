package io.siyu.rules.pack;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** A pack held in memory: {@link PackSource#files(Map)}. Immutable. */
final class InMemorySource implements PackSource {
    private final Map<String, byte[]> files;
    private final List<String> names;

    InMemorySource(Map<String, String> files) {
        Objects.requireNonNull(files, "files");
        TreeMap<String, byte[]> copy = new TreeMap<>();
        for (Map.Entry<String, String> e : files.entrySet()) {
            String name = SourceFiles.checkName(e.getKey());
            copy.put(name, Objects.requireNonNull(e.getValue(), () -> "the text of " + name)
                    .getBytes(StandardCharsets.UTF_8));
        }
        for (String name : copy.keySet()) {
            String folder = name + "/";
            String next = copy.ceilingKey(folder);
            if (next != null && next.startsWith(folder)) {
                throw new IllegalArgumentException("\"" + name + "\" is a file and the folder of \"" + next + "\"");
            }
        }
        List<String> visible = new ArrayList<>();
        for (String name : copy.keySet()) {
            if (!SourceFiles.isHidden(name)) {
                visible.add(name);
            }
        }
        this.files = copy;
        this.names = List.copyOf(visible);
    }

    @Override
    public String name() {
        return "(in-memory files)";
    }

    @Override
    public List<String> list() {
        return names;
    }

    @Override
    public InputStream open(String file) throws NoSuchFileException {
        byte[] bytes = files.get(SourceFiles.checkName(file));
        if (bytes == null) {
            throw new NoSuchFileException(file);
        }
        return new ByteArrayInputStream(bytes);
    }

    @Override
    public String toString() {
        return "PackSource.files(" + names + ")";
    }
}

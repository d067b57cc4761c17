package io.siyu.rules.pack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.siyu.rules.decision.Phase;
import io.siyu.rules.decision.RuleInfo;
import io.siyu.rules.diagnostic.Diagnostic;
import io.siyu.rules.internal.compile.CompiledRules;
import io.siyu.rules.internal.compile.RuleDates;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A pack compiled ahead of time: the pack's own files plus a {@value #FOLDER} folder with what loading would
 * otherwise compute — the executable model's class files (in jars of at most {@value #CHUNK_BYTES} bytes, so
 * that every file stays under the pack files' size limit), and a manifest: the library and Drools versions it
 * was made with, a SHA-256 of every source file (each file's text, as the loader reads it), the extra classes
 * rule files were allowed, every rule with its file, line and phase, the rules' date windows, the warnings
 * the pack loaded with, and the model class names.
 *
 * <p>Made by {@link RulePack#compile}; read by {@link RulePack#load(PackSource, PackOptions)} from any source (a
 * directory, a zip, the class path), and the same form is what the compiled-pack cache stores, without the
 * source files. A compiled part is used only when it matches: same library version, same sources, same
 * allowed classes ({@link #staleness}); otherwise the pack is compiled from its sources again (or, where that
 * is impossible, refused), with a diagnostic that says why — a compiled part is never used stale.
 *
 * <p>Stateless; its methods are thread-safe.
 */
final class CompiledPack {
    /** The folder of the compiled part inside a pack. */
    static final String FOLDER = "siyu-compiled/";
    /** The compiled part's manifest. */
    static final String MANIFEST = FOLDER + "manifest.json";
    /** The version of this layout; a reader refuses another. */
    static final int FORMAT = 1;
    /** The most class file bytes one jar of the compiled part holds (under the 4 MiB limit of a pack file). */
    static final int CHUNK_BYTES = 2 * 1024 * 1024;
    private static final String LIBRARY_PROPERTIES = "/io/siyu/rules/pack/library.properties";
    private static final ObjectMapper JSON = new ObjectMapper();

    private CompiledPack() {
    }

    /**
     * The compiled part's description.
     *
     * @param format         the layout version
     * @param library        the siyu-rules version that made it
     * @param drools         the Drools version that made it
     * @param sources        the SHA-256 of each source file's text, by pack path
     * @param allowedClasses the names of the extra classes the rule files were allowed
     * @param locale         the locale the warnings are worded in
     * @param rules          every rule, as {@link RulePack#rules()}
     * @param dates          the date window of each dated rule
     * @param startingWithNoFact the rules Drools matches once per session (see the engine's sessions)
     * @param warnings       the warnings of the pack
     * @param models         the model class names
     * @param jars           the pack paths of the class jars
     */
    record Manifest(int format, String library, String drools, Map<String, String> sources,
                    List<String> allowedClasses, String locale, List<RuleInfo> rules, Map<String, RuleDates> dates,
                    List<String> startingWithNoFact, List<Diagnostic> warnings, List<String> models,
                    List<String> jars) {
    }

    /** The version of siyu-rules running now, and the Drools it was built with. */
    static String[] runningVersions() {
        try (InputStream in = CompiledPack.class.getResourceAsStream(LIBRARY_PROPERTIES)) {
            if (in == null) {
                throw new IllegalStateException(LIBRARY_PROPERTIES + " is missing from the siyu-rules jar");
            }
            Properties p = new Properties();
            p.load(in);
            return new String[] {p.getProperty("version"), p.getProperty("drools")};
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + LIBRARY_PROPERTIES, e);
        }
    }

    /** Whether a file of a pack is one of the compiled part's. */
    static boolean isCompiledFile(String name) {
        return name.startsWith(FOLDER);
    }

    /** The SHA-256 of a source file's text, as lower-case hex. */
    static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }

    /** One key for a set of sources, the library and the allowed classes: the name of a cache entry. */
    static String key(Map<String, String> sourceHashes, List<String> allowedClasses) {
        StringBuilder all = new StringBuilder();
        String[] versions = runningVersions();
        all.append("format ").append(FORMAT).append('\n').append("library ").append(versions[0]).append('\n')
                .append("drools ").append(versions[1]).append('\n');
        new TreeMap<>(sourceHashes).forEach((file, hash) -> all.append(file).append(' ').append(hash).append('\n'));
        allowedClasses.stream().sorted().forEach(c -> all.append("allow ").append(c).append('\n'));
        return hash(all.toString());
    }

    /**
     * Why a compiled part cannot be used for these sources and options, as a message key and its arguments; empty
     * when it matches. The library version is compared first (another version's classes may not even load).
     */
    static Optional<Object[]> staleness(Manifest manifest, Map<String, String> sources, List<String> allowedClasses) {
        String[] running = runningVersions();
        if (manifest.format() != FORMAT || !running[0].equals(manifest.library())
                || !running[1].equals(manifest.drools())) {
            return Optional.of(new Object[] {"pack.compiled-other-version", manifest.library() + " (Drools "
                    + manifest.drools() + ")", running[0] + " (Drools " + running[1] + ")"});
        }
        Set<String> changed = new TreeSet<>();
        for (Map.Entry<String, String> e : sources.entrySet()) {
            if (!e.getValue().equals(manifest.sources().get(e.getKey()))) {
                changed.add(e.getKey());
            }
        }
        for (String file : manifest.sources().keySet()) {
            if (!sources.containsKey(file)) {
                changed.add(file);
            }
        }
        if (!changed.isEmpty()) {
            return Optional.of(new Object[] {"pack.compiled-stale", String.join(", ", changed)});
        }
        if (!new TreeSet<>(allowedClasses).equals(new TreeSet<>(manifest.allowedClasses()))) {
            return Optional.of(new Object[] {"pack.compiled-other-classes", String.join(", ",
                    new TreeSet<>(manifest.allowedClasses())), String.join(", ", new TreeSet<>(allowedClasses))});
        }
        return Optional.empty();
    }

    /** The manifest and class jars of a compiled part, as pack files (path → bytes), in writing order. */
    static Map<String, byte[]> files(Map<String, String> sources, List<String> allowedClasses, Locale locale,
                                     List<RuleInfo> rules, Map<String, RuleDates> dates, Set<String> startingWithNoFact,
                                     List<Diagnostic> warnings, CompiledRules compiled) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        List<String> jars = new ArrayList<>();
        ByteArrayOutputStream jar = null;
        ZipOutputStream zip = null;
        int bytes = 0;
        try {
            for (Map.Entry<String, byte[]> c : compiled.classes().entrySet()) {
                if (zip == null || bytes + c.getValue().length > CHUNK_BYTES && bytes > 0) {
                    if (zip != null) {
                        zip.close();
                        out.put(jars.get(jars.size() - 1), jar.toByteArray());
                    }
                    jar = new ByteArrayOutputStream();
                    zip = new ZipOutputStream(jar);
                    jars.add(FOLDER + "classes-" + jars.size() + ".jar");
                    bytes = 0;
                }
                zip.putNextEntry(new ZipEntry(c.getKey().replace('.', '/') + ".class"));
                zip.write(c.getValue());
                zip.closeEntry();
                bytes += c.getValue().length;
            }
            if (zip != null) {
                zip.close();
                out.put(jars.get(jars.size() - 1), jar.toByteArray());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the compiled classes", e); // memory streams do not fail
        }
        String[] versions = runningVersions();
        ObjectNode m = JSON.createObjectNode();
        m.put("format", FORMAT);
        m.put("library", versions[0]);
        m.put("drools", versions[1]);
        ObjectNode s = m.putObject("sources");
        new TreeMap<>(sources).forEach(s::put);
        ArrayNode allowed = m.putArray("allowedClasses");
        allowedClasses.stream().sorted().forEach(allowed::add);
        m.put("locale", locale.toLanguageTag());
        ArrayNode r = m.putArray("rules");
        for (RuleInfo rule : rules) {
            r.addObject().put("name", rule.name()).put("file", rule.file()).put("line", rule.line())
                    .put("phase", rule.phase().name());
        }
        ObjectNode d = m.putObject("dates");
        dates.forEach((rule, window) -> {
            ObjectNode w = d.putObject(rule);
            window.effective().ifPresent(t -> w.put("effective", t.toString()));
            window.expires().ifPresent(t -> w.put("expires", t.toString()));
        });
        ArrayNode noFact = m.putArray("startingWithNoFact");
        startingWithNoFact.forEach(noFact::add);
        ArrayNode w = m.putArray("warnings");
        for (Diagnostic diagnostic : warnings) {
            w.addObject().put("file", diagnostic.file()).put("line", diagnostic.line())
                    .put("column", diagnostic.column()).put("severity", diagnostic.severity().name())
                    .put("key", diagnostic.key()).put("path", diagnostic.path()).put("message", diagnostic.message());
        }
        ArrayNode models = m.putArray("models");
        compiled.models().forEach(models::add);
        ArrayNode j = m.putArray("jars");
        jars.forEach(j::add);
        Map<String, byte[]> ordered = new LinkedHashMap<>();
        try {
            ordered.put(MANIFEST, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(m));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the compiled pack's manifest", e);
        }
        ordered.putAll(out);
        return ordered;
    }

    /**
     * Reads a compiled part's manifest.
     *
     * @throws IOException when it cannot be read or is not a manifest of this layout (a broken or foreign file)
     */
    static Manifest readManifest(byte[] bytes) throws IOException {
        JsonNode m = JSON.readTree(bytes);
        if (m == null || !m.isObject() || !m.path("format").isInt()) {
            throw new IOException(MANIFEST + " is not a compiled pack manifest");
        }
        Map<String, String> sources = new TreeMap<>();
        m.path("sources").fields().forEachRemaining(e -> sources.put(e.getKey(), e.getValue().asText()));
        List<RuleInfo> rules = new ArrayList<>();
        for (JsonNode r : m.path("rules")) {
            rules.add(new RuleInfo(r.path("name").asText(), r.path("file").asText(), r.path("line").asInt(),
                    Phase.valueOf(r.path("phase").asText())));
        }
        Map<String, RuleDates> dates = new LinkedHashMap<>();
        m.path("dates").fields().forEachRemaining(e -> dates.put(e.getKey(), new RuleDates(
                time(e.getValue().get("effective")), time(e.getValue().get("expires")))));
        List<Diagnostic> warnings = new ArrayList<>();
        for (JsonNode d : m.path("warnings")) {
            warnings.add(new Diagnostic(d.path("file").asText(), d.path("line").asInt(), d.path("column").asInt(),
                    Diagnostic.Severity.valueOf(d.path("severity").asText()), d.path("key").asText(),
                    d.path("path").asText(), d.path("message").asText()));
        }
        try {
            return new Manifest(m.path("format").asInt(), m.path("library").asText(), m.path("drools").asText(),
                    sources, texts(m.path("allowedClasses")), m.path("locale").asText(), rules, dates,
                    texts(m.path("startingWithNoFact")), warnings, texts(m.path("models")), texts(m.path("jars")));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IOException(MANIFEST + " is not a compiled pack manifest: " + e.getMessage(), e);
        }
    }

    /**
     * Reads the class jars a manifest names.
     *
     * @throws IOException when one cannot be read
     */
    static CompiledRules readClasses(Manifest manifest, PackSource source, String prefix) throws IOException {
        Map<String, byte[]> classes = new TreeMap<>();
        for (String jar : manifest.jars()) {
            byte[] bytes;
            try (InputStream in = source.open(prefix + jar)) {
                bytes = in.readAllBytes();
            }
            try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
                for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                    String name = e.getName();
                    if (name.endsWith(".class")) {
                        classes.put(name.substring(0, name.length() - ".class".length()).replace('/', '.'),
                                zip.readAllBytes());
                    }
                }
            }
        }
        try {
            return new CompiledRules(classes, manifest.models());
        } catch (IllegalArgumentException e) {
            throw new IOException("the compiled classes do not match the manifest: " + e.getMessage(), e);
        }
    }

    /**
     * Writes pack files (path → bytes) into a directory (made if missing) or, when {@code target}'s name ends
     * with {@code .zip}, a zip file, replacing what was there.
     *
     * @throws UncheckedIOException when it cannot be written
     */
    static void write(Path target, Map<String, byte[]> files) {
        try {
            if (target.getFileName().toString().endsWith(".zip")) {
                if (target.getParent() != null) {
                    Files.createDirectories(target.getParent());
                }
                // Not Files.createTempFile: it makes the file rw------- whatever the umask, and the move keeps
                // that mode. A file created plainly gets the mode every other file of the user gets.
                Path tmp = target.toAbsolutePath().resolveSibling("." + target.getFileName() + "."
                        + java.util.UUID.randomUUID() + ".tmp");
                try (OutputStream out = Files.newOutputStream(tmp, java.nio.file.StandardOpenOption.CREATE_NEW,
                        java.nio.file.StandardOpenOption.WRITE); ZipOutputStream zip = new ZipOutputStream(out)) {
                    for (Map.Entry<String, byte[]> f : files.entrySet()) {
                        zip.putNextEntry(new ZipEntry(f.getKey()));
                        zip.write(f.getValue());
                        zip.closeEntry();
                    }
                } catch (IOException | RuntimeException e) {
                    Files.deleteIfExists(tmp);
                    throw e;
                }
                Files.move(tmp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                return;
            }
            Files.createDirectories(target);
            deleteCompiledPart(target);
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                Path file = target.resolve(f.getKey());
                Files.createDirectories(file.getParent());
                Files.write(file, f.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the compiled pack to " + target + ": " + e.getMessage(), e);
        }
    }

    /** Removes an earlier compiled part from a directory, so that no jar of another build is left beside the new. */
    private static void deleteCompiledPart(Path directory) throws IOException {
        Path folder = directory.resolve(FOLDER);
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (var files = Files.list(folder)) {
            for (Path p : files.toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static Optional<LocalDateTime> time(JsonNode node) {
        return node == null || node.isNull() ? Optional.empty() : Optional.of(LocalDateTime.parse(node.asText()));
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : array) {
            out.add(n.asText());
        }
        return out;
    }
}

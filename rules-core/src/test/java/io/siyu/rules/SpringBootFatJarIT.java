package io.siyu.rules;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A pack shipped inside a Spring Boot fat jar, read where it is: run by failsafe after {@code package}. The
 * test builds the jar as Spring Boot's Maven plugin lays it out — Spring Boot's own launcher at the root,
 * the application in {@code BOOT-INF/classes} (packs without folder entries, as some build tools write
 * them), the library and its dependencies as stored jars in {@code BOOT-INF/lib}, one of them a jar that
 * ships a pack of its own — and runs it with {@code java -jar}: the packs are on the class path as
 * {@code jar:nested:} URLs served by Spring Boot's URL handlers, the case that used to need a copy to a
 * temporary directory. Spring Boot is only in the child JVM, never on the library's class path.
 */
class SpringBootFatJarIT {
    private static final Path RESOURCES = Path.of("src/test/resources");
    private static final Path MAIN = Path.of("src/test/fatjar/demo/FatJarMain.java");

    private static Path library;
    private static List<Path> dependencies;
    private static Path loader;

    @BeforeAll
    static void findTheBuiltJars() throws IOException {
        library = Path.of(System.getProperty("modulepath.jar"));
        String deps = Files.readString(Path.of(System.getProperty("modulepath.dependencies"))).strip();
        dependencies = Stream.of(deps.split(File.pathSeparator)).filter(s -> !s.isBlank()).map(Path::of).toList();
        loader = Path.of(System.getProperty("fatjar.loader"));
        assertThat(library).isRegularFile();
        assertThat(loader).as("spring-boot-loader, copied by the dependency plugin").isRegularFile();
    }

    @Test
    void packsInsideAFatJarLoadFromTheClassPathAndDecideAsTheirDirectory(@TempDir Path tmp) throws Exception {
        Path classes = tmp.resolve("classes");
        compile(classes);
        Path app = tmp.resolve("app.jar");
        buildFatJar(app, classes, tmp);

        List<String> out = run(tmp, app, RESOURCES.resolve("packs/skincare").toAbsolutePath().toString());

        assertThat(out).containsExactly(
                "loader org.springframework.boot.loader.launch.LaunchedClassLoader",
                "classes jar:nested:" + app.toUri().getRawPath() + "/!BOOT-INF/classes/!/packs/skincare/pack.json",
                "lib jar:nested:" + app.toUri().getRawPath() + "/!BOOT-INF/lib/mini-pack.jar!/packs/mini/pack.json",
                "files [codebook.json, funnel.json, pack.json, rules/content.drl, rules/intent.drl, rules/policy.drl,"
                        + " rules/propose.drl, scripts.json, tests/cases.csv]",
                "decided c-hot OFFER_PRODUCT acne.offer HOT",
                "decided c-cold STOP_GENTLY acne.light COLD",
                "same as the directory true",
                "cases 21 passed, 0 failed",
                "mini mini STOP_GENTLY",
                "broken The rule pack in classpath:packs/broken cannot be loaded: 1 problem(s).",
                "broken rules/intent.drl:12:29: \")\" is not expected here. Check the brackets, quotes and commas just"
                        + " before it.",
                "ready true",
                "reloaded 1");
    }

    // ---------------------------------------------------------------- building the fat jar

    private static void compile(Path out) throws IOException {
        ToolProvider javac = ToolProvider.findFirst("javac").orElseThrow(() -> new AssertionError("needs a JDK"));
        Files.createDirectories(out);
        StringWriter messages = new StringWriter();
        int status = javac.run(new PrintWriter(messages, true), new PrintWriter(messages, true), "-d", out.toString(),
                "--class-path", library.toString(), "-encoding", "UTF-8", MAIN.toString());
        assertThat(status).as("compiling FatJarMain:%n%s", messages).isZero();
    }

    private static void buildFatJar(Path app, Path classes, Path tmp) throws IOException {
        Path miniJar = tmp.resolve("mini-pack.jar");
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(miniJar))) {
            addTree(jar, RESOURCES.resolve("packs/mini"), "packs/mini/", false);
        }
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.put(Attributes.Name.MAIN_CLASS, "org.springframework.boot.loader.launch.JarLauncher");
        main.putValue("Start-Class", "demo.FatJarMain");
        main.putValue("Spring-Boot-Classes", "BOOT-INF/classes/");
        main.putValue("Spring-Boot-Lib", "BOOT-INF/lib/");
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(app), manifest);
             JarFile launcher = new JarFile(loader.toFile())) {
            for (JarEntry e : Collections.list(launcher.entries())) {
                if (!e.getName().startsWith("META-INF/")) {
                    jar.putNextEntry(new JarEntry(e.getName()));
                    try (InputStream in = launcher.getInputStream(e)) {
                        in.transferTo(jar);
                    }
                }
            }
            for (String dir : List.of("BOOT-INF/", "BOOT-INF/classes/", "BOOT-INF/classes/demo/", "BOOT-INF/lib/")) {
                jar.putNextEntry(new JarEntry(dir));
            }
            addTree(jar, classes.resolve("demo"), "BOOT-INF/classes/demo/", false);
            addTree(jar, RESOURCES.resolve("packs/skincare"), "BOOT-INF/classes/packs/skincare/", false);
            addFile(jar, RESOURCES.resolve("cases/skincare.csv"), "BOOT-INF/classes/packs/skincare/tests/cases.csv",
                    false);
            addTree(jar, RESOURCES.resolve("packs/broken-syntax"), "BOOT-INF/classes/packs/broken/", false);
            // Spring Boot reads nested jars in place: they must be stored, not deflated.
            addFile(jar, miniJar, "BOOT-INF/lib/mini-pack.jar", true);
            addFile(jar, library, "BOOT-INF/lib/rules-core.jar", true);
            for (Path dependency : dependencies) {
                addFile(jar, dependency, "BOOT-INF/lib/" + dependency.getFileName(), true);
            }
        }
    }

    /** The files of a tree, without folder entries (a pack must be found through its pack.json alone). */
    private static void addTree(JarOutputStream jar, Path root, String prefix, boolean stored) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                addFile(jar, p, prefix + root.relativize(p).toString().replace('\\', '/'), stored);
            }
        }
    }

    private static void addFile(JarOutputStream jar, Path file, String name, boolean stored) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        JarEntry entry = new JarEntry(name);
        if (stored) {
            CRC32 crc = new CRC32();
            crc.update(bytes);
            entry.setMethod(ZipEntry.STORED);
            entry.setSize(bytes.length);
            entry.setCompressedSize(bytes.length);
            entry.setCrc(crc.getValue());
        }
        jar.putNextEntry(entry);
        jar.write(bytes);
        jar.closeEntry();
    }

    private static List<String> run(Path tmp, Path app, String... args) throws Exception {
        List<String> arguments = new ArrayList<>(List.of("-Dfile.encoding=UTF-8", "-Dsun.stdout.encoding=UTF-8",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-jar", app.toString()));
        arguments.addAll(List.of(args));
        ChildJvm.Run run = ChildJvm.run(tmp, ChildJvm.java(arguments));
        assertThat(run.exitCode()).as("exit code; stderr:%n%s", run.stderr()).isZero();
        return run.stdout();
    }
}

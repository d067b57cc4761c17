package io.siyu.rules.pack;

import io.siyu.rules.decision.Decision;
import io.siyu.rules.decision.DecisionJson;
import io.siyu.rules.decision.JsonInputException;
import io.siyu.rules.script.RenderedScript;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A decision log: a {@link DecisionListener} that appends decisions as JSON lines to a file that rotates by size
 * and by day and keeps a bounded number of old files, so that months later one can answer "why did this customer
 * get this message on 23 Nov" ({@link #read}, {@code siyu explain --log FILE --customer ID --date 2026-11-23}).
 * Register it with {@link PackOptions.Builder#listener}; {@link #close()} it at shutdown.
 *
 * <p><b>What a line holds.</b> The decision in the stable JSON form of {@link DecisionJson#write} (pack id and
 * version, customer id, decision id and time, action, script and variant, intent and reasons, vetoes, the rules
 * fired, the holdout arm and what a held-out customer would have got), but <b>without personal data</b>: the
 * rendered text is written as {@code ""} unless {@link Builder#personalData(boolean) personalData(true)}. The
 * customer's messages, remarks and attributes are never part of a decision. (Rule authors write the reasons: keep
 * customers' words out of them.)
 *
 * <p><b>Files.</b> Lines go to {@code decisions.jsonl} (the file given); when it would pass
 * {@link Builder#maxFileBytes} or the day changes (in the pack's timezone), it is renamed to
 * {@code decisions-2026-11-23-1.jsonl} (its day, then a number) and a new one starts; beyond
 * {@link Builder#maxFiles} rotated files, the oldest are deleted. Writing is written here rather than with a
 * logging library: siyu-rules leaves the host's logging alone (a Logback or Log4j 2 of its own, Spring Boot's
 * versions), and the log needs exact JSON lines, not log events.
 *
 * <p><b>Sampling.</b> {@link Builder#sampleRate} keeps a share of <em>customers</em> (by {@link String#hashCode()}
 * of the id, which Java specifies, spread by murmur3's finalizer: the same customers on every run): a sampled customer's every decision is
 * logged, so their history is whole.
 *
 * <p>Thread-safe: lines are appended under a lock and flushed one by one (a crash loses none already returned
 * from {@code decide}). A write that fails is logged at WARN (the file, never the decision) and counted as the
 * listener's failure; deciding goes on.
 */
public final class DecisionLog implements DecisionListener, Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(DecisionLog.class);
    private static final DecisionJson JSON = DecisionJson.of(null, Locale.ROOT);
    private static final int SAMPLE_BUCKETS = 10_000;

    private final Path file;
    private final long maxFileBytes;
    private final int maxFiles;
    private final int sampleBuckets;
    private final boolean personalData;
    private final ZoneId zone;
    private final Clock clock;
    private final Object lock = new Object();
    private Writer writer;
    private long size;
    private LocalDate day;
    private boolean closed;

    private DecisionLog(Builder b) {
        this.file = b.file.toAbsolutePath();
        this.maxFileBytes = b.maxFileBytes;
        this.maxFiles = b.maxFiles;
        this.sampleBuckets = (int) Math.round(b.sampleRate * SAMPLE_BUCKETS);
        this.personalData = b.personalData;
        this.zone = b.zone;
        this.clock = b.clock;
    }

    /**
     * A builder for a log written to {@code file} (e.g. {@code logs/decisions.jsonl}); its folder is created when
     * missing.
     *
     * @param file the current file; rotated files go beside it
     * @return a builder with the defaults: every decision, 100 MiB per file, 30 rotated files, no personal data,
     *         days in {@code Asia/Shanghai}
     * @throws NullPointerException when {@code file} is null
     */
    public static Builder toFile(Path file) {
        return new Builder(Objects.requireNonNull(file, "file"));
    }

    /**
     * Logs a decision (when its customer is sampled).
     *
     * @param decision the decision
     * @param nanos    ignored
     * @throws UncheckedIOException when the file cannot be written (the pack catches and counts it)
     */
    @Override
    public void decided(Decision decision, long nanos) {
        if (sampleBuckets < SAMPLE_BUCKETS && !sampled(decision.customerId(), sampleBuckets)) {
            return;
        }
        String line = line(decision, personalData) + "\n";
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        LocalDate today = LocalDate.ofInstant(decision.decidedAt().orElseGet(clock::instant), zone);
        synchronized (lock) {
            if (closed) {
                return;
            }
            try {
                if (writer == null) {
                    open(today);
                } else if (!today.equals(day) || (size > 0 && size + bytes.length > maxFileBytes)) {
                    rotate();
                    open(today);
                }
                writer.write(line);
                writer.flush();
                size += bytes.length;
            } catch (IOException e) {
                LOG.warn("Cannot write the decision log {}: {}", file, e.getClass().getName());
                throw new UncheckedIOException("cannot write the decision log " + file, e);
            }
        }
    }

    /**
     * Whether a decision log that keeps {@code rate} of the customers keeps this customer's decisions: the same
     * answer on every run and JVM (the id's {@link String#hashCode()}, which Java specifies, spread by murmur3's
     * finalizer, modulo 10,000). For other logs that sample as this one does ({@code JdbcDecisionLog}).
     *
     * @param customerId the customer
     * @param rate       the share of customers kept, 0 to 1
     * @return true when the customer is in the sample
     * @throws NullPointerException     when {@code customerId} is null
     * @throws IllegalArgumentException when {@code rate} is outside [0, 1]
     */
    public static boolean isSampled(String customerId, double rate) {
        Objects.requireNonNull(customerId, "customerId");
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("rate must be between 0 and 1, got " + rate);
        }
        return sampled(customerId, (int) Math.round(rate * SAMPLE_BUCKETS));
    }

    private static boolean sampled(String customerId, int buckets) {
        return Math.floorMod(mix(customerId.hashCode()), SAMPLE_BUCKETS) < buckets;
    }

    /** murmur3's 32-bit finalizer: ids that differ in their last character (c1, c2 ...) land far apart. */
    private static int mix(int hash) {
        int h = hash;
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }

    /**
     * One decision as a log line: the JSON of {@link DecisionJson#write}, with the rendered text left out unless
     * {@code personalData}.
     *
     * @param decision     the decision
     * @param personalData whether to keep the rendered text (which may hold the customer's name)
     * @return the JSON object, on one line
     * @throws NullPointerException when {@code decision} is null
     */
    public static String line(Decision decision, boolean personalData) {
        return JSON.write(personalData ? decision : withoutText(decision));
    }

    private static Decision withoutText(Decision d) {
        if (d.text().isEmpty()) {
            return d;
        }
        Decision.Builder b = Decision.builder(d.customerId(), d.packId(), d.packVersion())
                .intent(d.intent(), d.score(), d.evidence()).losing(d.losing()).vetoed(d.vetoed())
                .firedRules(d.firedRules()).decidedAt(d.decidedAt().orElse(null));
        d.winner().ifPresent(b::winner);
        Optional<RenderedScript> script = d.script();
        script.ifPresent(s -> b.script(new RenderedScript(s.scriptId(), s.variantId(), "", s.persona(), s.channel())));
        return b.build();
    }

    private void open(LocalDate today) throws IOException {
        Path parent = file.getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (Files.exists(file)) {
            LocalDate fileDay = LocalDate.ofInstant(Files.getLastModifiedTime(file).toInstant(), zone);
            if (!fileDay.equals(today) && Files.size(file) > 0) {
                day = fileDay;
                rotate();
            }
        }
        writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        size = Files.size(file);
        day = today;
    }

    /** Renames the current file to {@code <name>-<day>-<n>.jsonl} and deletes the oldest beyond the bound. */
    private void rotate() throws IOException {
        if (writer != null) {
            writer.close();
            writer = null;
        }
        if (!Files.exists(file)) {
            return;
        }
        Naming naming = Naming.of(file);
        int n = 1;
        Path target;
        do {
            target = file.resolveSibling(naming.stem + "-" + day + "-" + n + naming.extension);
            n++;
        } while (Files.exists(target));
        Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
        List<Path> rotated = naming.rotated(file);
        for (int i = 0; i < rotated.size() - maxFiles; i++) {
            Files.deleteIfExists(rotated.get(i));
        }
    }

    /** How the rotated files of a log are named: stem, day and number, extension. */
    private record Naming(String stem, String extension, Pattern pattern) {
        static Naming of(Path file) {
            String name = file.getFileName().toString();
            int dot = name.lastIndexOf('.');
            String stem = dot > 0 ? name.substring(0, dot) : name;
            String extension = dot > 0 ? name.substring(dot) : "";
            return new Naming(stem, extension, Pattern.compile(Pattern.quote(stem) + "-(\\d{4}-\\d{2}-\\d{2})-(\\d+)"
                    + Pattern.quote(extension)));
        }

        /** The rotated files beside {@code file}, oldest first (by day, then number). */
        List<Path> rotated(Path file) throws IOException {
            Path folder = file.toAbsolutePath().getParent();
            List<Path> out = new ArrayList<>();
            try (Stream<Path> files = Files.list(folder)) {
                files.filter(p -> pattern.matcher(p.getFileName().toString()).matches()).forEach(out::add);
            }
            out.sort(Comparator.comparing((Path p) -> group(p, 1)).thenComparingInt(p -> Integer.parseInt(group(p, 2))));
            return out;
        }

        private String group(Path p, int group) {
            Matcher m = pattern.matcher(p.getFileName().toString());
            return m.matches() ? m.group(group) : "";
        }
    }

    /**
     * Reads a log back: the decisions of one customer, oldest first, from the rotated files and the current one.
     *
     * @param file       the log's current file, as given to {@link #toFile}
     * @param customerId the customer
     * @param date       only the decisions made on this date (in {@code zone}); empty for all
     * @param zone       the timezone of {@code date}
     * @return the decisions, in the order logged; unmodifiable, empty when none (or no log)
     * @throws NullPointerException when an argument is null
     * @throws UncheckedIOException when a file cannot be read
     * @throws JsonInputException   when a line is not a logged decision (naming its file and line)
     */
    public static List<Decision> read(Path file, String customerId, Optional<LocalDate> date, ZoneId zone) {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(zone, "zone");
        List<Decision> out = new ArrayList<>();
        try {
            List<Path> files = new ArrayList<>();
            if (Files.isDirectory(Objects.requireNonNull(file, "file").toAbsolutePath().getParent())) {
                files.addAll(Naming.of(file).rotated(file));
            }
            if (Files.exists(file)) {
                files.add(file);
            }
            String needle = "\"id\":" + quoted(customerId);
            for (Path f : files) {
                try (BufferedReader reader = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                    int number = 0;
                    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                        number++;
                        // A cheap filter before parsing: the customer id is the first field.
                        if (line.isBlank() || !line.contains(needle)) {
                            continue;
                        }
                        Decision d;
                        try {
                            d = JSON.readDecision(line);
                        } catch (JsonInputException e) {
                            throw new JsonInputException(f + ":" + number + ": " + e.getMessage(), e.diagnostics());
                        }
                        if (d.customerId().equals(customerId) && (date.isEmpty() || d.decidedAt()
                                .map(at -> LocalDate.ofInstant(at, zone).equals(date.get())).orElse(false))) {
                            out.add(d);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the decision log " + file + ": " + e.getMessage(), e);
        }
        return List.copyOf(out);
    }

    private static String quoted(String text) {
        // The same escaping as the writer's for the characters that matter in an id; others are rare in ids.
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /**
     * Closes the current file; later decisions are not logged. Idempotent.
     *
     * @throws IOException when the file cannot be closed
     */
    @Override
    public void close() throws IOException {
        synchronized (lock) {
            closed = true;
            if (writer != null) {
                writer.close();
                writer = null;
            }
        }
    }

    /** Builds a {@link DecisionLog}; not thread-safe. */
    public static final class Builder {
        private final Path file;
        private long maxFileBytes = 100L * 1024 * 1024;
        private int maxFiles = 30;
        private double sampleRate = 1;
        private boolean personalData;
        private ZoneId zone = ZoneId.of("Asia/Shanghai");
        private Clock clock = Clock.systemUTC();

        private Builder(Path file) {
            this.file = file;
        }

        /**
         * Rotates the file before it would pass this size.
         *
         * @param bytes the most bytes per file, at least 1,024 (default 100 MiB)
         * @return this builder
         * @throws IllegalArgumentException when {@code bytes} is less than 1,024
         */
        public Builder maxFileBytes(long bytes) {
            if (bytes < 1024) {
                throw new IllegalArgumentException("maxFileBytes must be at least 1024, got " + bytes);
            }
            this.maxFileBytes = bytes;
            return this;
        }

        /**
         * Keeps at most this many rotated files (the current one not counted); older ones are deleted.
         *
         * @param files 1 or more (default 30)
         * @return this builder
         * @throws IllegalArgumentException when {@code files} is less than 1
         */
        public Builder maxFiles(int files) {
            if (files < 1) {
                throw new IllegalArgumentException("maxFiles must be at least 1, got " + files);
            }
            this.maxFiles = files;
            return this;
        }

        /**
         * Logs the decisions of this share of customers.
         *
         * @param rate 0 to 1 (default 1: everyone), to a precision of 1/10,000
         * @return this builder
         * @throws IllegalArgumentException when {@code rate} is outside [0, 1]
         */
        public Builder sampleRate(double rate) {
            if (!(rate >= 0 && rate <= 1)) {
                throw new IllegalArgumentException("sampleRate must be between 0 and 1, got " + rate);
            }
            this.sampleRate = rate;
            return this;
        }

        /**
         * Keeps the rendered text in each line. Off by default: the text may hold the customer's name.
         *
         * @param keep whether to keep it
         * @return this builder
         */
        public Builder personalData(boolean keep) {
            this.personalData = keep;
            return this;
        }

        /**
         * The timezone whose midnight starts a new file: the pack's ({@link PackManifest#zone()}).
         *
         * @param zone the zone (default {@code Asia/Shanghai})
         * @return this builder
         * @throws NullPointerException when {@code zone} is null
         */
        public Builder zone(ZoneId zone) {
            this.zone = Objects.requireNonNull(zone, "zone");
            return this;
        }

        /**
         * The clock for decisions that carry no time of their own (built from parts).
         *
         * @param clock the clock (default the system's)
         * @return this builder
         * @throws NullPointerException when {@code clock} is null
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Makes the log. No file is opened before the first decision.
         *
         * @return the log
         */
        public DecisionLog build() {
            return new DecisionLog(this);
        }
    }
}

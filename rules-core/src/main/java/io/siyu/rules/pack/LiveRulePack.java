package io.siyu.rules.pack;

import io.siyu.rules.decision.Customer;
import io.siyu.rules.decision.Decision;
import io.siyu.rules.diagnostic.Diagnostic;
import io.siyu.rules.internal.i18n.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A rule pack that picks up edits of its files while it serves: the current {@link RulePack} is held in
 * an {@link AtomicReference}, and {@link #reload()} builds the next version from the pack's
 * {@link PackSource} and swaps it in atomically.
 *
 * <ul>
 *   <li>Decisions never wait for a build: building happens on the thread that calls {@code reload()} (or
 *       on the watcher's thread), while decisions keep running on the version they read.</li>
 *   <li>A decision runs entirely on the version it started with, and names it
 *       ({@link Decision#packVersion()}); {@link #decideAll} runs a whole batch on one version. Bump
 *       {@code version} in {@code pack.json} with every edit so that decisions tell versions apart.</li>
 *   <li>A broken edit is rejected with all its diagnostics — told to the {@link DecisionListener}s of the
 *       options ({@link DecisionListener#rejected}), logged at WARN, and kept in {@link #lastRejected()} — and
 *       the previous version keeps serving.</li>
 *   <li>{@link #watch(Duration)} starts one daemon thread that reloads a {@linkplain PackSource#directory(Path)
 *       directory} pack when its files change, after they have been quiet for the debounce delay;
 *       {@link #close()} stops it. Any other source is reloaded on demand ({@code reload()}).</li>
 *   <li>{@link #loadAsync} returns at once and builds the first version on a daemon thread: until it is
 *       built the pack is not {@linkplain #isReady() ready} (deciding throws {@link IllegalStateException}),
 *       so that a host can start and report "not ready" to its health check meanwhile.</li>
 * </ul>
 * Thread-safe: any thread may decide, reload, watch and close at any time; builds are serialised.
 * <pre>{@code
 * PackOptions options = PackOptions.builder().listener(metrics).build();
 * try (LiveRulePack live = LiveRulePack.load(PackSource.directory(dir), options)) {
 *     live.watch(Duration.ofMillis(500));
 *     Decision d = live.decide(customer);
 * }
 * }</pre>
 */
public final class LiveRulePack implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LiveRulePack.class);

    private final PackSource source;
    private final PackOptions options;
    private final Listeners listeners;
    /** The version serving; null until the first build succeeds. */
    private final AtomicReference<RulePack> current = new AtomicReference<>();
    private final AtomicReference<RulePackException> lastRejected = new AtomicReference<>();
    /** Released when the first build has finished, whether it succeeded or not. */
    private final CountDownLatch firstBuild = new CountDownLatch(1);
    /** Serialises builds: two reloads at once would race to decide which version wins. */
    private final Object reloadLock = new Object();
    private final AtomicReference<Watcher> watcher = new AtomicReference<>();

    private LiveRulePack(PackSource source, PackOptions options) {
        this.source = Objects.requireNonNull(source, "source");
        this.options = Objects.requireNonNull(options, "options");
        this.listeners = options.listenerGroup();
    }

    /**
     * Loads the pack in a directory and keeps it ready for reloading; the same as
     * {@code load(PackSource.directory(directory), options)}.
     *
     * @param directory the pack directory
     * @param options   how to load it (also used for every reload), with the listeners to tell
     * @return the live pack, serving the version just loaded
     * @throws NullPointerException when an argument is null
     * @throws RulePackException    when the pack cannot be loaded in the first place, listing every problem
     *                              (see {@link RulePack#load(PackSource, PackOptions)})
     */
    public static LiveRulePack load(Path directory, PackOptions options) {
        return load(PackSource.directory(directory), options);
    }

    /**
     * Loads a pack on the calling thread and keeps it ready for reloading. Nothing is watched until
     * {@link #watch(Duration)}. The listeners are told {@link DecisionListener#ready} before this returns.
     *
     * @param source  where the pack's files are (read again by every reload)
     * @param options how to load it (also used for every reload), with the listeners to tell
     * @return the live pack, serving the version just loaded
     * @throws NullPointerException when an argument is null
     * @throws RulePackException    when the pack cannot be loaded in the first place, listing every problem
     *                              (see {@link RulePack#load(PackSource, PackOptions)}); the listeners are not
     *                              told
     */
    public static LiveRulePack load(PackSource source, PackOptions options) {
        LiveRulePack live = new LiveRulePack(source, options);
        RulePack first = RulePack.load(source, options);
        live.current.set(first);
        live.firstBuild.countDown();
        live.listeners.ready(first);
        return live;
    }

    /**
     * Starts building a pack on a new daemon thread ({@code siyu-rule-pack-loader}) and returns at once, not
     * {@linkplain #isReady() ready}. When the build succeeds the pack serves and the listeners are told
     * {@link DecisionListener#ready}; when it fails the problems are kept in {@link #lastRejected()}, logged at
     * WARN and told to the listeners ({@link DecisionListener#rejected}), and the pack stays not ready until a
     * {@link #reload()} succeeds (a watched directory reloads by itself after the next edit).
     *
     * @param source  where the pack's files are (read again by every reload)
     * @param options how to load it (also used for every reload), with the listeners to tell
     * @return the live pack, not ready yet
     * @throws NullPointerException when an argument is null
     */
    public static LiveRulePack loadAsync(PackSource source, PackOptions options) {
        LiveRulePack live = new LiveRulePack(source, options);
        Thread loader = new Thread(() -> {
            try {
                live.build();
            } catch (RulePackException alreadyReported) {
                // Kept in lastRejected, logged and told to the listeners by build().
            } catch (RuntimeException e) {
                LOG.error("The first build of the rule pack from {} failed unexpectedly", source.name(), e);
            } finally {
                live.firstBuild.countDown();
            }
        }, "siyu-rule-pack-loader");
        loader.setDaemon(true);
        loader.start();
        return live;
    }

    /**
     * Whether a version serves: the first build has succeeded.
     *
     * @return true once a version serves (it stays true: later rejected reloads keep the previous version)
     */
    public boolean isReady() {
        return current.get() != null;
    }

    /**
     * Waits until the first build has finished, or the timeout has passed.
     *
     * @param timeout the longest to wait; zero or negative does not wait
     * @return whether the pack is ready: false when the timeout passed first, or when the first build failed
     *         (then {@link #lastRejected()} says why)
     * @throws NullPointerException when {@code timeout} is null
     * @throws InterruptedException when the waiting thread is interrupted
     */
    public boolean awaitReady(Duration timeout) throws InterruptedException {
        Objects.requireNonNull(timeout, "timeout");
        firstBuild.await(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS);
        return isReady();
    }

    /**
     * The problems of the last build that was rejected, while no build has succeeded since: what a health
     * check shows. A successful reload clears it.
     *
     * @return the rejected build's exception, with every diagnostic ({@link RulePackException#diagnostics()});
     *         empty when the last build succeeded
     */
    public Optional<RulePackException> lastRejected() {
        return Optional.ofNullable(lastRejected.get());
    }

    /**
     * Where the pack is read from.
     *
     * @return the source given to {@link #load(PackSource, PackOptions)} or {@link #loadAsync}
     */
    public PackSource source() {
        return source;
    }

    /**
     * The version serving now. Hold on to it to run several decisions on one version.
     *
     * @return the serving version
     * @throws IllegalStateException when the pack is not {@linkplain #isReady() ready} (its first build is
     *                               running, was rejected, or failed unexpectedly — logged at ERROR); the message
     *                               says which, in the options' locale
     */
    public RulePack current() {
        RulePack pack = current.get();
        if (pack == null) {
            Messages messages = Messages.of(PackManifest.MESSAGES, options.locale());
            RulePackException failed = lastRejected.get();
            if (failed != null) {
                throw new IllegalStateException(messages.format("live.not-ready-failed", source.name(),
                        failed.diagnostics().size()));
            }
            throw new IllegalStateException(messages.format(firstBuild.getCount() > 0 ? "live.not-ready"
                    : "live.not-ready-error", source.name()));
        }
        return pack;
    }

    /**
     * Decides for one customer on the version serving now; see {@link RulePack#decide(Customer)}.
     *
     * @param customer the customer to decide for
     * @return the decision, never null; {@link Decision#packVersion()} names the version that made it
     * @throws NullPointerException  when {@code customer} is null
     * @throws IllegalStateException when the pack is not {@linkplain #isReady() ready}
     * @throws io.siyu.rules.decision.DecisionException when a rule loops or throws for this customer, or the
     *         winning script cannot be rendered (as {@link RulePack#decide(Customer)})
     */
    public Decision decide(Customer customer) {
        return current().decide(customer);
    }

    /**
     * Decides for a batch, all on the version serving when the batch starts; see
     * {@link RulePack#decideAll(List)}.
     *
     * @param customers the customers; not null and without null elements (may be empty)
     * @return one decision per customer, in the same order; a new, unmodifiable list
     * @throws NullPointerException  when {@code customers} or one of its elements is null
     * @throws IllegalStateException when the pack is not {@linkplain #isReady() ready}
     */
    public List<Decision> decideAll(List<Customer> customers) {
        return current().decideAll(customers);
    }

    /**
     * Reads the pack's source again and, when the files are sound, makes them the serving version, then tells
     * the listeners ({@link DecisionListener#reloaded}, or {@link DecisionListener#ready} when no version
     * served yet). Builds on the calling thread; decisions keep running meanwhile. A concurrent build waits for
     * this one.
     *
     * @return the new serving version
     * @throws RulePackException when the files have errors: they are kept in {@link #lastRejected()}, logged
     *                           at WARN and told to the listeners ({@link DecisionListener#rejected}), and the
     *                           previous version (if any) keeps serving
     */
    public RulePack reload() {
        return build();
    }

    private RulePack build() {
        synchronized (reloadLock) {
            RulePack previous = current.get();
            RulePack next;
            try {
                next = RulePack.load(source, options);
            } catch (RulePackException e) {
                lastRejected.set(e);
                LOG.warn("Rule pack from {} rejected{}: {}", source.name(),
                        previous == null ? ", nothing serves" : "; version " + previous.version() + " keeps serving",
                        e.diagnostics().stream().map(Diagnostic::format)
                                .collect(Collectors.joining("\n  ", e.diagnostics().size() + " problem(s):\n  ", "")));
                listeners.rejected(e);
                throw e;
            }
            current.set(next);
            lastRejected.set(null);
            if (previous == null) {
                LOG.info("Rule pack {} version {} from {} is ready", next.id(), next.version(), source.name());
                listeners.ready(next);
            } else {
                LOG.info("Rule pack {} reloaded: version {} replaces {}", next.id(), next.version(),
                        previous.version());
                listeners.reloaded(previous, next);
            }
            return next;
        }
    }

    /**
     * Starts watching the pack directory (and every folder under it) on one daemon thread: after a change,
     * once no file has changed for {@code debounce}, the pack is reloaded. Rejected edits are handled as by
     * {@link #reload()}; the watcher goes on. Calling it again while watching does nothing; after
     * {@link #close()} it starts a new watcher.
     *
     * @param debounce how long the files must be quiet before a reload, so that an editor's save of several
     *                 files counts as one edit; zero or more
     * @throws NullPointerException     when {@code debounce} is null
     * @throws IllegalArgumentException when {@code debounce} is negative
     * @throws IllegalStateException    when the source is not a directory ({@link PackSource#directory()} is
     *                                  empty): reload such a pack with {@link #reload()}
     * @throws UncheckedIOException     when the directory cannot be watched
     */
    public void watch(Duration debounce) {
        Objects.requireNonNull(debounce, "debounce");
        if (debounce.isNegative()) {
            throw new IllegalArgumentException("debounce must not be negative, got " + debounce);
        }
        Path directory = source.directory().orElseThrow(() -> new IllegalStateException("only a directory can be"
                + " watched; " + source.name() + " is not one: call reload() when it changes"));
        synchronized (watcher) {
            if (watcher.get() != null) {
                return;
            }
            try {
                Watcher w = new Watcher(directory, directory.getFileSystem().newWatchService(), debounce);
                w.registerAll();
                watcher.set(w);
                w.thread.start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot watch " + directory, e);
            }
        }
    }

    /**
     * Stops the watcher, if any, and waits up to 5 seconds for its thread to end. The pack keeps serving
     * and can still be reloaded by hand; closing again does nothing. A first build of {@link #loadAsync} that
     * is still running finishes (on its daemon thread).
     */
    @Override
    public void close() {
        Watcher w = watcher.getAndSet(null);
        if (w != null) {
            w.stop();
        }
    }

    @Override
    public String toString() {
        RulePack pack = current.get();
        return "LiveRulePack[" + source.name() + ", " + (pack == null ? "not ready" : pack.id() + " " + pack.version())
                + "]";
    }

    /** Watches the pack directory on its own daemon thread. */
    private final class Watcher implements Runnable {
        private final Path directory;
        private final WatchService service;
        private final long debounceNanos;
        private final Thread thread;

        Watcher(Path directory, WatchService service, Duration debounce) {
            this.directory = directory;
            this.service = service;
            this.debounceNanos = debounce.toNanos();
            this.thread = new Thread(this, "siyu-rule-pack-watcher");
            this.thread.setDaemon(true);
        }

        /** Registers the pack directory and every folder under it (again, after folders were added). */
        void registerAll() throws IOException {
            try (Stream<Path> dirs = Files.walk(directory)) {
                for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                    dir.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                            StandardWatchEventKinds.ENTRY_DELETE);
                }
            }
        }

        @Override
        public void run() {
            try {
                while (true) {
                    drain(service.take());
                    // Debounce: wait until nothing has changed for the whole delay.
                    WatchKey more;
                    while ((more = service.poll(debounceNanos, TimeUnit.NANOSECONDS)) != null) {
                        drain(more);
                    }
                    registerAll();
                    reloadQuietly();
                }
            } catch (ClosedWatchServiceException | InterruptedException stopped) {
                // close() was called: the thread ends.
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                LOG.warn("Stopped watching rule pack directory {}", directory, e);
            }
        }

        private void drain(WatchKey key) {
            key.pollEvents();
            key.reset();
        }

        private void reloadQuietly() {
            try {
                build();
            } catch (RulePackException rejected) {
                // Already logged, kept and told to the listeners by build(); the previous version keeps serving.
            } catch (RuntimeException e) {
                LOG.warn("Rule pack reload from {} failed", directory, e);
            }
        }

        void stop() {
            try {
                service.close();
            } catch (IOException e) {
                LOG.warn("Could not close the watch service of {}", directory, e);
            }
            thread.interrupt();
            try {
                thread.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

package io.siyu.rules.pack;

import io.siyu.rules.decision.Customer;
import io.siyu.rules.decision.Decision;
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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * A rule pack that picks up edits of its files while it serves: the current {@link RulePack} is held in
 * an {@link AtomicReference}, and {@link #reload()} builds the next version from the directory and swaps
 * it in atomically.
 *
 * <ul>
 *   <li>Decisions never wait for a build: building happens on the thread that calls {@code reload()} (or
 *       on the watcher's thread), while decisions keep running on the version they read.</li>
 *   <li>A decision runs entirely on the version it started with, and names it
 *       ({@link Decision#packVersion()}); {@link #decideAll} runs a whole batch on one version. Bump
 *       {@code version} in {@code pack.json} with every edit so that decisions tell versions apart.</li>
 *   <li>A broken edit is rejected with all its diagnostics ({@link ReloadListener#rejected}) and the
 *       previous version keeps serving.</li>
 *   <li>{@link #watch(Duration)} starts one daemon thread that reloads when files in the pack change,
 *       after they have been quiet for the debounce delay; {@link #close()} stops it.</li>
 * </ul>
 * Thread-safe: any thread may decide, reload, watch and close at any time; reloads are serialised.
 * <pre>{@code
 * try (LiveRulePack live = LiveRulePack.load(dir, PackOptions.defaults(), listener)) {
 *     live.watch(Duration.ofMillis(500));
 *     Decision d = live.decide(customer);
 * }
 * }</pre>
 */
public final class LiveRulePack implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LiveRulePack.class);

    private final Path directory;
    private final PackOptions options;
    private final List<ReloadListener> listeners;
    private final AtomicReference<RulePack> current;
    /** Serialises builds: two reloads at once would race to decide which version wins. */
    private final Object reloadLock = new Object();
    private final AtomicReference<Watcher> watcher = new AtomicReference<>();

    private LiveRulePack(Path directory, PackOptions options, List<ReloadListener> listeners, RulePack first) {
        this.directory = directory;
        this.options = options;
        this.listeners = listeners;
        this.current = new AtomicReference<>(first);
    }

    /**
     * Loads the pack in a directory and keeps it ready for reloading. Nothing is watched until
     * {@link #watch(Duration)}.
     *
     * @param directory the pack directory
     * @param options   how to load it (also used for every reload)
     * @param listeners told about every later reload and rejected edit, in this order (none is told
     *                  about this first load); may be empty
     * @return the live pack, serving the version just loaded
     * @throws NullPointerException when an argument or one of the listeners is null
     * @throws RulePackException    when the pack cannot be loaded in the first place, listing every problem
     *                              (see {@link RulePack#load(Path, PackOptions)})
     */
    public static LiveRulePack load(Path directory, PackOptions options, ReloadListener... listeners) {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(options, "options");
        List<ReloadListener> copy = List.of(Objects.requireNonNull(listeners, "listeners"));
        return new LiveRulePack(directory, options, copy, RulePack.load(directory, options));
    }

    /**
     * The version serving now. Hold on to it to run several decisions on one version.
     *
     * @return the serving version
     */
    public RulePack current() {
        return current.get();
    }

    /**
     * Decides for one customer on the version serving now; see {@link RulePack#decide(Customer)}.
     *
     * @param customer the customer to decide for
     * @return the decision, never null; {@link Decision#packVersion()} names the version that made it
     * @throws NullPointerException when {@code customer} is null
     * @throws io.siyu.rules.decision.DecisionException when a rule loops or throws for this customer, or the
     *         winning script cannot be rendered (as {@link RulePack#decide(Customer)})
     */
    public Decision decide(Customer customer) {
        return current.get().decide(customer);
    }

    /**
     * Decides for a batch, all on the version serving when the batch starts; see
     * {@link RulePack#decideAll(List)}.
     *
     * @param customers the customers; not null and without null elements (may be empty)
     * @return one decision per customer, in the same order; a new, unmodifiable list
     * @throws NullPointerException when {@code customers} or one of its elements is null
     */
    public List<Decision> decideAll(List<Customer> customers) {
        return current.get().decideAll(customers);
    }

    /**
     * Loads the pack's files again and, when they are sound, makes them the serving version, then tells
     * the listeners. Builds on the calling thread; decisions keep running meanwhile. A concurrent reload
     * waits for this one.
     *
     * @return the new serving version
     * @throws RulePackException when the files have errors: the listeners were told
     *                           ({@link ReloadListener#rejected}) and the previous version keeps serving
     * @throws RuntimeException  whatever a listener throws (the remaining listeners are not called; after
     *                           a successful load the new version serves all the same)
     */
    public RulePack reload() {
        synchronized (reloadLock) {
            RulePack previous = current.get();
            RulePack next;
            try {
                next = RulePack.load(directory, options);
            } catch (RulePackException e) {
                for (ReloadListener l : listeners) {
                    l.rejected(e);
                }
                throw e;
            }
            current.set(next);
            LOG.info("Rule pack {} reloaded: version {} replaces {}", next.id(), next.version(), previous.version());
            for (ReloadListener l : listeners) {
                l.reloaded(previous, next);
            }
            return next;
        }
    }

    /**
     * Starts watching the pack directory (and every folder under it) on one daemon thread: after a change,
     * once no file has changed for {@code debounce}, the pack is reloaded. Rejected edits go to the
     * listeners; the watcher logs them and goes on. Calling it again while watching does nothing; after
     * {@link #close()} it starts a new watcher.
     *
     * @param debounce how long the files must be quiet before a reload, so that an editor's save of several
     *                 files counts as one edit; zero or more
     * @throws NullPointerException     when {@code debounce} is null
     * @throws IllegalArgumentException when {@code debounce} is negative
     * @throws UncheckedIOException     when the directory cannot be watched
     */
    public void watch(Duration debounce) {
        Objects.requireNonNull(debounce, "debounce");
        if (debounce.isNegative()) {
            throw new IllegalArgumentException("debounce must not be negative, got " + debounce);
        }
        synchronized (watcher) {
            if (watcher.get() != null) {
                return;
            }
            try {
                Watcher w = new Watcher(directory.getFileSystem().newWatchService(), debounce);
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
     * and can still be reloaded by hand; closing again does nothing.
     */
    @Override
    public void close() {
        Watcher w = watcher.getAndSet(null);
        if (w != null) {
            w.stop();
        }
    }

    /** Watches the pack directory on its own daemon thread. */
    private final class Watcher implements Runnable {
        private final WatchService service;
        private final long debounceNanos;
        private final Thread thread;

        Watcher(WatchService service, Duration debounce) {
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
                reload();
            } catch (RulePackException rejected) {
                // Already handed to the listeners; the previous version keeps serving.
                LOG.warn("Rule pack edit in {} rejected: {} problem(s)", directory, rejected.diagnostics().size());
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

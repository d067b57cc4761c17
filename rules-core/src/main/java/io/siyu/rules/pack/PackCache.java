package io.siyu.rules.pack;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The compiled-pack cache: one directory per pack content ({@link CompiledPack#key}: the sources' SHA-256s,
 * the library and Drools versions, the allowed classes), holding the compiled part of that pack (the same
 * files a compiled pack has in {@value CompiledPack#FOLDER}, without the sources). A load whose key is there
 * skips compiling; a load that compiled stores its result, so that restarting or reloading an unchanged pack is
 * fast.
 *
 * <p>Entries hold class files the JVM will run, so the directory must be the application's alone: it is made
 * readable by its owner only, and on a POSIX file system a directory that another user owns, or that others may
 * write to, is not used (logged once at WARN). Entries are written to a temporary directory and moved into place
 * in one step, so that a reader never sees half an entry and two writers do not collide; at most
 * {@value #MAX_ENTRIES} entries are kept, the least recently used removed first.
 *
 * <p>Making an entry needs the executable model: a load in that mode stores its own result at once; a classic
 * load (the default, faster to build) hands the executable-model build to one background thread of low priority
 * (at most one waiting build; a JVM that exits first simply stores nothing). Thread-safe.
 */
final class PackCache {
    private static final Logger LOG = LoggerFactory.getLogger(PackCache.class);
    /** The most entries kept. */
    static final int MAX_ENTRIES = 64;
    private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);

    private final Path directory;
    private final ThreadPoolExecutor background = new ThreadPoolExecutor(0, 1, 10, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(1), r -> {
                Thread t = new Thread(r, "siyu-rules compiled-pack cache");
                t.setDaemon(true);
                t.setPriority(Thread.MIN_PRIORITY);
                return t;
            }, new ThreadPoolExecutor.DiscardPolicy());
    private volatile Boolean usable;

    PackCache(Path directory) {
        this.directory = directory.toAbsolutePath().normalize();
    }

    /** The cache directory. */
    Path directory() {
        return directory;
    }

    /** The entry of a key, as a pack source, if there is a complete one. */
    Optional<PackSource> lookup(String key) {
        if (!usable()) {
            return Optional.empty();
        }
        Path entry = directory.resolve(key);
        if (!Files.isRegularFile(entry.resolve(CompiledPack.MANIFEST))) {
            return Optional.empty();
        }
        try {
            Files.setLastModifiedTime(entry, FileTime.fromMillis(System.currentTimeMillis()));
        } catch (IOException e) {
            // Only the eviction order suffers.
        }
        return Optional.of(PackSource.directory(entry));
    }

    /** Stores an entry now (the files of a compiled part); a failure is logged, never thrown. */
    void store(String key, Map<String, byte[]> compiledPart) {
        if (!usable()) {
            return;
        }
        Path entry = directory.resolve(key);
        if (Files.isDirectory(entry)) {
            return;
        }
        Path tmp = directory.resolve(".tmp-" + UUID.randomUUID());
        try {
            CompiledPack.write(tmp, compiledPart);
            try {
                Files.move(tmp, entry, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, entry);
            }
            evict();
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException anotherWriterWasFirst) {
            // The same content, stored by another load.
        } catch (IOException | RuntimeException e) {
            LOG.warn("siyu-rules: cannot store a compiled pack in {}: {}", directory, e.toString());
        } finally {
            deleteQuietly(tmp);
        }
    }

    /**
     * Stores an entry later, on the cache's background thread: {@code build} makes the compiled part (an
     * executable-model build). Dropped when a build is already waiting.
     */
    void storeLater(String key, Supplier<Optional<Map<String, byte[]>>> build) {
        if (!usable() || Files.isDirectory(directory.resolve(key))) {
            return;
        }
        try {
            background.execute(() -> {
                try {
                    build.get().ifPresent(part -> store(key, part));
                } catch (RuntimeException | LinkageError e) {
                    LOG.warn("siyu-rules: cannot build a compiled pack for the cache in {}: {}", directory,
                            e.toString());
                }
            });
        } catch (RejectedExecutionException e) {
            // Discarded by policy; never thrown with DiscardPolicy, kept for clarity.
        }
    }

    /** Whether the directory can be used: made if missing, private to this user. Decided once. */
    private boolean usable() {
        Boolean u = usable;
        if (u == null) {
            u = check();
            usable = u;
        }
        return u;
    }

    private boolean check() {
        try {
            boolean posix = directory.getFileSystem().supportedFileAttributeViews().contains("posix");
            if (!Files.isDirectory(directory)) {
                if (posix) {
                    Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                } else {
                    Files.createDirectories(directory);
                }
            }
            if (posix) {
                String owner = Files.getOwner(directory, LinkOption.NOFOLLOW_LINKS).getName();
                Set<PosixFilePermission> perms = Files.getPosixFilePermissions(directory, LinkOption.NOFOLLOW_LINKS);
                if (!owner.equals(System.getProperty("user.name")) || perms.contains(PosixFilePermission.GROUP_WRITE)
                        || perms.contains(PosixFilePermission.OTHERS_WRITE)) {
                    LOG.warn("siyu-rules: the compiled-pack cache {} is not used: it must belong to {} and be writable "
                            + "by its owner only (it holds classes the application runs)", directory,
                            System.getProperty("user.name"));
                    return false;
                }
            }
            return Files.isWritable(directory);
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            LOG.warn("siyu-rules: the compiled-pack cache {} is not used: {}", directory, e.toString());
            return false;
        }
    }

    /** Keeps the {@value #MAX_ENTRIES} most recently used entries. */
    private void evict() throws IOException {
        List<Path> entries;
        try (Stream<Path> all = Files.list(directory)) {
            // Only folders this cache made: named by a key, holding a compiled part. The directory may be one the
            // user also keeps other things in; nothing else in it is ever touched.
            entries = new ArrayList<>(all.filter(PackCache::isEntry).toList());
        }
        if (entries.size() <= MAX_ENTRIES) {
            return;
        }
        entries.sort(Comparator.comparing(PackCache::lastUsed));
        for (Path old : entries.subList(0, entries.size() - MAX_ENTRIES)) {
            deleteQuietly(old);
        }
    }

    /** Whether a path is an entry of the cache: a key's name (64 hex digits) and a compiled part inside. */
    static boolean isEntry(Path path) {
        return path.getFileName().toString().matches("[0-9a-f]{64}") && Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)
                && Files.isRegularFile(path.resolve(CompiledPack.MANIFEST), LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * Removes an entry that could not be used (a damaged file, a part of another format): the load that found it
     * compiles the pack and stores it again, instead of every later load compiling it.
     */
    void discard(String key) {
        Path entry = directory.resolve(key);
        if (usable() && isEntry(entry)) {
            LOG.warn("siyu-rules: a compiled pack in the cache at {} could not be used and was removed; it is stored "
                    + "again", entry);
            deleteQuietly(entry);
        }
    }

    private static FileTime lastUsed(Path entry) {
        try {
            return Files.getLastModifiedTime(entry);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private static void deleteQuietly(Path path) {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> all = Files.walk(path)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            LOG.debug("siyu-rules: cannot delete {}: {}", path, e.toString());
        }
    }
}

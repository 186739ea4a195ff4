package dev.packinspector.mount;

import dev.packinspector.catalog.ManifestEntry;
import dev.packinspector.catalog.Snapshot;
import dev.packinspector.restore.SnapshotFiles;
import dev.packinspector.store.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.cryptomator.jfuse.api.Fuse;
import org.cryptomator.jfuse.api.FuseMountFailedException;

/**
 * A store mounted read-only at a folder through FUSE ({@link StoreFileSystem} over a
 * {@link MountTree} of its snapshots, or of one). The store is opened read-only, as everywhere, and
 * looked at every {@link #REFRESH_SECONDS} seconds: snapshots chkpt saves meanwhile appear.
 * Closing unmounts and closes it; so does the process ending without closing it.
 */
public final class StoreMount implements AutoCloseable {
    /** How often the store is looked at for new snapshots. */
    static final int REFRESH_SECONDS = 2;

    private final Path point;
    private final Fuse fuse;
    private final LiveStore store;
    private final StoreFileSystem fs;
    private final Snapshot only;
    private final Consumer<String> problems;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
    /** Unmounts when the process ends (SIGTERM, Ctrl-C, exit) without having closed the mount. */
    private final Thread atExit = new Thread(this::closeAtExit, "pack-inspector-unmount-at-exit");
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "pack-inspector-mount-refresh");
        t.setDaemon(true);
        return t;
    });

    private StoreMount(Path point, Fuse fuse, LiveStore store, StoreFileSystem fs, Snapshot only, Consumer<String> problems) {
        this.point = point;
        this.fuse = fuse;
        this.store = store;
        this.fs = fs;
        this.only = only;
        this.problems = problems;
    }

    /**
     * Mounts the snapshots of the store at {@code store} (only {@code snapshotRef}'s, at the mount
     * point itself, when it is not null) at {@code point}, an empty folder; {@code problems} hears of
     * files that cannot be read, and of rows left out (names the restore rule refuses).
     *
     * @throws IllegalArgumentException if the mount point is not an empty folder
     * @throws IOException if FUSE is missing or refuses the mount (the message says which)
     */
    public static StoreMount mount(Path store, Path point, String snapshotRef, Consumer<String> problems) throws IOException {
        requireEmptyFolder(point);
        if (!Files.exists(Path.of("/dev/fuse"))) {
            throw new IOException("FUSE is not available: there is no /dev/fuse (load the fuse module, or run where FUSE is allowed)");
        }
        if (!Files.isReadable(Path.of("/dev/fuse")) || !Files.isWritable(Path.of("/dev/fuse"))) {
            throw new IOException("FUSE is not available to this user: /dev/fuse cannot be opened (permission denied; it is usually open to all)");
        }
        LiveStore live = LiveStore.open(store);
        try {
            Snapshot only = snapshotRef == null ? null : live.current().catalog.resolve(snapshotRef);
            MountTree tree = tree(live, only, problems, null);
            Fuse fuse;
            StoreFileSystem fs;
            try {
                var builder = Fuse.builder();
                builder.setLibraryPath(libfuse());
                fs = new StoreFileSystem(builder.errno(), live, tree, uid(), gid(), problems);
                fuse = builder.build(fs);
            } catch (RuntimeException | LinkageError e) {
                throw new IOException("FUSE is not available: cannot load libfuse3 (install the fuse3 package): " + e.getMessage(), e);
            }
            var mount = new StoreMount(point, fuse, live, fs, only, problems);
            // registered before the kernel mount exists: a process ended by a signal at any moment after it unmounts
            Runtime.getRuntime().addShutdownHook(mount.atExit);
            try {
                // a snapshot never changes, so the kernel may keep what it read across opens, and names and sizes for a minute
                // (a new snapshot still shows at once: names not found are not kept)
                fuse.mount("pack-inspector", point, "-oro", "-ofsname=pack-inspector", "-osubtype=chkpt", "-okernel_cache",
                        "-oentry_timeout=60", "-oattr_timeout=60");
            } catch (FuseMountFailedException e) {
                mount.forgetHook();
                throw new IOException("FUSE refused to mount at " + point + " (permission denied, or fusermount3 missing?): " + e.getMessage(), e);
            }
            if (only == null) {
                mount.refresher.scheduleWithFixedDelay(mount::refreshQuietly, REFRESH_SECONDS, REFRESH_SECONDS, TimeUnit.SECONDS);
            }
            return mount;
        } catch (IOException | RuntimeException e) {
            live.close();
            throw e;
        }
    }

    private static MountTree tree(LiveStore live, Snapshot only, Consumer<String> problems, MountTree before) {
        return new MountTree(live.current().snapshots, s -> rows(live, s, problems), only, problems, before);
    }

    private static List<ManifestEntry> rows(LiveStore live, Snapshot s, Consumer<String> problems) {
        LiveStore.Opening from = live.hold();
        try {
            return SnapshotFiles.of(from.catalog, from.trees, s);
        } catch (StoreException e) {
            problems.accept("cannot list snapshot " + MountTree.nameOf(s) + ", so its folder is empty: " + e.getMessage());
            return List.of();
        } finally {
            from.release();
        }
    }

    /**
     * Looks at the store now: if chkpt saved (or removed) snapshots since, the mount shows them.
     *
     * @return true if the store had changed
     * @throws StoreException if the changed store cannot be read now (the mount goes on showing what it did)
     */
    public boolean refresh() throws StoreException {
        if (only != null) {
            return false;
        }
        synchronized (fs) {
            if (!store.refresh()) {
                return false;
            }
            fs.show(tree(store, null, problems, fs.tree()));
            return true;
        }
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (StoreException | RuntimeException e) {
            // chkpt may be in the middle of a save: the next look tries again
        }
    }

    /** libfuse3: where {@code -Dpackinspector.libfuse} says, else where Debian and most distributions keep it. */
    private static String libfuse() {
        String chosen = System.getProperty("packinspector.libfuse");
        if (chosen != null && !chosen.isBlank()) {
            return chosen;
        }
        for (String p : List.of("/usr/lib/x86_64-linux-gnu/libfuse3.so.3", "/usr/lib/aarch64-linux-gnu/libfuse3.so.3", "/usr/lib64/libfuse3.so.3",
                "/usr/lib/libfuse3.so.3", "/lib/x86_64-linux-gnu/libfuse3.so.3")) {
            if (Files.exists(Path.of(p))) {
                return p;
            }
        }
        return "libfuse3.so.3";
    }

    /**
     * Refuses a mount point that is not an empty folder.
     *
     * @throws IllegalArgumentException saying why
     */
    public static void requireEmptyFolder(Path point) throws IOException {
        if (!Files.isDirectory(point, LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalArgumentException("the mount point " + point + " is not a folder");
        }
        try (Stream<Path> in = Files.list(point)) {
            if (in.findAny().isPresent()) {
                throw new IllegalArgumentException("the mount point " + point + " is not empty");
            }
        }
    }

    private static int uid() throws IOException {
        return ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).intValue();
    }

    private static int gid() throws IOException {
        return ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:gid")).intValue();
    }

    public Path point() {
        return point;
    }

    /** True while the mount point is still mounted (false once unmounted from outside, with fusermount3 -u). */
    public boolean mounted() {
        return isMounted(point);
    }

    /** True if a file system is mounted at {@code point} (this process's mount table). */
    public static boolean isMounted(Path point) {
        try {
            String target = point.toRealPath().toString();
            return Files.readAllLines(Path.of("/proc/self/mountinfo")).stream().map(l -> l.split(" "))
                    .anyMatch(f -> f.length > 4 && f[4].replace("\\040", " ").equals(target));
        } catch (IOException e) {
            return false;
        }
    }

    private void closeAtExit() {
        try {
            close();
        } catch (IOException e) {
            System.err.println("pack-inspector: " + e.getMessage());
        }
    }

    private void forgetHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(atExit);
        } catch (IllegalStateException e) {
            // the process is ending: the hook runs, and finds nothing mounted to close
        }
    }

    /** Unmounts (if still mounted) and closes the store; once (later calls do nothing). */
    @Override
    public void close() throws IOException {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (Thread.currentThread() != atExit) {
            forgetHook();
        }
        refresher.shutdownNow();
        try {
            fuse.close();
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IOException("the mount at " + point + " did not unmount in time", e);
        } finally {
            fs.releaseAll();
            store.close();
        }
    }
}

package dev.packinspector.mount;

import dev.packinspector.catalog.Catalog;
import dev.packinspector.catalog.ManifestEntry;
import dev.packinspector.catalog.Snapshot;
import dev.packinspector.restore.SnapshotFiles;
import dev.packinspector.store.PackSet;
import dev.packinspector.store.StoreException;
import dev.packinspector.store.tree.TreeStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.cryptomator.jfuse.api.Fuse;
import org.cryptomator.jfuse.api.FuseMountFailedException;

/**
 * A store mounted read-only at a folder through FUSE ({@link StoreFileSystem} over a
 * {@link MountTree} of its snapshots, or of one). The store is opened read-only, as everywhere;
 * closing unmounts and closes it.
 */
public final class StoreMount implements AutoCloseable {
    private final Path point;
    private final Fuse fuse;
    private final PackSet packs;
    private final Catalog catalog;
    private final TreeStore trees;

    private StoreMount(Path point, Fuse fuse, PackSet packs, Catalog catalog, TreeStore trees) {
        this.point = point;
        this.fuse = fuse;
        this.packs = packs;
        this.catalog = catalog;
        this.trees = trees;
    }

    /**
     * Mounts the snapshots of the store at {@code store} (only {@code snapshotRef}'s, at the mount
     * point itself, when it is not null) at {@code point}, an empty folder; {@code problems} hears of
     * files that cannot be read.
     *
     * @throws IllegalArgumentException if the mount point is not an empty folder
     * @throws IOException if FUSE is missing or refuses the mount (the message says which)
     */
    public static StoreMount mount(Path store, Path point, String snapshotRef, Consumer<String> problems) throws IOException {
        requireEmptyFolder(point);
        if (!Files.exists(Path.of("/dev/fuse"))) {
            throw new IOException("FUSE is not available: there is no /dev/fuse (load the fuse module, or run where FUSE is allowed)");
        }
        PackSet packs = PackSet.open(store);
        Catalog catalog = null;
        TreeStore trees = null;
        try {
            catalog = Catalog.open(store).orElseThrow(() -> new StoreException(dev.packinspector.store.ProblemKind.UNREADABLE, store,
                    StoreException.NO_OFFSET, "has no catalog.sqlite, so it has no snapshots to mount"));
            trees = TreeStore.open(store);
            Catalog c = catalog;
            TreeStore t = trees;
            List<Snapshot> snapshots = catalog.snapshots();
            Snapshot only = snapshotRef == null ? null : catalog.resolve(snapshotRef);
            var tree = new MountTree(snapshots, s -> rows(c, t, s), only);
            Fuse fuse;
            try {
                var builder = Fuse.builder();
                builder.setLibraryPath(libfuse());
                fuse = builder.build(new StoreFileSystem(builder.errno(), tree, packs, uid(), gid(), problems));
            } catch (RuntimeException | LinkageError e) {
                throw new IOException("FUSE is not available: cannot load libfuse3 (install the fuse3 package): " + e.getMessage(), e);
            }
            try {
                fuse.mount("pack-inspector", point, "-oro", "-ofsname=pack-inspector", "-osubtype=chkpt");
            } catch (FuseMountFailedException e) {
                throw new IOException("FUSE refused to mount at " + point + " (permission denied, or fusermount3 missing?): " + e.getMessage(), e);
            }
            return new StoreMount(point, fuse, packs, catalog, trees);
        } catch (IOException | RuntimeException e) {
            closeQuietly(packs, catalog, trees);
            throw e;
        }
    }

    private static List<ManifestEntry> rows(Catalog catalog, TreeStore trees, Snapshot s) {
        try {
            return SnapshotFiles.of(catalog, trees, s);
        } catch (StoreException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where Debian and most distributions keep libfuse3. */
    private static String libfuse() {
        for (String p : List.of("/usr/lib/x86_64-linux-gnu/libfuse3.so.3", "/usr/lib/aarch64-linux-gnu/libfuse3.so.3", "/usr/lib64/libfuse3.so.3",
                "/usr/lib/libfuse3.so.3", "/lib/x86_64-linux-gnu/libfuse3.so.3")) {
            if (Files.exists(Path.of(p))) {
                return p;
            }
        }
        return "libfuse3.so.3";
    }

    private static void requireEmptyFolder(Path point) throws IOException {
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
        try {
            String target = point.toRealPath().toString();
            return Files.readAllLines(Path.of("/proc/self/mountinfo")).stream().map(l -> l.split(" "))
                    .anyMatch(f -> f.length > 4 && f[4].replace("\\040", " ").equals(target));
        } catch (IOException e) {
            return false;
        }
    }

    /** Unmounts (if still mounted) and closes the store. */
    @Override
    public void close() throws IOException {
        try {
            fuse.close();
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IOException("the mount at " + point + " did not unmount in time", e);
        } finally {
            closeQuietly(packs, catalog, trees);
        }
    }

    private static void closeQuietly(PackSet packs, Catalog catalog, TreeStore trees) {
        if (trees != null) {
            trees.close();
        }
        if (catalog != null) {
            try {
                catalog.close();
            } catch (StoreException e) {
                // it was only read
            }
        }
        packs.close();
    }
}

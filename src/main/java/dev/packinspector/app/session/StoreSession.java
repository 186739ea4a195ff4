package dev.packinspector.app.session;

import dev.packinspector.app.common.Format;
import dev.packinspector.app.common.Tasks;
import dev.packinspector.catalog.Catalog;
import dev.packinspector.catalog.Snapshot;
import dev.packinspector.store.PackSet;
import dev.packinspector.store.StoreException;
import dev.packinspector.store.StoreFiles;
import dev.packinspector.store.tree.TreeStore;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An open store as the window shows it: its packs, its catalog (absent for a bare packs folder),
 * its snapshots, the content bytes the catalog records per pack, its other files and its tree pack. Opened off the FX thread;
 * immutable afterwards; refresh by opening again. Work that must finish though the window moves on
 * to another store (a restore) {@linkplain #hold() holds} it: it closes when the last hold ends.
 */
public record StoreSession(Path path, PackSet packs, Optional<Catalog> catalog, List<Snapshot> snapshots, Map<String, Long> contentBytesByPack,
        String catalogProblem, List<StoreFiles.Entry> storeFiles, TreeStore trees, Holds holds) implements AutoCloseable {

    /** A hold on an open store; closing it lets the store close. */
    public interface Hold extends AutoCloseable {
        @Override
        void close();
    }

    public static StoreSession open(Path path) throws StoreException {
        PackSet packs = PackSet.open(path);
        Optional<Catalog> catalog = Optional.empty();
        List<Snapshot> snapshots = List.of();
        Map<String, Long> content = new HashMap<>();
        String problem = null;
        try {
            catalog = Catalog.open(path);
            if (catalog.isPresent()) {
                snapshots = catalog.get().snapshots();
                catalog.get().forEachBlob(row -> {
                    if (row.packHash() != null) {
                        content.merge(row.packHash(), row.size(), Long::sum);
                    }
                });
            }
        } catch (StoreException e) {
            problem = e.getMessage();
            catalog.ifPresent(StoreSession::closeQuietly);
            catalog = Optional.empty();
        }
        packs.entryCount();
        List<StoreFiles.Entry> files;
        try {
            files = StoreFiles.of(path);
        } catch (java.io.IOException e) {
            files = List.of(new StoreFiles.Entry(path.toString(), -1, "cannot be listed: " + e.getMessage()));
        }
        return new StoreSession(path, packs, catalog, snapshots, Map.copyOf(content), problem, files, TreeStore.open(path), new Holds());
    }

    private static void closeQuietly(Catalog c) {
        try {
            c.close();
        } catch (StoreException ignored) {
            // the catalog was unusable anyway
        }
    }

    public String title() {
        return path.getFileName() == null ? path.toString() : path.getFileName().toString();
    }

    /** The store in one line: packs, objects, bytes on disk, content and ratio. */
    public String totals() {
        long data = packs.packs().stream().mapToLong(p -> Math.max(0, p.dataBytes())).sum();
        long content = contentBytesByPack.values().stream().mapToLong(Long::longValue).sum();
        return Format.count(packs.packs().size(), "pack") + " · " + Format.count(packs.entryCount(), "object") + " · " + Format.bytes(data)
                + " on disk" + (content > 0 ? " · " + Format.bytes(content) + " content · ratio "
                + String.format(java.util.Locale.ROOT, "%.2f", (double) content / Math.max(1, data)) : "");
    }

    /**
     * Keeps this store open until the hold is closed, even if the window closes it meanwhile. Take
     * it on the FX thread before the work starts; close it when the work has ended.
     *
     * @throws IllegalStateException if the store is closed already
     */
    public Hold hold() {
        if (!holds.take()) {
            throw new IllegalStateException("the store " + path + " is closed");
        }
        var released = new java.util.concurrent.atomic.AtomicBoolean();
        return () -> {
            if (released.compareAndSet(false, true) && holds.release()) {
                closeNow();
            }
        };
    }

    /** {@code work} on this store, which it holds open from now until the work has ended (call on the FX thread). */
    public <T> Tasks.Work<T> holding(Tasks.Work<T> work) {
        return holding(hold(), work);
    }

    /** {@code work}, then {@code hold} released, whichever way the work ends. */
    public static <T> Tasks.Work<T> holding(Hold hold, Tasks.Work<T> work) {
        return p -> {
            try (hold) {
                return work.call(p);
            }
        };
    }

    /** Closes the store once nothing holds it. */
    @Override
    public void close() {
        if (holds.closeWhenFree()) {
            closeNow();
        }
    }

    private void closeNow() {
        catalog.ifPresent(StoreSession::closeQuietly);
        packs.close();
        trees.close();
    }
}

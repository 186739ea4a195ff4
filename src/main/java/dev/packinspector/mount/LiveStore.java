package dev.packinspector.mount;

import dev.packinspector.catalog.Catalog;
import dev.packinspector.catalog.Snapshot;
import dev.packinspector.store.PackSet;
import dev.packinspector.store.ProblemKind;
import dev.packinspector.store.StoreException;
import dev.packinspector.store.tree.TreeStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/**
 * A store as a mount sees it while chkpt may go on saving into it: the current opening (packs,
 * catalog, trees, snapshots), opened anew by {@link #refresh} when the store's files have changed.
 * An opening is closed only once no open file reads from it any more. Read-only, as everywhere.
 * Thread-safe.
 */
final class LiveStore implements AutoCloseable {
    /** The store opened once, with how many hold it (the store itself while it is current, and each open file). */
    static final class Opening {
        final PackSet packs;
        final Catalog catalog;
        final TreeStore trees;
        final List<Snapshot> snapshots;
        private final String signature;
        private int holders = 1;

        private Opening(PackSet packs, Catalog catalog, TreeStore trees, List<Snapshot> snapshots, String signature) {
            this.packs = packs;
            this.catalog = catalog;
            this.trees = trees;
            this.snapshots = snapshots;
            this.signature = signature;
        }

        private synchronized boolean hold() {
            if (holders == 0) {
                return false;
            }
            holders++;
            return true;
        }

        /** Lets go of a {@link LiveStore#hold}; the last to let go closes it. */
        void release() {
            synchronized (this) {
                if (--holders > 0) {
                    return;
                }
            }
            trees.close();
            try {
                catalog.close();
            } catch (StoreException e) {
                // it was only read
            }
            packs.close();
        }
    }

    private final Path store;
    private volatile Opening current;

    private LiveStore(Path store, Opening current) {
        this.store = store;
        this.current = current;
    }

    static LiveStore open(Path store) throws StoreException {
        return new LiveStore(store, openNow(store, signature(store)));
    }

    private static Opening openNow(Path store, String signature) throws StoreException {
        PackSet packs = PackSet.open(store);
        try {
            Catalog catalog = Catalog.open(store).orElseThrow(() -> new StoreException(ProblemKind.UNREADABLE, store,
                    StoreException.NO_OFFSET, "has no catalog.sqlite, so it has no snapshots to mount"));
            try {
                TreeStore trees = TreeStore.open(store);
                return new Opening(packs, catalog, trees, catalog.snapshots(), signature);
            } catch (StoreException | RuntimeException e) {
                catalog.close();
                throw e;
            }
        } catch (StoreException | RuntimeException e) {
            packs.close();
            throw e;
        }
    }

    /** The current opening, held until {@link Opening#release}. */
    Opening hold() {
        while (true) {
            Opening now = current;
            if (now.hold()) {
                return now;
            }
            if (now == current) {
                throw new IllegalStateException("the store is closed");
            }
        }
    }

    /** The current opening, for what needs no packs held (its snapshot list). */
    Opening current() {
        return current;
    }

    /**
     * Opens the store anew if its catalog, trees or packs folder changed since the current opening.
     *
     * @return true if it did
     * @throws StoreException if the changed store cannot be opened now (chkpt may be writing it; the
     *     current opening stays)
     */
    synchronized boolean refresh() throws StoreException {
        String now = signature(store);
        if (now.equals(current.signature)) {
            return false;
        }
        Opening was = current;
        current = openNow(store, now);
        was.release();
        return true;
    }

    /** Sizes and times of what a save changes: the catalog and its journal, the tree pack, the packs folder. */
    private static String signature(Path store) {
        var s = new StringBuilder();
        for (String name : List.of("catalog.sqlite", "catalog.sqlite-wal", "catalog.sqlite-journal", "trees/trees.dat", "trees/trees.idx", "packs")) {
            try {
                var a = Files.readAttributes(store.resolve(name), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                s.append(name).append(' ').append(a.size()).append(' ').append(a.lastModifiedTime().toInstant()).append('\n');
            } catch (IOException e) {
                s.append(name).append(" -\n");
            }
        }
        return s.toString();
    }

    @Override
    public void close() {
        current.release();
    }
}

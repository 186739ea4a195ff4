package dev.packinspector.cli;

import dev.packinspector.catalog.Catalog;
import dev.packinspector.catalog.PathText;
import dev.packinspector.catalog.SnapshotCatalog;
import dev.packinspector.history.SpaceReport;
import dev.packinspector.history.StoreIndex;
import dev.packinspector.legacy.LegacyCatalog;
import dev.packinspector.legacy.LegacyObjects;
import dev.packinspector.legacy.LegacyStore;
import dev.packinspector.store.ContentLookup;
import dev.packinspector.store.ContentReader;
import dev.packinspector.store.PackSet;
import dev.packinspector.store.StoreException;
import dev.packinspector.store.StoreFormat;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * A store of either format opened for the commands that ask of its snapshots and content only
 * through the seams both formats implement: {@link SnapshotCatalog}, {@link ContentReader},
 * {@link ContentLookup}, and a space report.
 */
sealed interface OpenedStore extends AutoCloseable {
    SnapshotCatalog catalog();

    ContentReader content();

    ContentLookup lookup();

    /** Where the store's space goes, by {@code index} (built from {@link #catalog()}). */
    SpaceReport space(StoreIndex index);

    /** Tells on {@code err} what of the store could not be read while opening it (nothing, for a current store). */
    void reportProblems(PrintStream err);

    @Override
    void close() throws StoreException;

    /** Opens {@code store}, of either format; a current store without a catalog is refused. */
    static OpenedStore open(Path store) throws StoreException {
        if (StoreFormat.isLegacy(store)) {
            LegacyStore legacy = LegacyStore.open(store);
            return new Legacy(new LegacyCatalog(legacy), new LegacyObjects(legacy));
        }
        PackSet packs = PackSet.open(store);
        try {
            return new Current(packs, Catalog.open(store).orElseThrow(() -> StoreArgument.noCatalog(store)));
        } catch (StoreException | RuntimeException e) {
            packs.close();
            throw e;
        }
    }

    /** A store of current chkpt: packs and a SQLite catalog. */
    record Current(PackSet packs, Catalog sqlite) implements OpenedStore {
        @Override
        public SnapshotCatalog catalog() {
            return sqlite;
        }

        @Override
        public ContentReader content() {
            return packs;
        }

        @Override
        public ContentLookup lookup() {
            return packs;
        }

        @Override
        public SpaceReport space(StoreIndex index) {
            return SpaceReport.of(index, packs);
        }

        @Override
        public void reportProblems(PrintStream err) {
        }

        @Override
        public void close() throws StoreException {
            try {
                sqlite.close();
            } finally {
                packs.close();
            }
        }
    }

    /** A store of chkpt 0.1.x: loose objects, trees and snapshot JSON files; nothing to close. */
    record Legacy(LegacyCatalog legacy, LegacyObjects objects) implements OpenedStore {
        @Override
        public SnapshotCatalog catalog() {
            return legacy;
        }

        @Override
        public ContentReader content() {
            return objects;
        }

        @Override
        public ContentLookup lookup() {
            return objects;
        }

        /** Each object's stored bytes are its file's size. */
        @Override
        public SpaceReport space(StoreIndex index) {
            LegacyStore store = legacy.store();
            return SpaceReport.of(index, id -> {
                var at = id instanceof dev.packinspector.legacy.LegacyId l ? store.locate(l) : null;
                return at == null ? 0 : at.compressedSize();
            });
        }

        @Override
        public void reportProblems(PrintStream err) {
            for (StoreException e : legacy.problems()) {
                err.println("pack-inspector: " + PathText.oneLine(e.getMessage()));
            }
        }

        @Override
        public void close() {
        }
    }
}

package dev.packinspector.cli;

import dev.packinspector.catalog.Catalog;
import dev.packinspector.catalog.SnapshotCatalog;
import dev.packinspector.history.StoreIndex;
import dev.packinspector.store.ContentId;
import dev.packinspector.store.ObjectId;
import dev.packinspector.store.StoreException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Collection;
import java.util.function.LongConsumer;

/** A store of either format opened with the index of its snapshots' files, for the commands that ask across snapshots. */
record IndexedStore(OpenedStore store, StoreIndex index) implements AutoCloseable {

    /**
     * Opens {@code store} and indexes the rows of its snapshots, counting rows on {@code err} when
     * it is a terminal. Of a current store only the rows whose path SQLite's GLOB {@code sqliteGlob}
     * matches (null: all) are read; a store of chkpt 0.1.x has no catalog to ask, so all are.
     */
    static IndexedStore open(Path store, String sqliteGlob, PrintStream err) throws StoreException {
        return openWith(store, (catalog, rows) -> catalog instanceof Catalog sqlite
                ? StoreIndex.build(sqlite, sqliteGlob, () -> false, rows)
                : StoreIndex.build(catalog, () -> false, rows), err);
    }

    /**
     * The index of {@code store}, already open (it stays the caller's to close), of only the rows
     * that name one of {@code ids} (of a current store; all rows of the other).
     */
    static StoreIndex indexUsing(OpenedStore store, Collection<? extends ContentId> ids, PrintStream err) throws StoreException {
        return index(store, (catalog, rows) -> catalog instanceof Catalog sqlite
                ? StoreIndex.buildUsing(sqlite, ids.stream().filter(ObjectId.class::isInstance).map(ObjectId.class::cast).toList(), () -> false, rows)
                : StoreIndex.build(catalog, () -> false, rows), err);
    }

    /** The store's snapshots. */
    SnapshotCatalog catalog() {
        return store.catalog();
    }

    /** How an index is built from a catalog, hearing the rows read. */
    private interface Builder {
        StoreIndex build(SnapshotCatalog catalog, LongConsumer rowsRead) throws StoreException;
    }

    private static IndexedStore openWith(Path at, Builder builder, PrintStream err) throws StoreException {
        OpenedStore store = OpenedStore.open(at);
        try {
            return new IndexedStore(store, index(store, builder, err));
        } catch (StoreException | RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** Tells what of {@code store} could not be read, then builds its index, counting rows on {@code err} when it is a terminal. */
    private static StoreIndex index(OpenedStore store, Builder builder, PrintStream err) throws StoreException {
        store.reportProblems(err);
        boolean draw = TerminalProgress.stderrIsTerminal();
        StoreIndex index = builder.build(store.catalog(), rows -> {
            if (draw) {
                err.print("\rreading the snapshots: " + rows + " files");
            }
        });
        if (draw) {
            err.print("\r\033[K");
        }
        return index;
    }

    @Override
    public void close() throws StoreException {
        store.close();
    }
}

package dev.packinspector.cli;

import dev.packinspector.catalog.Catalog;
import dev.packinspector.history.StoreIndex;
import dev.packinspector.store.PackSet;
import dev.packinspector.store.StoreException;
import java.io.PrintStream;
import java.nio.file.Path;

/** A store opened with its packs, its catalog and the index of every snapshot, for the commands that ask across snapshots. */
record IndexedStore(PackSet packs, Catalog catalog, StoreIndex index) implements AutoCloseable {

    /**
     * Opens {@code store} and reads the rows of its catalog whose path SQLite's GLOB {@code sqliteGlob}
     * matches (null: all) into an index, counting rows on {@code err} when it is a terminal.
     */
    static IndexedStore open(Path store, String sqliteGlob, PrintStream err) throws StoreException {
        return openWith(store, (catalog, rows) -> StoreIndex.build(catalog, sqliteGlob, () -> false, rows), err);
    }

    /** Like {@link #open}, indexing only the rows that name one of {@code ids}. */
    static IndexedStore openUsing(Path store, java.util.Collection<dev.packinspector.store.ObjectId> ids, PrintStream err) throws StoreException {
        return openWith(store, (catalog, rows) -> StoreIndex.buildUsing(catalog, ids, () -> false, rows), err);
    }

    /** How an index is built from a catalog, hearing the rows read. */
    private interface Builder {
        StoreIndex build(Catalog catalog, java.util.function.LongConsumer rowsRead) throws StoreException;
    }

    private static IndexedStore openWith(Path store, Builder builder, PrintStream err) throws StoreException {
        PackSet packs = PackSet.open(store);
        try {
            Catalog catalog = Catalog.open(store).orElseThrow(() -> StoreArgument.noCatalog(store));
            try {
                boolean draw = TerminalProgress.stderrIsTerminal();
                StoreIndex index = builder.build(catalog, rows -> {
                    if (draw) {
                        err.print("\rreading the catalog: " + rows + " rows");
                    }
                });
                if (draw) {
                    err.print("\r\033[K");
                }
                return new IndexedStore(packs, catalog, index);
            } catch (StoreException | RuntimeException e) {
                catalog.close();
                throw e;
            }
        } catch (StoreException | RuntimeException e) {
            packs.close();
            throw e;
        }
    }

    @Override
    public void close() throws StoreException {
        try {
            catalog.close();
        } finally {
            packs.close();
        }
    }
}

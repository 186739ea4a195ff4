package dev.packinspector.cli;

import dev.packinspector.catalog.Catalog;
import dev.packinspector.catalog.Snapshot;
import dev.packinspector.store.StoreException;
import picocli.CommandLine.Parameters;

/** SNAPSHOT, the second parameter of the commands that read one snapshot, and finding it. */
final class SnapshotArgument {
    // "1+": the first free position from 1 on, since picocli checks a mixin's positions on their own as well
    @Parameters(index = "1+", paramLabel = "SNAPSHOT", description = "a snapshot id, a unique prefix of one, or 'latest'")
    private String reference;

    /** The snapshot the argument names in {@code catalog}; an UnknownSnapshotException (exit code 2) if none or several. */
    Snapshot in(Catalog catalog) throws StoreException {
        return catalog.resolve(reference);
    }

    /** Like {@link #in(Catalog)}, opening and closing the catalog of {@code store}: for commands that need only the snapshot. */
    Snapshot in(StoreArgument store) throws StoreException {
        try (Catalog catalog = store.catalog()) {
            return in(catalog);
        }
    }
}

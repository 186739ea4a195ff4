package dev.packinspector.cli;

import dev.packinspector.catalog.Catalog;
import dev.packinspector.legacy.LegacySnapshot;
import dev.packinspector.legacy.LegacyStore;
import dev.packinspector.catalog.Snapshot;
import dev.packinspector.store.StoreException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** SNAPSHOT, the second parameter of the commands that read one snapshot, and finding it. */
final class SnapshotArgument implements Arguments.Part {
    private final PositionalParamSpec reference = Arguments.parameter("1", "SNAPSHOT", String.class,
            "a snapshot id, a unique prefix of one, or 'latest'");

    /** SNAPSHOT as given. */
    String reference() {
        return Arguments.value(reference);
    }

    @Override
    public void addTo(CommandSpec command) {
        command.addPositional(reference);
    }

    /** The snapshot the argument names in {@code catalog}; an UnknownSnapshotException (exit code 2) if none or several. */
    Snapshot in(Catalog catalog) throws StoreException {
        return catalog.resolve(Arguments.value(reference));
    }

    /** The snapshot the argument names in a store of chkpt 0.1.x; an IllegalArgumentException (exit code 2) if none or several. */
    LegacySnapshot in(LegacyStore store) throws StoreException {
        return store.resolve(Arguments.value(reference));
    }

    /** Like {@link #in(Catalog)}, opening and closing the catalog of {@code store}: for commands that need only the snapshot. */
    Snapshot in(StoreArgument store) throws StoreException {
        try (Catalog catalog = store.catalog()) {
            return in(catalog);
        }
    }
}

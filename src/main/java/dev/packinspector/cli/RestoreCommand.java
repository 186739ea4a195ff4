package dev.packinspector.cli;

import dev.packinspector.catalog.Catalog;
import dev.packinspector.store.PackSet;
import dev.packinspector.store.tree.TreeStore;
import java.nio.file.Path;
import picocli.CommandLine.Model.PositionalParamSpec;

final class RestoreCommand extends Subcommand {
    private final StoreArgument store = add(StoreArgument.folder());

    private final SnapshotArgument snapshot = add(new SnapshotArgument());

    private final PositionalParamSpec target = add(Arguments.parameter("2", "TARGET", Path.class, "the folder to restore into (created if missing)"));

    private final PathSelection paths = add(new PathSelection());

    private final RestoreOptions options = add(new RestoreOptions());

    RestoreCommand() {
        super("restore", "Restores a snapshot (or the listed paths and folders of it) into TARGET.",
                "Files appear under their final names only when complete and verified; modes and symlinks are restored;"
                        + " files already identical are skipped, different ones kept unless --overwrite; nothing is ever deleted.",
                "Refused or failed entries are listed on stderr and give exit code 1; everything else is still restored.",
                "A TARGET whose file system has less room than the restore needs is refused before anything is written (exit code 2),"
                        + " as a TARGET that is not a folder is; --dry-run says so too.");
    }

    @Override
    public Integer call() throws Exception {
        try (PackSet packs = store.packs(); Catalog catalog = store.catalog(); TreeStore trees = store.trees()) {
            return options.restore(packs, paths.of(catalog, trees, snapshot.in(catalog)), Arguments.value(target), freeSpace(), stdout(), stderr());
        }
    }
}

package dev.packinspector.cli;

import dev.packinspector.catalog.Catalog;
import dev.packinspector.store.PackSet;
import dev.packinspector.store.tree.TreeStore;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "restore",
        description = {"Restores a snapshot (or the listed paths and folders of it) into TARGET.",
                "Files appear under their final names only when complete and verified; modes and symlinks are restored;"
                        + " files already identical are skipped, different ones kept unless --overwrite; nothing is ever deleted.",
                "Refused or failed entries are listed on stderr and give exit code 1; everything else is still restored.",
                "A TARGET whose file system has less room than the restore needs is refused before anything is written (exit code 2),"
                        + " as a TARGET that is not a folder is; --dry-run says so too."})
final class RestoreCommand extends Subcommand {
    @Mixin
    private StoreArgument.Folder store;

    @Mixin
    private SnapshotArgument snapshot;

    @Parameters(index = "2", paramLabel = "TARGET", description = "the folder to restore into (created if missing)")
    private Path target;

    @Mixin
    private PathSelection paths;

    @Mixin
    private RestoreOptions options;

    @Override
    public Integer call() throws Exception {
        try (PackSet packs = store.packs(); Catalog catalog = store.catalog(); TreeStore trees = store.trees()) {
            return options.restore(packs, paths.of(catalog, trees, snapshot.in(catalog)), target, freeSpace(), stdout(), stderr());
        }
    }
}

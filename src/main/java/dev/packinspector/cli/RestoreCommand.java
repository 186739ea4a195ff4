package dev.packinspector.cli;

import dev.packinspector.catalog.Catalog;
import dev.packinspector.legacy.LegacySnapshot;
import dev.packinspector.legacy.LegacyStore;
import dev.packinspector.legacy.LegacyWalk;
import dev.packinspector.restore.LooseObjects;
import dev.packinspector.restore.PackObjects;
import dev.packinspector.restore.RestoreItem;
import dev.packinspector.store.PackSet;
import dev.packinspector.store.StoreFormat;
import dev.packinspector.store.tree.TreeStore;
import java.nio.file.Path;
import java.util.List;
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
                        + " as a TARGET that is not a folder is; --dry-run says so too.",
                "Also from a store of chkpt 0.1.x: each file's BLAKE3 is checked before its rename and its mode is restored; a file whose"
                        + " object gc removed is refused in the plan, and the rest is restored.");
    }

    @Override
    public Integer call() throws Exception {
        Path at = store.pathOfAnyFormat();
        if (StoreFormat.isLegacy(at)) {
            LegacyStore legacy = LegacyStore.open(at);
            LegacySnapshot chosen = snapshot.in(legacy);
            List<RestoreItem> items = paths.select(LooseObjects.items(new LegacyWalk(legacy).of(chosen)), chosen.id());
            return options.restore(new LooseObjects(legacy), items, Arguments.value(target), freeSpace(), stdout(), stderr());
        }
        try (PackSet packs = store.packs(); Catalog catalog = store.catalog(); TreeStore trees = store.trees()) {
            return options.restore(new PackObjects(packs), paths.of(catalog, trees, snapshot.in(catalog)), Arguments.value(target), freeSpace(),
                    stdout(), stderr());
        }
    }
}

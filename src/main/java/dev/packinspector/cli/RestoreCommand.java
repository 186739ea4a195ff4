package dev.packinspector.cli;

import dev.packinspector.catalog.Catalog;
import dev.packinspector.catalog.PathText;
import dev.packinspector.catalog.Snapshot;
import dev.packinspector.restore.RestoreItem;
import dev.packinspector.restore.RestoreItems;
import dev.packinspector.restore.Selection;
import dev.packinspector.restore.SnapshotFiles;
import dev.packinspector.store.PackSet;
import dev.packinspector.store.ProblemKind;
import dev.packinspector.store.StoreException;
import dev.packinspector.store.tree.TreeStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {"Restores a snapshot (or the listed paths and folders of it) into TARGET.",
                "Files appear under their final names only when complete and verified; modes and symlinks are restored;"
                        + " files already identical are skipped, different ones kept unless --overwrite; nothing is ever deleted.",
                "Refused or failed entries are listed on stderr and give exit code 1; everything else is still restored."})
final class RestoreCommand implements Callable<Integer> {
    @ParentCommand
    private RootCommand root;

    @Parameters(index = "0", paramLabel = "STORE", description = "a chkpt store folder")
    private Path store;

    @Parameters(index = "1", paramLabel = "SNAPSHOT", description = "a snapshot id, a unique prefix of one, or 'latest'")
    private String snapshot;

    @Parameters(index = "2", paramLabel = "TARGET", description = "the folder to restore into (created if missing)")
    private Path target;

    @Option(names = "--path", paramLabel = "P", description = "restore only this file or folder (repeatable); as stored or as printed, in double quotes")
    private List<String> paths = new ArrayList<>();

    @Mixin
    private RestoreOptions options;

    @Override
    public Integer call() throws Exception {
        try (PackSet packs = PackSet.open(store); Catalog catalog = Catalog.open(store).orElseThrow(() -> noCatalog(store));
                TreeStore trees = TreeStore.open(store)) {
            return options.restore(root, packs, itemsOf(catalog, trees, catalog.resolve(snapshot), paths), target);
        }
    }

    /**
     * The files of {@code chosen} to restore or export: all, or those under {@code arguments}, each
     * as stored or as printed (a usage error if none is).
     */
    static List<RestoreItem> itemsOf(Catalog catalog, TreeStore trees, Snapshot chosen, List<String> arguments) throws StoreException {
        List<RestoreItem> items = RestoreItems.of(SnapshotFiles.of(catalog, trees, chosen));
        var paths = new ArrayList<String>();
        for (String argument : arguments) {
            paths.add(storedPath(items, argument));
        }
        List<RestoreItem> selected = Selection.of(items, paths);
        if (!paths.isEmpty() && selected.isEmpty()) {
            throw new UsageException("snapshot " + chosen.id() + " has nothing under " + String.join(", ", paths.stream().map(TextWriting::named).toList()));
        }
        return selected;
    }

    /** The first reading of {@code argument} that names something in {@code items}, else its first reading. */
    private static String storedPath(List<RestoreItem> items, String argument) {
        List<String> readings = PathText.readings(argument);
        for (String reading : readings) {
            try {
                if (!Selection.of(items, List.of(reading)).isEmpty()) {
                    return reading;
                }
            } catch (IllegalArgumentException unsafe) {
                // this reading is no safe path; another may be
            }
        }
        return readings.get(0);
    }

    static StoreException noCatalog(Path store) {
        return new StoreException(ProblemKind.UNREADABLE, store, StoreException.NO_OFFSET,
                "has no catalog.sqlite, so it has no snapshots (a bare packs folder: use extract)");
    }

}

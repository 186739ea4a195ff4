package dev.packinspector.cli;

import dev.packinspector.catalog.Catalog;
import dev.packinspector.catalog.PathText;
import dev.packinspector.catalog.Snapshot;
import dev.packinspector.restore.RestoreItem;
import dev.packinspector.restore.RestoreItems;
import dev.packinspector.restore.Selection;
import dev.packinspector.restore.SnapshotFiles;
import dev.packinspector.store.StoreException;
import dev.packinspector.store.tree.TreeStore;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** {@code --path} of restore and export, and the files of a snapshot it picks. */
final class PathSelection implements Arguments.Part {
    private final OptionSpec arguments = Arguments.repeatable("--path", "P", String.class,
            "${COMMAND-NAME} only this file or folder (repeatable); as stored or as printed, in double quotes");

    @Override
    public void addTo(CommandSpec command) {
        command.addOption(arguments);
    }

    /**
     * The files of {@code chosen} to restore or export: all, or those under the {@code --path}s, each
     * as stored or as printed (a usage error if none is).
     */
    List<RestoreItem> of(Catalog catalog, TreeStore trees, Snapshot chosen) throws StoreException {
        return select(RestoreItems.of(SnapshotFiles.of(catalog, trees, chosen)), chosen.id());
    }

    /** The {@code items} of snapshot {@code snapshotId} to restore or export, picked as {@link #of} picks them. */
    List<RestoreItem> select(List<RestoreItem> items, String snapshotId) {
        var paths = new ArrayList<String>();
        for (String argument : Arguments.<String>values(arguments)) {
            paths.add(storedPath(items, argument));
        }
        List<RestoreItem> selected = Selection.of(items, paths);
        if (!paths.isEmpty() && selected.isEmpty()) {
            throw new UsageException("snapshot " + snapshotId + " has nothing under " + String.join(", ", paths.stream().map(TextWriting::named).toList()));
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
}

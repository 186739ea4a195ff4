package dev.packinspector.cli;

import dev.packinspector.catalog.Catalog;
import dev.packinspector.catalog.PathText;
import dev.packinspector.catalog.Snapshot;
import dev.packinspector.legacy.LegacySnapshot;
import dev.packinspector.legacy.LegacyStore;
import dev.packinspector.store.StoreException;
import dev.packinspector.store.StoreFormat;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;

final class SnapshotsCommand extends Subcommand {
    private final StoreArgument store = add(StoreArgument.folder());

    private final JsonTable json = add(new JsonTable());

    SnapshotsCommand() {
        super("snapshots", "The store's snapshots, newest first: id, created_at, files, bytes, message. Tab-separated.",
                "Also of a store of chkpt 0.1.x (its snapshots/*.json): one that does not parse is named on stderr, and the exit code is 1.");
    }

    /** A snapshot as this command prints it, from a catalog or from a store of chkpt 0.1.x's snapshot files. */
    private record Row(String id, String createdAt, long files, long bytes, long newObjects, String message, String parent, String manifest) {
        static Row of(Snapshot s) {
            return new Row(s.id(), s.createdAt(), s.totalFiles(), s.totalBytes(), s.newObjects(), s.message(), s.parentSnapshotId(),
                    s.manifestSnapshotId());
        }

        static Row of(LegacySnapshot s) {
            return new Row(s.id(), s.createdAt(), s.totalFiles(), s.totalBytes(), s.newObjects(), s.message(), s.parentId(), null);
        }
    }

    @Override
    public Integer call() throws Exception {
        List<Row> snapshots;
        List<StoreException> problems = List.of();
        Path at = store.pathOfAnyFormat();
        if (StoreFormat.isLegacy(at)) {
            LegacyStore.Snapshots listed = LegacyStore.open(at).snapshots();
            snapshots = listed.snapshots().stream().map(Row::of).toList();
            problems = listed.problems();
        } else {
            try (Catalog catalog = store.catalog()) {
                snapshots = catalog.snapshots().stream().map(Row::of).toList();
            }
        }
        if (json.on()) {
            Output.jsonArray(stdout(), snapshots, (g, s) -> {
                g.writeStringField("id", s.id());
                g.writeStringField("created_at", s.createdAt());
                g.writeNumberField("files", s.files());
                g.writeNumberField("bytes", s.bytes());
                g.writeNumberField("new_objects", s.newObjects());
                g.writeStringField("message", s.message());
                g.writeStringField("parent_snapshot_id", s.parent());
                g.writeStringField("manifest_snapshot_id", s.manifest());
            });
        } else {
            try (Writer out = Output.text(stdout())) {
                for (Row s : snapshots) {
                    out.write(s.id() + '\t' + s.createdAt() + '\t' + s.files() + '\t' + s.bytes() + '\t' + Records.text(s.message()) + '\n');
                }
            }
        }
        // a snapshot file of chkpt 0.1.x that does not parse is a problem, not skipped as chkpt skips it
        for (StoreException p : problems) {
            stderr().println("pack-inspector: " + PathText.oneLine(p.getMessage()));
        }
        return problems.isEmpty() ? Cli.OK : Cli.PROBLEMS;
    }
}

package dev.packinspector.cli;

import dev.packinspector.catalog.Catalog;
import dev.packinspector.catalog.Snapshot;
import java.io.Writer;
import java.util.List;

final class SnapshotsCommand extends Subcommand {
    private final StoreArgument store = add(StoreArgument.folder());

    private final JsonTable json = add(new JsonTable());

    SnapshotsCommand() {
        super("snapshots", "The store's snapshots, newest first: id, created_at, files, bytes, message. Tab-separated.");
    }

    @Override
    public Integer call() throws Exception {
        List<Snapshot> snapshots;
        try (Catalog catalog = store.catalog()) {
            snapshots = catalog.snapshots();
        }
        if (json.on()) {
            Output.jsonArray(stdout(), snapshots, (g, s) -> {
                g.writeStringField("id", s.id());
                g.writeStringField("created_at", s.createdAt());
                g.writeNumberField("files", s.totalFiles());
                g.writeNumberField("bytes", s.totalBytes());
                g.writeNumberField("new_objects", s.newObjects());
                g.writeStringField("message", s.message());
                g.writeStringField("parent_snapshot_id", s.parentSnapshotId());
                g.writeStringField("manifest_snapshot_id", s.manifestSnapshotId());
            });
        } else {
            try (Writer out = Output.text(stdout())) {
                for (Snapshot s : snapshots) {
                    out.write(s.id() + '\t' + s.createdAt() + '\t' + s.totalFiles() + '\t' + s.totalBytes() + '\t'
                            + Records.text(s.message()) + '\n');
                }
            }
        }
        return Cli.OK;
    }
}

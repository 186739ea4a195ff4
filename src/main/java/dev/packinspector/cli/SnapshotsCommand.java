package dev.packinspector.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.packinspector.catalog.Catalog;
import dev.packinspector.catalog.Snapshot;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "snapshots", mixinStandardHelpOptions = true,
        description = "The store's snapshots, newest first: id, created_at, files, bytes, message. Tab-separated.")
final class SnapshotsCommand implements Callable<Integer> {
    @ParentCommand
    private RootCommand root;

    @Parameters(paramLabel = "STORE", description = "a chkpt store folder")
    private Path store;

    @Option(names = "--json", description = "print a JSON array")
    private boolean json;

    @Override
    public Integer call() throws Exception {
        List<Snapshot> snapshots;
        try (Catalog catalog = Catalog.open(store).orElseThrow(() -> RestoreCommand.noCatalog(store))) {
            snapshots = catalog.snapshots();
        }
        if (json) {
            try (JsonGenerator g = Output.json(root.stdout)) {
                g.writeStartArray();
                for (Snapshot s : snapshots) {
                    g.writeStartObject();
                    g.writeStringField("id", s.id());
                    g.writeStringField("created_at", s.createdAt());
                    g.writeNumberField("files", s.totalFiles());
                    g.writeNumberField("bytes", s.totalBytes());
                    g.writeNumberField("new_objects", s.newObjects());
                    g.writeStringField("message", s.message());
                    g.writeStringField("parent_snapshot_id", s.parentSnapshotId());
                    g.writeStringField("manifest_snapshot_id", s.manifestSnapshotId());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeRaw('\n');
            }
        } else {
            try (Writer out = Output.text(root.stdout)) {
                for (Snapshot s : snapshots) {
                    out.write(s.id() + '\t' + s.createdAt() + '\t' + s.totalFiles() + '\t' + s.totalBytes() + '\t'
                            + Records.text(s.message()) + '\n');
                }
            }
        }
        return Cli.OK;
    }
}

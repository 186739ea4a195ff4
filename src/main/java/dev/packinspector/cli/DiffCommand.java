package dev.packinspector.cli;

import dev.packinspector.catalog.Catalog;
import dev.packinspector.catalog.Snapshot;
import dev.packinspector.catalog.SnapshotCatalog;
import dev.packinspector.history.SnapshotDiff.Change;
import dev.packinspector.history.SnapshotDiff.Kind;
import dev.packinspector.history.SnapshotDiff;
import dev.packinspector.store.PackSet;
import dev.packinspector.store.StoreFormat;
import dev.packinspector.workspace.FolderPatch;
import dev.packinspector.workspace.WorkspaceStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

final class DiffCommand extends Subcommand {
    private final StoreArgument store = add(StoreArgument.folder());

    private final PositionalParamSpec from = add(Arguments.parameter("1", "A", String.class,
            "the older snapshot: an id, a unique prefix, or 'latest'"));

    private final PositionalParamSpec to = add(Arguments.optionalParameter("2", "B", String.class, "the newer snapshot"));

    private final OptionSpec folder = add(Arguments.option("--folder", "FOLDER", Path.class,
            "the folder chkpt saved, as it is now, in place of B"));

    private final OutputFormat format = add(OutputFormat.json());

    DiffCommand() {
        super("diff", "What changed from snapshot A to snapshot B, one line per path in path order, as git's --name-status:",
                "A (added), D (removed), M (other content, size or mode), R (renamed: the same object at a new path), then bytes and path",
                "(a rename: old and new path). Totals go to standard error.",
                "With --folder FOLDER in place of B: from A to the folder chkpt saved, as it is now (as status sees it), the text of every"
                        + " change as a unified diff in git's format, which patch -p1 and git apply apply to A's files"
                        + " (not of a store of chkpt 0.1.x).");
    }

    @Override
    public Integer call() throws Exception {
        format.refuseBoth();
        Path workspace = Arguments.value(folder);
        if ((workspace == null) == (Arguments.value(to) == null)) {
            throw new UsageException(workspace == null ? "name the newer side: a snapshot B, or --folder FOLDER" : "give B or --folder, not both");
        }
        if (workspace != null) {
            return folderPatch(workspace);
        }
        SnapshotDiff diff;
        try (OpenedStore opened = store.opened()) {
            SnapshotCatalog catalog = opened.catalog();
            Snapshot a = catalog.resolve(Arguments.value(from));
            Snapshot b = catalog.resolve(Arguments.value(to));
            diff = SnapshotDiff.between(a, catalog.files(a), b, catalog.files(b));
        }
        print(diff, format, stdout(), stderr());
        return Cli.OK;
    }

    /** A's files against the folder's, as the text of each change. */
    private int folderPatch(Path workspace) throws java.io.IOException {
        if (format.isAsked()) {
            throw new UsageException("--folder writes a unified diff, which has neither --json nor -z; for the changes as records use status");
        }
        if (!Files.isDirectory(workspace)) {
            throw new UsageException(workspace + " is not a folder");
        }
        if (StoreFormat.isLegacy(store.pathOfAnyFormat())) {
            throw new UsageException("--folder compares with the folder as current chkpt sees it, which a store of chkpt 0.1.x cannot tell;"
                    + " restore snapshot A and compare the folders instead");
        }
        Path storeFolder = store.path();
        try (Catalog catalog = store.catalog(); PackSet packs = store.packs()) {
            Snapshot a = catalog.resolve(Arguments.value(from));
            SnapshotDiff diff = WorkspaceStatus.of(storeFolder, a, catalog.files(a), workspace);
            var out = new java.io.BufferedOutputStream(stdout(), 1 << 16);
            FolderPatch.write(diff, packs, workspace, out);
            out.flush();
            stderr().println(summary(diff));
        }
        return Cli.OK;
    }

    /** Writes {@code diff} as {@code diff} does (its records, or JSON), its totals to {@code stderr} after the records. */
    static void print(SnapshotDiff diff, OutputFormat format, java.io.OutputStream stdout, java.io.PrintStream stderr) throws java.io.IOException {
        if (format.isJson()) {
            Output.json(stdout, g -> {
                g.writeStartObject();
                g.writeStringField("from", diff.from().id());
                g.writeStringField("to", diff.to().id());
                g.writeNumberField("unchanged", diff.unchanged());
                for (Kind k : Kind.values()) {
                    g.writeObjectFieldStart(k.name().toLowerCase(Locale.ROOT));
                    g.writeNumberField("files", diff.total(k).files());
                    g.writeNumberField("bytes", diff.total(k).bytes());
                    g.writeEndObject();
                }
                g.writeArrayFieldStart("changes");
                for (Change c : diff.changes()) {
                    g.writeStartObject();
                    g.writeStringField("kind", c.kind().name().toLowerCase(Locale.ROOT));
                    g.writeStringField("path", c.path());
                    if (c.before() != null) {
                        JsonWriting.entry(g, "before", c.before());
                    }
                    if (c.after() != null) {
                        JsonWriting.entry(g, "after", c.after());
                    }
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            });
            return;
        }
        try (Records out = format.records(stdout)) {
            for (Change c : diff.changes()) {
                out.write(c.kind().letter() + '\t' + c.bytes() + '\t'
                        + (c.kind() == Kind.RENAMED ? out.path(c.before().path()) + '\t' : "") + out.path(c.path()));
            }
        }
        stderr.println(summary(diff));
    }

    static String summary(SnapshotDiff diff) {
        var parts = new StringBuilder();
        for (Kind k : Kind.values()) {
            SnapshotDiff.Total t = diff.total(k);
            parts.append(t.files()).append(' ').append(k.name().toLowerCase(Locale.ROOT)).append(" (")
                    .append(TerminalProgress.bytes(t.bytes())).append("), ");
        }
        return parts + "" + diff.unchanged() + " unchanged";
    }
}

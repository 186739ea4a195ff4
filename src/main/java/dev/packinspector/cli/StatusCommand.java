package dev.packinspector.cli;

import dev.packinspector.catalog.Catalog;
import dev.packinspector.catalog.Snapshot;
import dev.packinspector.history.SnapshotDiff;
import dev.packinspector.workspace.WorkspaceStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code status FOLDER [SNAPSHOT]}: what changed in a folder chkpt saved since one of its snapshots. */
final class StatusCommand extends Subcommand {
    private final StoreArgument store = add(StoreArgument.folderOrStore());

    private final PositionalParamSpec snapshot = add(Arguments.optionalParameter("1", "SNAPSHOT", String.class,
            "the snapshot to compare with: an id, a unique prefix, or 'latest' (the default)"));

    private final OptionSpec folder = add(Arguments.option("--folder", "FOLDER", Path.class,
            "the folder to compare, where STORE is a store (default: STORE itself, a folder chkpt saved)"));

    private final OutputFormat format = add(OutputFormat.json());

    StatusCommand() {
        super("status", "What changed in the folder since a snapshot, as chkpt's next save would record it (its exclusions and .chkptignore"
                + " applied), one line per path in path order, as diff prints them:",
                "A (added), D (removed), M (other content, size or mode), R (renamed), then bytes and path.",
                "A file is hashed unless chkpt's stat cache (index.bin) vouches for it as chkpt's save would take it; nothing is written."
                        + " Totals go to standard error.");
    }

    @Override
    public Integer call() throws Exception {
        format.refuseBoth();
        Path given = store.given();
        Path storeFolder = store.path();
        Path workspace = Arguments.value(folder);
        if (workspace == null) {
            if (storeFolder.equals(given)) {
                throw new UsageException(given + " is a store: name the folder to compare with --folder FOLDER");
            }
            workspace = given;
        }
        if (!Files.isDirectory(workspace)) {
            throw new UsageException(workspace + " is not a folder");
        }
        SnapshotDiff diff;
        try (Catalog catalog = store.catalog()) {
            Snapshot s = catalog.resolve(Arguments.value(snapshot) == null ? "latest" : Arguments.value(snapshot));
            diff = WorkspaceStatus.of(storeFolder, s, catalog.files(s), workspace);
        }
        DiffCommand.print(diff, format, stdout(), stderr());
        return Cli.OK;
    }
}

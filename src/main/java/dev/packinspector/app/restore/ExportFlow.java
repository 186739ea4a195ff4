package dev.packinspector.app.restore;

import dev.packinspector.app.common.Format;
import dev.packinspector.app.common.SaveChooser;
import dev.packinspector.app.common.Tasks;
import dev.packinspector.app.session.StoreSession;
import dev.packinspector.catalog.ManifestEntry;
import dev.packinspector.catalog.Snapshot;
import dev.packinspector.restore.ArchiveExporter;
import dev.packinspector.restore.RestoreItem;
import dev.packinspector.restore.RestoreProblem;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import javafx.concurrent.Task;
import javafx.stage.Window;

/** Exports a snapshot or a selection of it as a zip or tar archive: asks where, then writes it as a task with progress and Cancel. */
public final class ExportFlow {
    private final Tasks tasks;
    private final Consumer<List<RestoreProblem>> problems;
    private SaveChooser chooser = SaveChooser.system();
    private Window owner;

    public ExportFlow(Tasks tasks, Consumer<List<RestoreProblem>> problems) {
        this.tasks = tasks;
        this.problems = problems;
    }

    public void owner(Window window) {
        this.owner = window;
    }

    public void chooser(SaveChooser c) {
        this.chooser = c;
    }

    /** Asks for the archive's name and kind, then writes {@code entries} of {@code snapshot} into it. */
    public Task<ArchiveExporter.Result> export(StoreSession session, Snapshot snapshot, List<ManifestEntry> entries) {
        return export(session, snapshot, RestoreItems.describe(snapshot, entries), RestoreItems.of(entries));
    }

    /** Asks for the archive's name and kind, then writes {@code items} of {@code snapshot} into it. */
    public Task<ArchiveExporter.Result> export(StoreSession session, Snapshot snapshot, String what, List<RestoreItem> items) {
        Path archive = chooser.choose(owner, "Export " + what + " as", "snapshot-" + snapshot.id().substring(0, Math.min(8, snapshot.id().length())) + ".tar",
                "Tar archive (keeps modes and symlinks)", "*.tar", "Gzipped tar archive", "*.tar.gz", "Zip archive", "*.zip");
        if (archive == null) {
            return null;
        }
        long total = items.stream().mapToLong(i -> Math.max(0, i.size())).sum();
        // the user already agreed to replace an existing file in the save dialog
        return tasks.job("Exporting " + what, p -> new ArchiveExporter(session.packs()).export(items, archive, true,
                snapshot.createdInstant().orElseGet(Instant::now), p::isCancelled, n -> {
                    p.progress(n, total);
                    p.message(Format.bytes(n) + " / " + Format.bytes(total));
                })).onSuccess(r -> problems.accept(r.refused()))
                .report(r -> "Exported " + Format.count(r.files(), "file") + " (" + Format.bytes(r.bytes()) + ") to " + r.archive()
                        + (r.refused().isEmpty() ? "" : "; " + r.refused().size() + " left out (see Problems)"), r -> r.refused().isEmpty())
                .run();
    }
}

package dev.packinspector.app;

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
final class ExportFlow {
    private final TaskPanel tasks;
    private final Consumer<List<RestoreProblem>> problems;
    private SaveChooser chooser = SaveChooser.system();
    private Window owner;

    ExportFlow(TaskPanel tasks, Consumer<List<RestoreProblem>> problems) {
        this.tasks = tasks;
        this.problems = problems;
    }

    void owner(Window window) {
        this.owner = window;
    }

    void chooser(SaveChooser c) {
        this.chooser = c;
    }

    /** Asks for the archive's name and kind, then writes {@code items} of {@code snapshot} into it. */
    Task<ArchiveExporter.Result> export(StoreSession session, Snapshot snapshot, String what, List<RestoreItem> items) {
        Path archive = chooser.choose(owner, "Export " + what + " as", "snapshot-" + snapshot.id().substring(0, Math.min(8, snapshot.id().length())) + ".tar",
                "Tar archive (keeps modes and symlinks)", "*.tar", "Gzipped tar archive", "*.tar.gz", "Zip archive", "*.zip");
        if (archive == null) {
            return null;
        }
        long total = items.stream().mapToLong(i -> Math.max(0, i.size())).sum();
        var task = new Task<ArchiveExporter.Result>() {
            @Override
            protected ArchiveExporter.Result call() throws Exception {
                updateTitle("Exporting " + what);
                // the user already agreed to replace an existing file in the save dialog
                return new ArchiveExporter(session.packs()).export(items, archive, true,
                        snapshot.createdInstant().orElseGet(Instant::now), this::isCancelled, n -> {
                    updateProgress(n, Math.max(1, total));
                    updateMessage(Format.bytes(n) + " / " + Format.bytes(total));
                });
            }

            @Override
            protected void succeeded() {
                problems.accept(getValue().refused());
            }
        };
        return tasks.run(task, r -> "Exported " + Format.count(r.files(), "file") + " (" + Format.bytes(r.bytes()) + ") to " + r.archive()
                + (r.refused().isEmpty() ? "" : "; " + r.refused().size() + " left out (see Problems)"), r -> r.refused().isEmpty());
    }
}

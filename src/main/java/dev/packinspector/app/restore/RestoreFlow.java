package dev.packinspector.app.restore;

import dev.packinspector.app.common.Dialogs;
import dev.packinspector.app.common.FolderChooser;
import dev.packinspector.app.common.Format;
import dev.packinspector.app.common.SaveChooser;
import dev.packinspector.app.common.Tasks;
import dev.packinspector.app.session.StoreSession;
import dev.packinspector.catalog.ManifestEntry;
import dev.packinspector.catalog.Snapshot;
import dev.packinspector.restore.ArchiveExporter;
import dev.packinspector.restore.PlanExport;
import dev.packinspector.restore.Progress;
import dev.packinspector.restore.RestoreItem;
import dev.packinspector.restore.RestoreItems;
import dev.packinspector.restore.RestoreListener;
import dev.packinspector.restore.RestorePlan;
import dev.packinspector.restore.RestorePlanner;
import dev.packinspector.restore.RestoreProblem;
import dev.packinspector.restore.RestoreResult;
import dev.packinspector.restore.Restorer;
import dev.packinspector.store.ObjectId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.concurrent.Task;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Restoring from the window: choose a folder, plan in the background, show the plan (what will
 * be written, what is already there, what differs and is kept unless Overwrite, what is refused
 * and why), then restore as a task with progress, throughput, ETA and Cancel. Exporting is
 * restoring into a zip or tar archive: asks where, then writes it the same way.
 */
public final class RestoreFlow {
    public static final ButtonType RESTORE = new ButtonType("Restore", ButtonBar.ButtonData.OK_DONE);

    private final Tasks tasks;
    private final Consumer<List<RestoreProblem>> problems;
    private FolderChooser chooser = FolderChooser.system();
    private SaveChooser saveChooser = SaveChooser.system();
    private final Window owner;

    /** Dialogs belong to {@code owner}; what could not be written goes to {@code problems}. */
    public RestoreFlow(Tasks tasks, Window owner, Consumer<List<RestoreProblem>> problems) {
        this.tasks = tasks;
        this.owner = owner;
        this.problems = problems;
    }

    public void chooser(FolderChooser c) {
        this.chooser = c;
    }

    public void saveChooser(SaveChooser c) {
        this.saveChooser = c;
    }

    /** Asks for a folder, then restores {@code entries} of {@code snapshot} into it (after confirming the plan). */
    public void restoreFiles(StoreSession session, Snapshot snapshot, List<ManifestEntry> entries) {
        restore(session, RestoreItems.describe(snapshot, entries), RestoreItems.of(entries));
    }

    /** Restores {@code entries} of {@code snapshot} into {@code folder} (a folder dropped on the window), after confirming the plan. */
    public void restoreFilesInto(StoreSession session, Snapshot snapshot, List<ManifestEntry> entries, Path folder) {
        restoreTo(session, RestoreItems.describe(snapshot, entries), RestoreItems.of(entries), folder);
    }

    /** Asks for a folder, then restores objects {@code ids} into it as files named by their ids. */
    public void restoreObjects(StoreSession session, List<ObjectId> ids) {
        if (!ids.isEmpty()) {
            restore(session, ids.size() == 1 ? "object " + ids.getFirst().shortHex(12) : Format.count(ids.size(), "object"), RestoreItems.objects(ids));
        }
    }

    /** Asks for a target folder, then plans and confirms. */
    public void restore(StoreSession session, String what, List<RestoreItem> items) {
        Path target = chooser.choose(owner, "Restore " + what + " into…");
        if (target != null) {
            restoreTo(session, what, items, target);
        }
    }

    /** Plans restoring {@code items} into {@code target} and asks before writing anything. */
    public void restoreTo(StoreSession session, String what, List<RestoreItem> items, Path target) {
        // the plan dialog is the outcome: no note, no status message
        // the store stays open from planning to the restore's end, though the window moves on to another
        StoreSession.Hold hold = session.hold();
        var planned = new AtomicBoolean();
        tasks.job("Planning the restore of " + what, p -> new RestorePlan[] {RestorePlanner.plan(session.packs(), items, target, false),
            RestorePlanner.plan(session.packs(), items, target, true)}).onSuccess(plans -> {
                planned.set(true);
                confirm(hold, what, plans[0], plans[1]);
            }).andFinally(() -> {
                if (!planned.get()) {
                    hold.close(); // failed (and said why) or cancelled: nothing goes on to use the store
                }
            }).run();
    }

    private void confirm(StoreSession.Hold hold, String what, RestorePlan keep, RestorePlan overwrite) {
        var dialog = Dialogs.fit(new Alert(Alert.AlertType.CONFIRMATION), owner);
        dialog.setTitle("Restore " + what);
        dialog.setHeaderText("Restore " + what + " into " + keep.target());
        var summary = new GridPane();
        summary.setId("plan-summary");
        summary.setHgap(16);
        summary.setVgap(4);
        planRow(summary, 0, "To write", Format.count(keep.filesToWrite(), "file") + " (" + Format.bytes(keep.bytesToWrite()) + ")");
        planRow(summary, 1, "Already identical", Format.count(keep.unchanged().size(), "file") + " (skipped)");
        planRow(summary, 2, "Differ in the folder", Format.count(keep.conflicts().size(), "file")
                + (keep.conflicts().isEmpty() ? "" : " (kept unless you replace them)"));
        planRow(summary, 3, "Refused", Format.count(keep.refused().size(), "entry", "entries")
                + (keep.refused().isEmpty() ? "" : " (unsafe or unreadable: listed below, not written)"));
        var overwriteBox = new CheckBox("Replace the " + Format.count(keep.conflicts().size(), "file") + " that differ");
        overwriteBox.setId("plan-overwrite");
        overwriteBox.setVisible(!keep.conflicts().isEmpty());
        overwriteBox.setManaged(!keep.conflicts().isEmpty());
        var savePlan = new Button("Save plan…");
        savePlan.setId("plan-save");
        savePlan.setTooltip(new Tooltip("Write this plan, one row per file, as CSV or JSON (nothing is restored)"));
        savePlan.setOnAction(e -> savePlan(overwriteBox.isSelected() ? overwrite : keep));
        var details = new VBox(10, summary, overwriteBox, savePlan);
        if (!keep.refused().isEmpty()) {
            var refused = new ListView<String>();
            keep.refused().forEach(p -> refused.getItems().add(p.path() + ": " + p.message()));
            refused.setPrefHeight(120);
            details.getChildren().addAll(new Label("Refused (not written):"), refused);
        }
        dialog.getDialogPane().setContent(details);
        dialog.getButtonTypes().setAll(RESTORE, ButtonType.CANCEL);
        dialog.setResultConverter(b -> b);
        dialog.resultProperty().addListener((obs, old, result) -> {
            if (result == RESTORE) {
                run(hold, what, overwriteBox.isSelected() ? overwrite : keep);
            } else {
                hold.close();
            }
        });
        dialog.show();
    }

    /** Asks where, then writes {@code plan} as JSON (a .json name) or CSV. */
    private void savePlan(RestorePlan plan) {
        Path file = saveChooser.choose(owner, "Save the restore plan", "restore-plan.csv", "CSV", "*.csv", "JSON", "*.json");
        if (file == null) {
            return;
        }
        tasks.job("Saving the plan", p -> {
            Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), "." + file.getFileName(), ".partial");
            try {
                if (file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".json")) {
                    try (var out = Files.newOutputStream(temp)) {
                        PlanExport.json(plan, out);
                    }
                } else {
                    try (var out = Files.newBufferedWriter(temp)) {
                        PlanExport.csv(plan, out);
                    }
                }
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
            return file;
        }).report(f -> "Plan saved to " + f).run();
    }

    private static void planRow(GridPane grid, int row, String what, String value) {
        var key = new Label(what);
        key.getStyleClass().add("text-muted");
        var v = new Label(value);
        v.setId("plan-" + what.toLowerCase(java.util.Locale.ROOT).replace(' ', '-'));
        grid.addRow(row, key, v);
    }

    /** Runs a plan of {@code session}'s as a task with a row in the task panel; the store stays open until it ends. */
    public Task<RestoreResult> run(StoreSession session, String what, RestorePlan plan) {
        return run(session.hold(), what, plan);
    }

    private Task<RestoreResult> run(StoreSession.Hold hold, String what, RestorePlan plan) {
        var restorer = new Restorer(Tasks.workers());
        return tasks.job("Restoring " + what, StoreSession.holding(hold, p -> restorer.run(plan, new RestoreListener() {
            @Override
            public void progress(Progress at) {
                p.progress(at.bytesDone(), at.bytesTotal());
                p.message(String.format("%s / %s · %s/s · ETA %s", Format.count(at.filesDone()), Format.count(at.filesTotal(), "file"),
                        Format.bytes((long) at.bytesPerSecond()), Format.duration(at.remainingNanos())));
            }
        }))).onCancel(restorer::cancel).onSuccess(r -> problems.accept(r.problems()))
                .report(r -> String.format("Restored %s (%s) into %s%s%s", Format.count(r.written(), "file"), Format.bytes(r.bytesWritten()),
                        plan.target(), r.unchanged() > 0 ? "; " + Format.count(r.unchanged()) + " already there" : "",
                        complete(r) ? "" : "; " + (r.problems().size() + r.conflictsKept()) + " not restored (see Problems)"), RestoreFlow::complete)
                .run();
    }

    /** Everything asked for is in place: nothing refused, failed or kept because it differed. */
    private static boolean complete(RestoreResult r) {
        return r.problems().isEmpty() && r.conflictsKept() == 0;
    }

    /** Asks for the archive's name and kind, then writes {@code entries} of {@code snapshot} into it. */
    public Task<ArchiveExporter.Result> export(StoreSession session, Snapshot snapshot, List<ManifestEntry> entries) {
        return export(session, snapshot, RestoreItems.describe(snapshot, entries), RestoreItems.of(entries));
    }

    /** Asks for the archive's name and kind, then writes {@code items} of {@code snapshot} into it. */
    public Task<ArchiveExporter.Result> export(StoreSession session, Snapshot snapshot, String what, List<RestoreItem> items) {
        Path archive = saveChooser.choose(owner, "Export " + what + " as", "snapshot-" + snapshot.id().substring(0, Math.min(8, snapshot.id().length())) + ".tar",
                "Tar archive (keeps modes and symlinks)", "*.tar", "Gzipped tar archive", "*.tar.gz", "Zip archive", "*.zip");
        if (archive == null) {
            return null;
        }
        long total = items.stream().mapToLong(i -> Math.max(0, i.size())).sum();
        // the user already agreed to replace an existing file in the save dialog
        return tasks.job("Exporting " + what, session.holding(p -> new ArchiveExporter(session.packs()).export(items, archive, true,
                snapshot.createdInstant().orElseGet(Instant::now), p::isCancelled, n -> {
                    p.progress(n, total);
                    p.message(Format.bytes(n) + " / " + Format.bytes(total));
                }))).onSuccess(r -> problems.accept(r.refused()))
                .report(r -> "Exported " + Format.count(r.files(), "file") + " (" + Format.bytes(r.bytes()) + ") to " + r.archive()
                        + (r.refused().isEmpty() ? "" : "; " + r.refused().size() + " left out (see Problems)"), r -> r.refused().isEmpty())
                .run();
    }
}

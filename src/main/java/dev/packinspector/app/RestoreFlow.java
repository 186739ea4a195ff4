package dev.packinspector.app;

import dev.packinspector.restore.PlanExport;
import dev.packinspector.restore.Progress;
import dev.packinspector.restore.RestoreItem;
import dev.packinspector.restore.RestoreListener;
import dev.packinspector.restore.RestorePlan;
import dev.packinspector.restore.RestorePlanner;
import dev.packinspector.restore.RestoreProblem;
import dev.packinspector.restore.RestoreResult;
import dev.packinspector.restore.Restorer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.function.Consumer;
import javafx.concurrent.Task;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.Button;
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
 * and why), then restore as a task with progress, throughput, ETA and Cancel.
 */
final class RestoreFlow {
    static final ButtonType RESTORE = new ButtonType("Restore", ButtonBar.ButtonData.OK_DONE);

    private final TaskPanel tasks;
    private final Consumer<List<RestoreProblem>> problems;
    private FolderChooser chooser = FolderChooser.system();
    private SaveChooser saveChooser = SaveChooser.system();
    private Window owner;

    RestoreFlow(TaskPanel tasks, Consumer<List<RestoreProblem>> problems) {
        this.tasks = tasks;
        this.problems = problems;
    }

    void owner(Window window) {
        this.owner = window;
    }

    void chooser(FolderChooser c) {
        this.chooser = c;
    }

    void saveChooser(SaveChooser c) {
        this.saveChooser = c;
    }

    /** Asks for a target folder, then plans and confirms. */
    void restore(StoreSession session, String what, List<RestoreItem> items) {
        Path target = chooser.choose(owner, "Restore " + what + " into…");
        if (target != null) {
            restoreTo(session, what, items, target);
        }
    }

    /** Plans restoring {@code items} into {@code target} and asks before writing anything. */
    void restoreTo(StoreSession session, String what, List<RestoreItem> items, Path target) {
        tasks.run(new Task<RestorePlan[]>() {
            {
                updateTitle("Planning the restore of " + what);
            }

            @Override
            protected RestorePlan[] call() throws Exception {
                return new RestorePlan[] {RestorePlanner.plan(session.packs(), items, target, false),
                    RestorePlanner.plan(session.packs(), items, target, true)};
            }

            @Override
            protected void succeeded() {
                confirm(session, what, getValue()[0], getValue()[1]);
            }
        }, plans -> null); // the plan dialog is the outcome: no note, no status message
    }

    private void confirm(StoreSession session, String what, RestorePlan keep, RestorePlan overwrite) {
        var dialog = new Alert(Alert.AlertType.CONFIRMATION);
        dialog.initOwner(owner);
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
                run(what, overwriteBox.isSelected() ? overwrite : keep);
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
        tasks.run(new Task<Path>() {
            @Override
            protected Path call() throws Exception {
                updateTitle("Saving the plan");
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
            }
        }, f -> "Plan saved to " + f);
    }

    private static void planRow(GridPane grid, int row, String what, String value) {
        var key = new Label(what);
        key.getStyleClass().add("text-muted");
        var v = new Label(value);
        v.setId("plan-" + what.toLowerCase(java.util.Locale.ROOT).replace(' ', '-'));
        grid.addRow(row, key, v);
    }

    /** Runs a plan as a task with a row in the task panel. */
    Task<RestoreResult> run(String what, RestorePlan plan) {
        var restorer = new Restorer(BackgroundTasks.workers());
        var task = new Task<RestoreResult>() {
            {
                updateTitle("Restoring " + what);
            }

            @Override
            protected RestoreResult call() throws Exception {
                return restorer.run(plan, new RestoreListener() {
                    @Override
                    public void progress(Progress p) {
                        updateProgress(p.bytesDone(), Math.max(1, p.bytesTotal()));
                        updateMessage(String.format("%s / %s · %s/s · ETA %s", Format.count(p.filesDone()), Format.count(p.filesTotal(), "file"),
                                Format.bytes((long) p.bytesPerSecond()), Format.duration(p.remainingNanos())));
                    }
                });
            }

            @Override
            protected void cancelled() {
                restorer.cancel();
            }

            @Override
            protected void succeeded() {
                problems.accept(getValue().problems());
            }
        };
        return tasks.run(task, r -> String.format("Restored %s (%s) into %s%s%s", Format.count(r.written(), "file"), Format.bytes(r.bytesWritten()),
                plan.target(), r.unchanged() > 0 ? "; " + Format.count(r.unchanged()) + " already there" : "",
                complete(r) ? "" : "; " + (r.problems().size() + r.conflictsKept()) + " not restored (see Problems)"), RestoreFlow::complete);
    }

    /** Everything asked for is in place: nothing refused, failed or kept because it differed. */
    private static boolean complete(RestoreResult r) {
        return r.problems().isEmpty() && r.conflictsKept() == 0;
    }
}

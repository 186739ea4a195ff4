package dev.packinspector.app.restore;

import dev.packinspector.app.common.Css;
import dev.packinspector.app.common.Dialogs;
import dev.packinspector.app.common.Format;
import dev.packinspector.restore.RestorePlan;
import java.nio.file.Files;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DialogEvent;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The plan of a restore, to confirm before anything is written: where the files land (the target
 * folder's full path), the counts, the room on the target's file system against what the restore
 * needs, and every file with what will happen to it (write, replace, identical, keep, refused and
 * why) in a sortable table. A plan the target has no room for cannot be started: Restore is
 * disabled and the dialog says why. Replacing the files that differ switches to the other plan.
 */
final class PlanDialog {
    private final Alert dialog;
    private final FileOutcomes.Planned keep;
    private final FileOutcomes.Planned overwrite;
    private final CheckBox overwriteBox;
    private final TableView<FileOutcomes.Row> table;
    private final Label toWrite = value("to-write", "");
    private final Label space = new Label();
    private final Label refusal = new Label();

    /** What the dialog's buttons do: restore the chosen plan, save it, or give up. */
    interface Answers {
        void restore(RestorePlan plan);

        void save(RestorePlan plan);

        void cancel();
    }

    private PlanDialog(Window owner, String what, FileOutcomes.Planned keepPlanned, FileOutcomes.Planned overwritePlanned, Answers answers) {
        this.keep = keepPlanned;
        this.overwrite = overwritePlanned;
        RestorePlan keep = keepPlanned.plan();
        dialog = Dialogs.fit(new Alert(Alert.AlertType.CONFIRMATION), owner);
        dialog.setTitle("Restore " + what);
        dialog.setHeaderText("Restore " + what);
        var target = new Label(keep.target() + (Files.exists(keep.target()) ? "" : "  (a new folder)"));
        target.setId("plan-target");
        FileOutcomes.wrappingValue(target);
        target.setTooltip(new Tooltip("Every file lands in this folder, at its path in the list below"));
        var summary = new GridPane();
        summary.setId("plan-summary");
        summary.setHgap(16);
        summary.setVgap(4);
        row(summary, 0, "Into", target);
        row(summary, 1, "To write", toWrite);
        row(summary, 2, "Already identical", value("already-identical", Format.count(keep.unchanged().size(), "file") + " (skipped)"));
        row(summary, 3, "Differ in the folder", value("differ-in-the-folder", Format.count(keep.conflicts().size(), "file")
                + (keep.conflicts().isEmpty() ? "" : " (kept unless you replace them)")));
        row(summary, 4, "Refused", value("refused", Format.count(keep.refused().size(), "entry", "entries")
                + (keep.refused().isEmpty() ? "" : " (unsafe or unreadable: listed below, not written)")));
        space.setId("plan-space");
        row(summary, 5, "Space", space);
        refusal.setId("plan-refusal");
        FileOutcomes.wrapping(refusal);
        refusal.getStyleClass().add("danger");
        overwriteBox = new CheckBox("Replace the " + Format.count(keep.conflicts().size(), "file") + " that differ");
        overwriteBox.setId("plan-overwrite");
        overwriteBox.setVisible(!keep.conflicts().isEmpty());
        overwriteBox.setManaged(!keep.conflicts().isEmpty());
        table = FileOutcomes.table("plan-table", "Action", keepPlanned.rows());
        VBox.setVgrow(table, Priority.ALWAYS);
        var savePlan = new Button("Save plan…");
        savePlan.setId("plan-save");
        savePlan.setTooltip(new Tooltip("Write this plan, one row per file, as CSV or JSON (nothing is restored)"));
        savePlan.setOnAction(e -> answers.save(chosen().plan()));
        var caption = new Label("Paths are inside the folder above");
        caption.getStyleClass().add("text-muted");
        dialog.getDialogPane().setContent(new VBox(10, summary, refusal, overwriteBox, caption, table, savePlan));
        dialog.getButtonTypes().setAll(RestoreFlow.RESTORE, ButtonType.CANCEL);
        dialog.setResultConverter(b -> b);
        overwriteBox.selectedProperty().addListener((obs, old, now) -> show(chosen()));
        show(keepPlanned);
        dialog.addEventHandler(DialogEvent.DIALOG_SHOWN, e -> {
            Node restore = dialog.getDialogPane().lookupButton(RestoreFlow.RESTORE);
            if (!restore.isDisabled()) {
                restore.requestFocus(); // Enter restores, as the default button; the table would take it for itself
            }
        });
        dialog.resultProperty().addListener((obs, old, result) -> {
            if (result == RestoreFlow.RESTORE) {
                answers.restore(chosen().plan());
            } else {
                answers.cancel();
            }
        });
    }

    /** Shows the plan to restore {@code what}: {@code keep} keeps the files that differ, {@code overwrite} replaces them. */
    static Alert show(Window owner, String what, FileOutcomes.Planned keep, FileOutcomes.Planned overwrite, Answers answers) {
        var d = new PlanDialog(owner, what, keep, overwrite, answers);
        d.dialog.show();
        return d.dialog;
    }

    private FileOutcomes.Planned chosen() {
        return overwriteBox.isSelected() ? overwrite : keep;
    }

    /** Shows {@code planned}'s files and room, and lets it start only if it fits. */
    private void show(FileOutcomes.Planned planned) {
        RestorePlan plan = planned.plan();
        FileOutcomes.show(table, planned.rows());
        toWrite.setText(Format.count(plan.filesToWrite(), "file") + " (" + Format.bytes(plan.bytesToWrite()) + ")");
        RestorePlan.Space room = plan.space();
        String needs = "needs " + Format.bytes(room.neededBytes());
        space.setText(room.usableBytes() < 0 ? needs + " (the file system does not say how much is free)"
                : room.fits() ? needs + " · " + Format.bytes(room.usableBytes()) + " free"
                : needs + " · only " + Format.bytes(room.usableBytes()) + " free");
        Css.flag(space, "danger", !room.fits());
        String problem = plan.spaceProblem();
        refusal.setText(problem == null ? "" : "Cannot restore: " + problem + ".");
        refusal.setVisible(problem != null);
        refusal.setManaged(problem != null);
        dialog.getDialogPane().lookupButton(RestoreFlow.RESTORE).setDisable(problem != null);
    }

    private static Label value(String id, String text) {
        var v = new Label(text);
        v.setId("plan-" + id);
        return v;
    }

    private static void row(GridPane grid, int row, String what, Node value) {
        var key = new Label(what);
        key.getStyleClass().add("text-muted");
        GridPane.setHgrow(value, Priority.ALWAYS);
        grid.addRow(row, key, value);
        key.setId("plan-key-" + what.toLowerCase(Locale.ROOT).replace(' ', '-'));
    }
}

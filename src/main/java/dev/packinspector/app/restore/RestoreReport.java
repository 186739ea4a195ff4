package dev.packinspector.app.restore;

import dev.packinspector.app.common.Dialogs;
import dev.packinspector.app.common.Format;
import dev.packinspector.restore.ArchiveExporter;
import dev.packinspector.restore.RestorePlan;
import dev.packinspector.restore.RestoreResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * How a restore or an export ended, as Déjà Dup and KopiaUI end theirs: a small dialog that stays
 * until dismissed, saying what was written, what was already identical, what differed and was
 * kept, and what was refused or failed and why (every file in a sortable table), with Open folder.
 * A cancelled restore says how many files are complete and that restoring again finishes the job
 * (and offers to). What a restore refused belongs here, not to the store's Problems.
 */
final class RestoreReport {
    static final ButtonType OPEN_FOLDER = new ButtonType("Open folder", ButtonBar.ButtonData.LEFT);
    static final ButtonType RESTORE_AGAIN = new ButtonType("Restore again", ButtonBar.ButtonData.OK_DONE);

    /** What the report's buttons do. */
    interface Answers {
        void openFolder(Path folder);

        /** Restore the same files into the same folder again (offered after a cancel, a failure or a kept file). */
        void again();

        /** Closed without restoring again. */
        void dismissed();
    }

    private RestoreReport() {
    }

    /** Shows how restoring {@code what} by {@code plan} ended, each file's outcome in {@code rows}; "Restore again" if {@code offerAgain}. */
    static Alert restored(Window owner, String what, RestorePlan plan, RestoreResult r, List<FileOutcomes.Row> rows, boolean offerAgain,
            Answers answers) {
        var dialog = Dialogs.fit(new Alert(r.cancelled() ? Alert.AlertType.WARNING : r.ok() ? Alert.AlertType.INFORMATION : Alert.AlertType.WARNING),
                owner);
        dialog.setTitle(r.cancelled() ? "Restore cancelled" : "Restore finished");
        dialog.setHeaderText(headline(what, plan, r));
        var grid = grid();
        int line = 0;
        line(grid, line++, "Into", "target", plan.target().toString());
        if (r.cancelled()) {
            line(grid, line++, "Complete", "complete", Format.count(complete(r), "file") + " of " + Format.count(planned(plan))
                    + " (no partial file is left)");
        }
        line(grid, line++, "Written", "written", Format.count(r.written(), "file") + " (" + Format.bytes(r.bytesWritten()) + ")");
        line(grid, line++, "Already identical", "identical", Format.count(r.unchanged(), "file") + " (left as they were"
                + (r.modesFixed() > 0 ? "; permissions set on " + Format.count(r.modesFixed()) : "") + ")");
        line(grid, line++, "Differing, kept", "kept", Format.count(r.conflictsKept(), "file")
                + (r.conflictsKept() == 0 ? "" : " (restore again and choose Replace to overwrite them)"));
        line(grid, line++, "Refused or failed", "refused", Format.count(r.problems().size(), "entry", "entries")
                + (r.problems().isEmpty() ? "" : " (the reasons are in the list)"));
        var content = new VBox(10, grid);
        String again = r.cancelled() ? "Restoring again into the same folder writes the other " + Format.count(left(plan, r), "file")
                + ": the complete ones are found identical and skipped."
                : failed(plan, r) > 0 ? "Once what stopped them is dealt with (the reasons are in the list), restoring again into the same"
                + " folder tries again what failed (" + Format.count(failed(plan, r), "entry", "entries") + "); the complete files are found identical and skipped."
                : null;
        if (again != null) {
            var note = new Label(again);
            note.setId("report-note");
            FileOutcomes.wrapping(note);
            content.getChildren().add(note);
        }
        content.getChildren().add(table(rows));
        dialog.getDialogPane().setContent(content);
        if (offerAgain) {
            dialog.getButtonTypes().setAll(OPEN_FOLDER, RESTORE_AGAIN, ButtonType.CLOSE);
        } else {
            dialog.getButtonTypes().setAll(OPEN_FOLDER, ButtonType.CLOSE);
        }
        answer(dialog, plan.target(), answers);
        dialog.show();
        return dialog;
    }

    /** Shows how exporting {@code what} ended: the archive, its files, what was left out and why. */
    static Alert exported(Window owner, String what, ArchiveExporter.Result r, Answers answers) {
        var dialog = Dialogs.fit(new Alert(r.refused().isEmpty() ? Alert.AlertType.INFORMATION : Alert.AlertType.WARNING), owner);
        dialog.setTitle("Export finished");
        dialog.setHeaderText("Exported " + what + (r.refused().isEmpty() ? "" : ", leaving out " + Format.count(r.refused().size(), "entry", "entries")));
        var grid = grid();
        line(grid, 0, "Archive", "target", r.archive().toString());
        line(grid, 1, "Written", "written", Format.count(r.files(), "file") + " (" + Format.bytes(r.bytes()) + ")");
        line(grid, 2, "Left out", "refused", Format.count(r.refused().size(), "entry", "entries")
                + (r.refused().isEmpty() ? "" : " (the reasons are in the list)"));
        var content = new VBox(10, grid);
        if (!r.refused().isEmpty()) {
            content.getChildren().add(table(FileOutcomes.leftOut(r.refused())));
        }
        dialog.getDialogPane().setContent(content);
        dialog.getButtonTypes().setAll(OPEN_FOLDER, ButtonType.CLOSE);
        answer(dialog, r.archive().getParent(), answers);
        dialog.show();
        return dialog;
    }

    /** The sentence for the status line and the task panel's note. */
    static String sentence(String what, RestorePlan plan, RestoreResult r) {
        if (r.cancelled()) {
            return "Restore of " + what + " cancelled: " + Format.count(complete(r)) + " of " + Format.count(planned(plan), "file")
                    + " complete in " + plan.target() + "; restoring again writes the other " + Format.count(left(plan, r));
        }
        int notRestored = r.problems().size() + r.conflictsKept();
        return String.format(Locale.ROOT, "Restored %s (%s) into %s%s%s", Format.count(r.written(), "file"), Format.bytes(r.bytesWritten()),
                plan.target(), r.unchanged() > 0 ? "; " + Format.count(r.unchanged()) + " already there" : "",
                notRestored == 0 ? "" : "; " + notRestored + " not restored (see the report)");
    }

    private static String headline(String what, RestorePlan plan, RestoreResult r) {
        if (r.cancelled()) {
            return "Restore of " + what + " cancelled: " + Format.count(complete(r)) + " of " + Format.count(planned(plan), "file") + " complete";
        }
        int notRestored = r.problems().size() + r.conflictsKept();
        return "Restored " + what + (notRestored == 0 ? "" : ", " + Format.count(notRestored, "file") + " not restored");
    }

    /** Files the restore tried to put in place and could not (beside those the plan refused). */
    static int failed(RestorePlan plan, RestoreResult r) {
        return Math.max(0, r.problems().size() - plan.refused().size());
    }

    /** Files in place: written now, or already identical. */
    private static long complete(RestoreResult r) {
        return (long) r.written() + r.unchanged();
    }

    private static long planned(RestorePlan plan) {
        return (long) plan.filesToWrite() + plan.unchanged().size();
    }

    private static long left(RestorePlan plan, RestoreResult r) {
        return Math.max(0, plan.filesToWrite() - r.written());
    }

    private static void answer(Alert dialog, Path folder, Answers answers) {
        dialog.setResultConverter(b -> b);
        dialog.resultProperty().addListener((obs, old, result) -> {
            if (result == OPEN_FOLDER) {
                answers.openFolder(folder);
            }
            if (result == RESTORE_AGAIN) {
                answers.again();
            } else {
                answers.dismissed();
            }
        });
    }

    private static Node table(List<FileOutcomes.Row> rows) {
        var table = FileOutcomes.table("report-table", "Outcome", rows);
        VBox.setVgrow(table, Priority.ALWAYS);
        return table;
    }

    private static GridPane grid() {
        var grid = new GridPane();
        grid.setId("report-summary");
        grid.setHgap(16);
        grid.setVgap(4);
        return grid;
    }

    private static void line(GridPane grid, int row, String what, String id, String text) {
        var key = new Label(what);
        key.getStyleClass().add("text-muted");
        var value = new Label(text);
        value.setId("report-" + id);
        FileOutcomes.wrappingValue(value);
        GridPane.setHgrow(value, Priority.ALWAYS);
        grid.addRow(row, key, value);
    }
}

package dev.packinspector.app.history;

import dev.packinspector.app.common.Dialogs;
import dev.packinspector.app.common.Format;
import dev.packinspector.app.common.Tasks;
import dev.packinspector.app.session.StoreSession;
import dev.packinspector.restore.Progress;
import dev.packinspector.restore.RestoreProblem;
import dev.packinspector.workspace.Rollback;
import dev.packinspector.workspace.RollbackPlan;
import dev.packinspector.workspace.RollbackPlanner;
import dev.packinspector.workspace.Trash;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogEvent;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * A rollback from the Workspace view: the plan worked out in the background, shown to confirm
 * (what moves to the trash, what is written, what replaced and what only gets its permissions
 * back, every path in order, and what is refused and why), then carried out as a task with
 * progress and Cancel ({@link Rollback}); the folder is rescanned after. Nothing is touched before
 * the user says Roll back.
 */
public final class RollbackFlow {
    /** The dialog's button that starts the rollback. */
    public static final ButtonType ROLL_BACK = new ButtonType("Roll back", ButtonBar.ButtonData.OK_DONE);

    private final Tasks tasks;
    private final Node owner;
    private final Runnable after;
    private final Trash.Source trash;

    RollbackFlow(Tasks tasks, Node owner, Trash.Source trash, Runnable after) {
        this.tasks = tasks;
        this.owner = owner;
        this.trash = trash;
        this.after = after;
    }

    /** Plans the rollback of {@code paths} (none: everything) of the compared folder, then shows the plan. */
    void start(FolderTracker.Status status, List<String> paths) {
        FolderTracker.Key key = status.key();
        tasks.job("Planning the rollback", p -> {
            Trash into = trash.get();
            return new Planned(RollbackPlanner.plan(key.folder(), key.snapshot(), status.files(), status.rows(), status.rules(), paths,
                    List.of(into.homeTrash(), key.session().path())), into);
        }).onSuccess(planned -> confirm(key, planned.plan(), planned.trash())).run();
    }

    private record Planned(RollbackPlan plan, Trash trash) {
    }

    private void confirm(FolderTracker.Key key, RollbackPlan plan, Trash trash) {
        var dialog = Dialogs.fit(new Alert(Alert.AlertType.CONFIRMATION), owner.getScene().getWindow());
        dialog.setTitle("Roll back");
        dialog.setHeaderText(plan.nothingToDo() ? "Nothing to roll back" : "Roll back " + key.folder().getFileName() + " to " + Format.snapshot(key.snapshot()));
        var summary = new GridPane();
        summary.setId("rollback-summary");
        summary.setHgap(16);
        summary.setVgap(4);
        int trashed = plan.steps(RollbackPlan.Action.TRASH).stream().mapToInt(RollbackPlan.Step::files).sum();
        row(summary, "Folder", key.folder().toString());
        if (trashed > 0) {
            row(summary, "To the trash", Format.count(trashed, "file") + " the snapshot does not have → " + trash.homeTrash()
                    + " (or the volume's own trash)");
        }
        int write = plan.count(RollbackPlan.Action.WRITE);
        int replace = plan.count(RollbackPlan.Action.REPLACE);
        int mode = plan.count(RollbackPlan.Action.MODE);
        if (write > 0) {
            row(summary, "To write", Format.count(write, "file") + " the folder lacks");
        }
        if (replace > 0) {
            row(summary, "To replace", Format.count(replace, "file") + " (the versions there now go to the trash)");
        }
        if (mode > 0) {
            row(summary, "Permissions", Format.count(mode, "file") + " get the snapshot's back");
        }
        if (!plan.refused().isEmpty()) {
            row(summary, "Refused", Format.count(plan.refused().size(), "path") + " (listed below, left as they are)");
        }
        var steps = new ListView<String>();
        steps.setId("rollback-steps");
        steps.getStyleClass().add("monospace");
        steps.getItems().setAll(lines(plan));
        steps.setPrefHeight(260);
        VBox.setVgrow(steps, Priority.ALWAYS);
        var caption = new Label(plan.nothingToDo() ? "What was asked for is as the snapshot has it." : "In the order it is done. Nothing is deleted:"
                + " what goes can be restored from the trash with your file manager.");
        caption.getStyleClass().add("text-muted");
        caption.setWrapText(true);
        dialog.getDialogPane().setContent(new VBox(10, summary, caption, steps));
        dialog.getButtonTypes().setAll(plan.nothingToDo() ? List.of(ButtonType.CLOSE) : List.of(ROLL_BACK, ButtonType.CANCEL));
        dialog.addEventHandler(DialogEvent.DIALOG_SHOWN, e -> {
            Node go = dialog.getDialogPane().lookupButton(ROLL_BACK);
            if (go != null) {
                go.requestFocus(); // Enter rolls back, as the default button; the list would take it for itself
            }
        });
        dialog.resultProperty().addListener((obs, old, result) -> {
            if (result == ROLL_BACK && !plan.nothingToDo()) {
                run(key, plan, trash);
            }
        });
        dialog.show();
    }

    /** The plan as the dialog lists it: one line a path. */
    static List<String> lines(RollbackPlan plan) {
        var out = new ArrayList<String>();
        for (RollbackPlan.Step s : plan.steps()) {
            String what = switch (s.action()) {
                case TRASH -> "to the trash  " + s.path() + (s.folder() ? "/  (" + Format.count(s.files(), "file") + ")" : "");
                case WRITE -> "write         " + s.path();
                case REPLACE -> "replace       " + s.path();
                case MODE -> "permissions   " + s.path() + "  " + Format.permissions(s.now().mode()) + " → " + Format.permissions(s.snapshot().mode());
            };
            out.add(what);
        }
        for (RollbackPlan.Refusal r : plan.refused()) {
            out.add("refused       " + r.path() + ": " + r.why());
        }
        return out;
    }

    private void run(FolderTracker.Key key, RollbackPlan plan, Trash trash) {
        StoreSession s = key.session();
        var rollback = new Rollback(trash, Tasks.workers());
        int paths = plan.steps().size();
        tasks.job("Rolling back " + key.folder().getFileName(), s.holding(p -> rollback.run(plan, s.packs(), new Rollback.Listener() {
            @Override
            public void progress(Progress progress) {
                p.progress(progress.bytesDone(), Math.max(1, progress.bytesTotal()));
                p.message(Format.count(progress.filesDone()) + " of " + Format.count(progress.filesTotal(), "file") + " written");
            }
        }))).message(Format.count(paths, "path")).onCancel(rollback::cancel)
                .report(r -> sentence(r, trash), Rollback.Result::ok).andFinally(after).run();
    }

    private static String sentence(Rollback.Result r, Trash trash) {
        String done = (r.cancelled() ? "Rollback stopped: " : "Rolled back: ") + Format.count(r.restore().written(), "file") + " written, "
                + Format.count(r.trashed() + r.keptCopies(), "item") + " to the trash (" + trash.homeTrash() + ")"
                + (r.restore().modesFixed() > 0 ? ", " + Format.count(r.restore().modesFixed(), "permission") + " put back" : "");
        if (r.problems().isEmpty()) {
            return done;
        }
        RestoreProblem first = r.problems().getFirst();
        return done + "; " + Format.count(r.problems().size(), "path") + " refused or failed, first " + first.path() + ": " + first.message();
    }

    private static void row(GridPane grid, String what, String value) {
        int row = grid.getRowCount();
        var key = new Label(what);
        key.getStyleClass().add("text-muted");
        var v = new Label(value);
        v.setWrapText(true);
        v.setId("rollback-" + what.toLowerCase(java.util.Locale.ROOT).replace(' ', '-'));
        GridPane.setHgrow(v, Priority.ALWAYS);
        grid.addRow(row, key, v);
    }
}

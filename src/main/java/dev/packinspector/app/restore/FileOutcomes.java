package dev.packinspector.app.restore;

import dev.packinspector.app.common.Columns;
import dev.packinspector.app.common.Format;
import dev.packinspector.restore.RestoreItem;
import dev.packinspector.restore.RestorePlan;
import dev.packinspector.restore.RestoreProblem;
import dev.packinspector.restore.RestoreResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.collections.FXCollections;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;

/**
 * One row per file of a restore, for the plan (what will happen to it) and the report (what did):
 * its path in the target, size, action and the reason, trouble first. Rows are made off the FX
 * thread (a snapshot may hold 100,000 files); a sortable table shows them.
 */
final class FileOutcomes {
    /** What happens, or happened, to a file; the order is the table's default (trouble first). */
    enum Action {
        REFUSED("refused"), FAILED("failed"), NOT_WRITTEN("not written"), KEEP("keep"), KEPT("kept"), REPLACE("replace"), REPLACED("replaced"),
        WRITE("write"), WRITTEN("written"), IDENTICAL("identical");

        final String word;

        Action(String word) {
            this.word = word;
        }
    }

    /** A file's row: {@code size} -1 when unknown. */
    record Row(String path, long size, Action action, String reason) {
    }

    /** A plan and its rows. */
    record Planned(RestorePlan plan, List<Row> rows) {
        static Planned of(RestorePlan plan) {
            return new Planned(plan, planned(plan));
        }
    }

    private FileOutcomes() {
    }

    /** What {@code plan} will do with each file, trouble first. */
    static List<Row> planned(RestorePlan plan) {
        var rows = refusedAndKept(plan, Action.KEEP, "differs from the file in the folder, which is kept unless you replace it");
        for (RestorePlan.Write w : plan.writes()) {
            rows.add(new Row(w.item().path(), w.item().size(), w.replaces() ? Action.REPLACE : Action.WRITE,
                    w.replaces() ? "differs from the file in the folder, which it replaces" : linkNote(w.item())));
        }
        for (RestorePlan.Existing e : plan.unchanged()) {
            rows.add(new Row(e.item().path(), e.item().size(), Action.IDENTICAL, identicalNote(e, false)));
        }
        return sorted(rows);
    }

    /** What a restore of {@code plan} did with each file, trouble first: {@code written} holds the paths it put in place. */
    static List<Row> done(RestorePlan plan, RestoreResult result, Set<String> written) {
        Map<String, RestoreProblem> failed = new HashMap<>();
        for (RestoreProblem p : result.problems()) {
            failed.putIfAbsent(p.path(), p);
        }
        var rows = refusedAndKept(plan, Action.KEPT, "differs from the file in the folder, which was kept");
        for (RestorePlan.Write w : plan.writes()) {
            String path = w.item().path();
            RestoreProblem p = failed.get(path);
            if (written.contains(path)) {
                rows.add(new Row(path, w.item().size(), w.replaces() ? Action.REPLACED : Action.WRITTEN, linkNote(w.item())));
            } else if (p != null) {
                rows.add(new Row(path, w.item().size(), Action.FAILED, p.message()));
            } else {
                rows.add(new Row(path, w.item().size(), Action.NOT_WRITTEN, "the restore was cancelled first; restoring again writes it"));
            }
        }
        for (RestorePlan.Existing e : plan.unchanged()) {
            RestoreProblem p = failed.get(e.item().path());
            rows.add(p != null ? new Row(e.item().path(), e.item().size(), Action.FAILED, p.message())
                    : new Row(e.item().path(), e.item().size(), Action.IDENTICAL, identicalNote(e, true)));
        }
        // what failed beside the files (a folder that could not be created)
        var listed = new java.util.HashSet<String>();
        rows.forEach(r -> listed.add(r.path()));
        for (RestoreProblem p : failed.values()) {
            if (listed.add(p.path())) {
                rows.add(new Row(p.path(), -1, Action.FAILED, p.message()));
            }
        }
        return sorted(rows);
    }

    /** The rows both lists start with: the files {@code plan} refuses, then those it keeps as {@code kept} says. */
    private static List<Row> refusedAndKept(RestorePlan plan, Action kept, String note) {
        var rows = new ArrayList<Row>();
        for (RestoreProblem p : plan.refused()) {
            rows.add(new Row(p.path(), -1, Action.REFUSED, p.message()));
        }
        for (RestorePlan.Existing e : plan.conflicts()) {
            rows.add(new Row(e.item().path(), e.item().size(), kept, note));
        }
        return rows;
    }

    /** Rows of entries left out of an archive. */
    static List<Row> leftOut(List<RestoreProblem> refused) {
        return sorted(refused.stream().map(p -> new Row(p.path(), -1, Action.REFUSED, p.message())).toList());
    }

    private static String linkNote(RestoreItem item) {
        return item.symlink() ? "a symlink" : "";
    }

    private static String identicalNote(RestorePlan.Existing e, boolean done) {
        if (!e.modeDiffers()) {
            return done ? "already in the folder; left as it was" : "already in the folder; skipped";
        }
        return (done ? "already in the folder; its permissions were set to " : "already in the folder; its permissions will be set to ")
                + Format.permissions(0100000 | e.item().permissions());
    }

    /** A sortable table of {@code rows} (CSS id {@code id}) whose third column is titled {@code action}, trouble first. */
    static TableView<Row> table(String id, String action, List<Row> rows) {
        var table = new TableView<Row>();
        table.setId(id);
        table.getStyleClass().add(atlantafx.base.theme.Styles.DENSE);
        table.setPlaceholder(new Label("No files"));
        show(table, rows);
        table.getColumns().setAll(List.of(
                Columns.name("Path", 300, Row::path),
                Columns.number("Size", 80, r -> r.size() < 0 ? "" : Format.bytes(r.size()), Row::size),
                Columns.sorted(action, 90, r -> r.action().word, Comparator.comparing(Row::action)),
                Columns.name("Reason", 320, Row::reason)));
        table.getColumns().get(0).setId("col-path");
        table.getColumns().get(2).setId("col-action");
        table.setPrefSize(800, 200); // the dialog fits a 1024×700 screen with room for its reason and buttons
        return table;
    }

    /**
     * Makes {@code label} wrap within the width its dialog gets from its other parts (the table)
     * instead of widening the dialog to the length of its text (a long path or reason).
     */
    static <L extends Label> L wrapping(L label) {
        label.setWrapText(true);
        label.setPrefWidth(200);
        label.setMaxWidth(Double.MAX_VALUE);
        label.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return label;
    }

    /** Makes a value of a dialog's summary grid wrap at the width its table leaves beside the grid's keys. */
    static <L extends Label> L wrappingValue(L label) {
        label.setWrapText(true);
        label.setMaxWidth(620);
        return label;
    }

    /** Trouble first, then by path. */
    private static List<Row> sorted(List<Row> rows) {
        var sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparing(Row::action).thenComparing(Row::path, Columns.NATURAL));
        return List.copyOf(sorted);
    }

    /** Shows {@code rows} in {@code table} in their order, until the user sorts otherwise. */
    static void show(TableView<Row> table, List<Row> rows) {
        table.getSortOrder().clear();
        table.setItems(FXCollections.observableArrayList(rows));
    }
}

package dev.packinspector.app.problems;

import dev.packinspector.app.common.Columns;
import dev.packinspector.app.common.Format;
import dev.packinspector.app.common.Tasks;
import dev.packinspector.app.common.TreeColumns;
import dev.packinspector.app.common.TypeToFind;
import dev.packinspector.app.session.Damage;
import dev.packinspector.app.session.StoreSession;
import dev.packinspector.restore.CatalogReferences;
import dev.packinspector.restore.Cause;
import dev.packinspector.restore.Progress;
import dev.packinspector.restore.RestoreListener;
import dev.packinspector.restore.StoreVerifier;
import dev.packinspector.restore.TreeCheck;
import dev.packinspector.restore.VerifyReport;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;

/**
 * Problems with the store: unusable packs at once, and everything {@code verify} finds when asked,
 * plus entries the last restore could not write. Double-click (or Enter on) one to go to its pack
 * or object.
 */
public final class ProblemsView extends BorderPane {
    private final ObservableList<Problem> rows = FXCollections.observableArrayList();
    private final TreeItem<Problem> root = new TreeItem<>();
    private final TreeTableView<Problem> table = new TreeTableView<>(root);
    private final Label summary = new Label("Not verified yet");
    private final Tasks tasks;
    private final ObservableValue<StoreSession> session;
    /** The verify running: another store cancels it. */
    private final Tasks.Latest verifying = new Tasks.Latest();
    private boolean rebuilding;

    /** The problems of {@code session}'s store, whichever is open; {@code goTo} shows a problem's pack or object. */
    public ProblemsView(Tasks tasks, ObservableValue<StoreSession> session, Consumer<Problem> goTo) {
        this.tasks = tasks;
        this.session = session;
        setId("problems-view");
        table.setId("problem-list");
        table.getStyleClass().add(atlantafx.base.theme.Styles.DENSE);
        table.setPlaceholder(new Label("No problems found. Verify checks every object, hash and catalog reference."));
        table.setShowRoot(false);
        var columns = new TreeColumns<Problem>(p -> false);
        var detail = columns.name("Details", 500, Problem::detail);
        table.getColumns().setAll(List.of(
                columns.name("Problem", 165, Problem::what),
                columns.name("File", 165, Problem::file),
                columns.number("Offset", 90, p -> p.offset() < 0 ? "" : Format.count(p.offset()), Problem::offset),
                detail));
        TreeColumns.fit(table, detail, 110);
        var shownColumns = table.getColumns();
        Columns.dropWhenNarrow(table, shownColumns, List.of(shownColumns.get(2), shownColumns.get(1)));
        TypeToFind.install(table, Problem::what);
        rows.addListener((javafx.collections.ListChangeListener<Problem>) c -> {
            // rows added one by one (on opening, after a restore) show as causes with nothing beneath
            while (c.next()) {
                if (c.wasAdded() && !rebuilding) {
                    c.getAddedSubList().forEach(p -> root.getChildren().add(new TreeItem<>(p)));
                }
                if (c.wasRemoved() && !rebuilding) {
                    root.getChildren().removeIf(item -> !rows.contains(item.getValue()));
                }
            }
        });
        table.setRowFactory(t -> new TreeTableRow<>() {
            @Override
            protected void updateItem(Problem p, boolean empty) {
                super.updateItem(p, empty);
                setTooltip(empty || p == null ? null : new Tooltip(p.sentence()));
            }
        });
        table.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && selected() != null) {
                goTo.accept(selected());
            }
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && selected() != null) {
                goTo.accept(selected());
            }
        });
        var verify = new Button("Verify now");
        verify.setId("verify-button");
        verify.setTooltip(new Tooltip("Decode every object, check every hash, pack and catalog reference (Ctrl+Shift+V)"));
        verify.setOnAction(e -> verify());
        verify.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        summary.setId("verify-summary");
        var top = new HBox(10, verify, summary);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(6));
        setTop(top);
        setCenter(table);
        session.addListener((obs, old, now) -> show(now));
    }

    private void show(StoreSession s) {
        verifying.cancel();
        rows.clear();
        if (s == null) {
            summary.setText("Not verified yet");
            return;
        }
        s.packs().packs().stream().filter(p -> p.problem() != null && !p.problem().kind().incomplete())
                .forEach(p -> rows.add(Problem.of(p.problem())));
        if (s.trees().state() == dev.packinspector.store.tree.TreePackState.UNREADABLE && s.trees().problem() != null) {
            rows.add(Problem.of(s.trees().problem()));
        }
        if (s.catalogProblem() != null) {
            rows.add(Problem.catalog(s.catalogProblem()));
        }
        long incomplete = s.packs().packs().stream().filter(p -> p.problem() != null && p.problem().kind().incomplete()).count()
                + (s.trees().state() == dev.packinspector.store.tree.TreePackState.INCOMPLETE ? 1 : 0);
        summary.setText((rows.isEmpty() ? "Not verified yet" : problems(rows.size()) + " found on opening; Verify checks every object")
                + (incomplete == 0 ? "" : "; " + incomplete + (incomplete == 1 ? " pack is" : " packs are") + " still being written (see Packs)"));
    }

    private Problem selected() {
        TreeItem<Problem> item = table.getSelectionModel().getSelectedItem();
        return item == null ? null : item.getValue();
    }

    /** Shows {@code causes}, each with what follows from it and the files it takes with it beneath. */
    private void showCauses(List<Cause> causes) {
        var items = new java.util.ArrayList<TreeItem<Problem>>();
        var tops = new java.util.ArrayList<Problem>();
        for (Cause c : causes) {
            var item = new TreeItem<>(Problem.of(c));
            c.alsoSeen().forEach(f -> item.getChildren().add(new TreeItem<>(Problem.also(f))));
            c.files().forEach(f -> item.getChildren().add(new TreeItem<>(Problem.affected(f, this::snapshotName))));
            if (c.fileCount() > c.files().size()) {
                item.getChildren().add(new TreeItem<>(new Problem("", "", -1, "… and " + Format.count(c.fileCount() - c.files().size(), "more file"), "")));
            }
            item.setExpanded(causes.size() <= 20);
            items.add(item);
            tops.add(item.getValue());
        }
        rebuilding = true;
        try {
            rows.setAll(tops);
            root.getChildren().setAll(items);
        } finally {
            rebuilding = false;
        }
    }

    /** Snapshot {@code id} of the open store by its time and message; its short id if the store does not list it. */
    private String snapshotName(String id) {
        StoreSession s = session.getValue();
        return s == null ? dev.packinspector.catalog.Snapshot.shortId(id) : s.snapshots().stream().filter(x -> x.id().equals(id)).findFirst()
                .map(Format::snapshot).orElse(dev.packinspector.catalog.Snapshot.shortId(id));
    }

    /** Each cause with what it takes with it, as sentences: the cause, then its items indented by two spaces. */
    public List<String> tree() {
        var lines = new java.util.ArrayList<String>();
        for (TreeItem<Problem> cause : root.getChildren()) {
            lines.add(cause.getValue().sentence());
            cause.getChildren().forEach(child -> lines.add("  " + child.getValue().what() + ": " + child.getValue().sentence()));
        }
        return lines;
    }

    private static String problems(long n) {
        return Format.count(n) + (n == 1 ? " problem" : " problems");
    }

    /** How many problems are listed; observable, so the navigation can show the count. */
    public ObservableList<Problem> rows() {
        return rows;
    }

    public int count() {
        return rows.size();
    }

    /** Each problem as one sentence. */
    public List<String> items() {
        return rows.stream().map(Problem::sentence).toList();
    }

    TreeTableView<Problem> table() {
        return table;
    }

    /**
     * An object or tree ({@code what}, in words) found damaged while it was previewed: listed at
     * once, once, until the next Verify lists it with what it takes with it.
     */
    /** Lists {@code d}, once, as soon as it is seen. */
    public void damaged(Damage d) {
        Problem p = Problem.of(d);
        if (!rows.contains(p)) {
            rows.add(p);
        }
    }

    /** Verifies the open store: every pack, object, hash, tree and catalog reference. */
    public Task<VerifyReport> verify() {
        StoreSession s = session.getValue();
        if (s == null) {
            return null;
        }
        var verifier = new StoreVerifier(Tasks.workers());
        return tasks.job("Verifying " + s.title(), p -> verifier.verify(s.packs(), s.catalog().map(CatalogReferences::new).orElse(null),
                s.trees().folderExists() ? new TreeCheck(s.trees(), s.catalog().orElse(null)) : null, new RestoreListener() {
                    @Override
                    public void progress(Progress at) {
                        p.progress(at.bytesDone(), at.bytesTotal());
                        p.message(String.format("%s / %s objects · %s/s · ETA %s", Format.count(at.filesDone()), Format.count(at.filesTotal()),
                                Format.bytes((long) at.bytesPerSecond()), Format.duration(at.remainingNanos())));
                    }
                })).in(verifying).onCancel(verifier::cancel).onSuccess(this::showReport)
                .report(r -> (r.ok() ? "Verify: no problems found" : "Verify: " + problems(r.causes().size()) + " found" + affected(r)) + incomplete(r),
                        VerifyReport::ok)
                .run();
    }

    private void showReport(VerifyReport r) {
        showCauses(r.causes());
        summary.setText((r.ok() ? "Verified: no problems in " + Format.count(r.objects(), "object") + " (" + Format.bytes(r.contentBytes()) + ")"
                : problems(r.causes().size()) + affected(r) + " in " + Format.count(r.objects(), "object") + " checked") + incomplete(r));
    }

    private static String affected(VerifyReport r) {
        return r.affectedFiles() == 0 ? "" : " (" + Format.count(r.affectedFiles(), "snapshot file") + " cannot be restored)";
    }

    /** Packs chkpt may still be writing are not problems, but verify could not check them: say so. */
    private static String incomplete(VerifyReport r) {
        int n = r.incompletePacks();
        return n == 0 ? "" : "; " + n + (n == 1 ? " incomplete pack" : " incomplete packs") + " not checked (see Packs; Refresh once chkpt has finished)";
    }
}

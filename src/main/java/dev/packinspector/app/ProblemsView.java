package dev.packinspector.app;

import dev.packinspector.restore.CatalogReferences;
import dev.packinspector.restore.Progress;
import dev.packinspector.restore.RestoreListener;
import dev.packinspector.restore.RestoreProblem;
import dev.packinspector.restore.StoreVerifier;
import dev.packinspector.restore.VerifyReport;
import java.util.List;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;

/**
 * Problems with the store: unusable packs at once, and everything {@code verify} finds when asked,
 * plus entries the last restore could not write. Double-click (or Enter on) one to go to its pack
 * or object.
 */
final class ProblemsView extends BorderPane {
    private final ObservableList<Problem> rows = FXCollections.observableArrayList();
    private final TableView<Problem> table = new TableView<>(rows);
    private final Label summary = new Label("Not verified yet");
    private final TaskPanel tasks;
    private StoreSession session;

    ProblemsView(TaskPanel tasks, Consumer<String> goTo) {
        this.tasks = tasks;
        setId("problems-view");
        table.setId("problem-list");
        table.getStyleClass().add(atlantafx.base.theme.Styles.DENSE);
        table.setPlaceholder(new Label("No problems found. Verify checks every object, hash and catalog reference."));
        table.getColumns().setAll(List.of(
                Columns.text("Problem", 200, Problem::what),
                Columns.text("File", 250, Problem::file),
                Columns.text("Offset", 90, p -> p.offset() < 0 ? "" : Format.count(p.offset())),
                Columns.text("Details", 500, Problem::detail)));
        Columns.onlyLastFlexes(table);
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(Problem p, boolean empty) {
                super.updateItem(p, empty);
                setTooltip(empty || p == null ? null : new Tooltip(p.sentence()));
            }
        });
        table.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && table.getSelectionModel().getSelectedItem() != null) {
                goTo.accept(table.getSelectionModel().getSelectedItem().sentence());
            }
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && table.getSelectionModel().getSelectedItem() != null) {
                goTo.accept(table.getSelectionModel().getSelectedItem().sentence());
            }
        });
        var verify = new Button("Verify now");
        verify.setId("verify-button");
        verify.setTooltip(new Tooltip("Decode every object, check every hash, pack and catalog reference (Ctrl+Shift+V)"));
        verify.setOnAction(e -> verify());
        summary.setId("verify-summary");
        var top = new HBox(10, verify, summary);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(6));
        setTop(top);
        setCenter(table);
    }

    void show(StoreSession s) {
        session = s;
        rows.clear();
        s.packs().packs().stream().filter(p -> p.problem() != null && !p.problem().kind().incomplete())
                .forEach(p -> rows.add(Problem.of(p.problem())));
        if (s.catalogProblem() != null) {
            rows.add(Problem.catalog(s.catalogProblem()));
        }
        long incomplete = s.packs().packs().stream().filter(p -> p.problem() != null && p.problem().kind().incomplete()).count();
        summary.setText((rows.isEmpty() ? "Not verified yet" : problems(rows.size()) + " found on opening; Verify checks every object")
                + (incomplete == 0 ? "" : "; " + incomplete + (incomplete == 1 ? " pack is" : " packs are") + " still being written (see Packs)"));
    }

    private static String problems(long n) {
        return Format.count(n) + (n == 1 ? " problem" : " problems");
    }

    /** How many problems are listed; observable, so the navigation can show the count. */
    ObservableList<Problem> rows() {
        return rows;
    }

    int count() {
        return rows.size();
    }

    /** Each problem as one sentence. */
    List<String> items() {
        return rows.stream().map(Problem::sentence).toList();
    }

    TableView<Problem> table() {
        return table;
    }

    void addRestoreProblems(List<RestoreProblem> problems) {
        problems.forEach(p -> rows.add(Problem.of(p)));
    }

    Task<VerifyReport> verify() {
        if (session == null) {
            return null;
        }
        StoreSession s = session;
        var verifier = new StoreVerifier(BackgroundTasks.workers());
        var task = new Task<VerifyReport>() {
            {
                updateTitle("Verifying " + s.title());
            }

            @Override
            protected VerifyReport call() throws Exception {
                return verifier.verify(s.packs(), s.catalog().map(CatalogReferences::new).orElse(null), new RestoreListener() {
                    @Override
                    public void progress(Progress p) {
                        updateProgress(p.bytesDone(), Math.max(1, p.bytesTotal()));
                        updateMessage(String.format("%s / %s objects · %s/s · ETA %s", Format.count(p.filesDone()), Format.count(p.filesTotal()),
                                Format.bytes((long) p.bytesPerSecond()), Format.duration(p.remainingNanos())));
                    }
                });
            }

            @Override
            protected void cancelled() {
                verifier.cancel();
            }

            @Override
            protected void succeeded() {
                if (session != s) {
                    return;
                }
                VerifyReport r = getValue();
                rows.setAll(r.findings().stream().map(Problem::of).toList());
                summary.setText((r.ok() ? "Verified: no problems in " + Format.count(r.objects(), "object") + " (" + Format.bytes(r.contentBytes()) + ")"
                        : problems(r.findings().size()) + " in " + Format.count(r.objects(), "object") + " checked") + incomplete(r));
            }
        };
        return tasks.run(task, r -> (r.ok() ? "Verify: no problems found" : "Verify: " + problems(r.findings().size()) + " found") + incomplete(r),
                VerifyReport::ok);
    }

    /** Packs chkpt may still be writing are not problems, but verify could not check them: say so. */
    private static String incomplete(VerifyReport r) {
        int n = r.incompletePacks();
        return n == 0 ? "" : "; " + n + (n == 1 ? " incomplete pack" : " incomplete packs") + " not checked (see Packs; Refresh once chkpt has finished)";
    }
}

package dev.packinspector.app;

import dev.packinspector.restore.CatalogReferences;
import dev.packinspector.restore.Finding;
import dev.packinspector.restore.Progress;
import dev.packinspector.restore.RestoreListener;
import dev.packinspector.restore.RestoreProblem;
import dev.packinspector.restore.Restorer;
import dev.packinspector.restore.StoreVerifier;
import dev.packinspector.restore.VerifyReport;
import dev.packinspector.store.PackState;
import java.util.List;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;

/**
 * Problems with the store: unusable packs at once, and everything {@code verify} finds when asked,
 * plus entries the last restore could not write. Double-click one to go to its pack or object.
 */
final class ProblemsView extends BorderPane {
    private final ObservableList<String> items = FXCollections.observableArrayList();
    private final ListView<String> list = new ListView<>(items);
    private final Label summary = new Label("Not verified yet");
    private final TaskPanel tasks;
    private StoreSession session;

    ProblemsView(TaskPanel tasks, Consumer<String> goTo) {
        this.tasks = tasks;
        setId("problems-view");
        list.setId("problem-list");
        list.setPlaceholder(new Label("No problems found"));
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && list.getSelectionModel().getSelectedItem() != null) {
                goTo.accept(list.getSelectionModel().getSelectedItem());
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
        setCenter(list);
    }

    void show(StoreSession s) {
        session = s;
        items.clear();
        s.packs().packs().stream().filter(p -> p.problem() != null)
                .forEach(p -> items.add(p.state().label() + ": " + p.problem().getMessage()));
        if (s.catalogProblem() != null) {
            items.add("catalog: " + s.catalogProblem());
        }
        summary.setText(items.isEmpty() ? "Not verified yet" : items.size() + " pack problem(s) found on opening; verify to check every object");
    }

    int count() {
        return items.size();
    }

    List<String> items() {
        return items;
    }

    void addRestoreProblems(List<RestoreProblem> problems) {
        problems.forEach(p -> items.add("restore: " + p.path() + ": " + p.message()));
    }

    Task<VerifyReport> verify() {
        if (session == null) {
            return null;
        }
        StoreSession s = session;
        var verifier = new StoreVerifier(Restorer.defaultThreads());
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
                VerifyReport r = getValue();
                items.clear();
                for (Finding f : r.findings()) {
                    items.add(f.kind() + ": " + f.message());
                }
                // verify counts packs chkpt may still be writing instead of reporting them: keep them listed
                s.packs().packs().stream().filter(p -> p.state() == PackState.INCOMPLETE && p.problem() != null)
                        .forEach(p -> items.add(p.state().label() + ": " + p.problem().getMessage()));
                summary.setText((r.ok() ? "Verified: no problems in " + Format.count(r.objects()) + " objects (" + Format.bytes(r.contentBytes()) + ")"
                        : r.findings().size() + " problem(s) in " + Format.count(r.objects()) + " objects checked") + incomplete(r));
            }
        };
        return tasks.run(task, r -> (r.ok() ? "Verify: no problems found" : "Verify: " + r.findings().size() + " problem(s) found") + incomplete(r));
    }

    private static String incomplete(VerifyReport r) {
        return r.incompletePacks() == 0 ? "" : "; " + r.incompletePacks() + " incomplete pack(s) not checked";
    }
}

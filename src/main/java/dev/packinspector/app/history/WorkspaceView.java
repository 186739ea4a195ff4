package dev.packinspector.app.history;

import dev.packinspector.app.common.Format;
import dev.packinspector.app.common.Tasks;
import dev.packinspector.app.history.CompareView.DiffNode;
import dev.packinspector.app.session.PreviewModel;
import dev.packinspector.app.session.StoreSession;
import dev.packinspector.catalog.Snapshot;
import dev.packinspector.history.SnapshotDiff.Change;
import dev.packinspector.history.SnapshotDiff.Kind;
import dev.packinspector.history.SnapshotDiff;
import dev.packinspector.workspace.Trash;
import dev.packinspector.workspace.WorkspaceScan;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.animation.PauseTransition;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.controlsfx.control.textfield.TextFields;

/**
 * The folder chkpt saved into the open store, against one of its snapshots (the latest by
 * default): what is added, removed, changed and renamed since, as a tree of folders with their
 * counts, kept current while the folder changes (watched where the system can; Rescan otherwise).
 * Selecting a change shows its line diff, from the snapshot's version to the file as it is now.
 * Any selection, or everything, can be rolled back ({@link RollbackFlow}). A store whose folder is
 * not known asks for it.
 */
public final class WorkspaceView extends BorderPane {
    /** What the view asks of the window. */
    public interface Actions {
        /** Asks the user for the store's workspace folder; null if they cancel. */
        Path chooseFolder();

        /** Takes {@code folder} for the open store's workspace folder. */
        void link(Path folder);
    }

    private final Tasks tasks;
    private final PreviewModel preview;
    private final ObservableValue<StoreSession> session;
    private final ObservableValue<Path> workspace;
    private final FolderTracker tracker;
    private final RollbackFlow rollbacks;
    private final Label folder = new Label();
    private final Button choose = new Button("Choose folder…");
    private final ComboBox<Snapshot> snapshot = new ComboBox<>();
    private final Button rescan = new Button("Rescan");
    private final Label watch = new Label();
    private final Label summary = new Label();
    private final TextField filter = TextFields.createClearableTextField();
    private final Button rollBackSelected = new Button("Roll back selected…");
    private final Button rollBackAll = new Button("Roll back all…");
    private final TreeTableView<DiffNode> tree = new TreeTableView<>();
    private final Label diffTitle = new Label();
    private final DiffView diffView = new DiffView(diffTitle);
    private final Tasks.Latest diffing = new Tasks.Latest();
    private final PauseTransition pause = new PauseTransition(Duration.millis(150));
    private PreviewModel.Target previewed;
    private FolderTracker.Status status;

    /**
     * The view of {@code session}'s store and its folder, {@code workspace}; a change selected is
     * previewed in {@code preview}; a rollback moves what goes to {@code trash}.
     */
    public WorkspaceView(Tasks tasks, ObservableValue<StoreSession> session, ObservableValue<Path> workspace, PreviewModel preview,
            Trash.Source trash, Actions actions) {
        this.tasks = tasks;
        this.preview = preview;
        this.session = session;
        this.workspace = workspace;
        this.tracker = new FolderTracker(tasks, this::show, this::failed);
        this.rollbacks = new RollbackFlow(tasks, this, trash, tracker::rescanAll);
        setId("workspace-view");
        folder.setId("workspace-folder");
        folder.setMinWidth(0);
        choose.setId("workspace-choose");
        choose.setMinWidth(Region.USE_PREF_SIZE);
        choose.setTooltip(new Tooltip("The folder chkpt saved into this store (where you ran chkpt save)"));
        choose.setOnAction(e -> {
            Path chosen = actions.chooseFolder();
            if (chosen != null) {
                actions.link(chosen);
            }
        });
        snapshot.setId("workspace-snapshot");
        snapshot.setPrefWidth(290);
        snapshot.setCellFactory(v -> SnapshotNames.cell());
        snapshot.setButtonCell(SnapshotNames.cell());
        snapshot.valueProperty().addListener((obs, old, s) -> restart());
        rescan.setId("workspace-rescan");
        rescan.setMinWidth(Region.USE_PREF_SIZE);
        rescan.setTooltip(new Tooltip("Scan the folder again (Refresh, F5, opens the store again with the snapshots chkpt added, and rescans too)"));
        rescan.setOnAction(e -> tracker.rescanAll());
        watch.setId("workspace-watch");
        watch.getStyleClass().add("muted");
        summary.setId("workspace-summary");
        summary.getStyleClass().add("muted");
        summary.setMinWidth(0);
        summary.setWrapText(true);
        filter.setId("workspace-filter");
        filter.setPromptText("Filter paths…");
        HBox.setHgrow(filter, Priority.ALWAYS);
        pause.setOnFinished(e -> showTree());
        filter.textProperty().addListener((obs, old, text) -> pause.playFromStart());
        rollBackSelected.setId("workspace-rollback-selected");
        rollBackSelected.setTooltip(new Tooltip("Put the selected files and folders back as the snapshot has them; what goes is moved to the trash"));
        rollBackSelected.setOnAction(e -> rollBack(true));
        rollBackAll.setId("workspace-rollback-all");
        rollBackAll.setTooltip(new Tooltip("Put the whole folder back as the snapshot has it; what goes is moved to the trash"));
        rollBackAll.setOnAction(e -> rollBack(false));
        for (Button b : List.of(rollBackSelected, rollBackAll)) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        var where = new HBox(8, new Label("Folder"), folder, choose);
        where.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(folder, Priority.ALWAYS);
        var against = new FlowPane(8, 6, new Label("Compared with"), snapshot, rescan, watch);
        against.setAlignment(Pos.CENTER_LEFT);
        var act = new HBox(8, filter, rollBackSelected, rollBackAll);
        act.setAlignment(Pos.CENTER_LEFT);
        var top = new VBox(6, where, against, summary, act);
        top.setPadding(new Insets(8));
        tree.setId("workspace-tree");
        tree.setShowRoot(false);
        tree.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        ChangeTree.columns(tree, "Snapshot", "Folder now");
        tree.getSelectionModel().selectedItemProperty().addListener((obs, old, item) -> selected(item));
        tree.getSelectionModel().getSelectedItems().addListener((javafx.collections.ListChangeListener<TreeItem<DiffNode>>) c -> buttons());
        diffTitle.setId("workspace-diff-title");
        diffTitle.setMinWidth(0);
        diffView.setId("workspace-diff");
        var split = new SplitPane(tree, diffView);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.55);
        setTop(top);
        setCenter(split);
        session.addListener((obs, old, now) -> storeChanged());
        workspace.addListener((obs, old, now) -> restart());
        storeChanged();
    }

    /** The open store changed: its snapshots to choose from, the newest chosen. */
    private void storeChanged() {
        StoreSession s = session.getValue();
        Snapshot keep = snapshot.getValue();
        snapshot.setValue(null);
        snapshot.getItems().setAll(s == null ? List.of() : s.snapshots());
        if (!snapshot.getItems().isEmpty()) {
            // the same snapshot again after a refresh of the same store, else the newest
            snapshot.setValue(snapshot.getItems().stream().filter(x -> keep != null && x.id().equals(keep.id())).findFirst()
                    .orElse(snapshot.getItems().getFirst()));
        }
        restart();
    }

    /** Compares the folder with the snapshot chosen, from scratch. */
    private void restart() {
        StoreSession s = session.getValue();
        Path f = workspace.getValue();
        status = null;
        tree.setRoot(null);
        noDiff();
        folder.setText(f == null ? "not known" : f.toString());
        choose.setText(f == null ? "Choose folder…" : "Other folder…");
        watch.setText("");
        buttons();
        if (s == null || s.catalog().isEmpty() || s.snapshots().isEmpty()) {
            tracker.stop();
            summary.setText(s == null ? "" : "This store has no snapshots to compare a folder with");
            tree.setPlaceholder(new Label(summary.getText()));
            return;
        }
        if (f == null) {
            tracker.stop();
            summary.setText("Which folder does this store keep? Choose the folder chkpt saved (where you ran chkpt save).");
            tree.setPlaceholder(new Label("Choose the folder chkpt saved to see what changed in it since a snapshot"));
            return;
        }
        summary.setText("Scanning " + f + "…");
        tree.setPlaceholder(new Label("Scanning the folder…"));
        tracker.track(s, f, snapshot.getValue());
    }

    private void show(FolderTracker.Status now) {
        status = now;
        watch.setText(now.watched() ? "Watching for changes" : "Not watched (too many folders): Rescan to refresh");
        showTree();
    }

    private void failed(String why) {
        summary.setText("Cannot compare: " + why);
        tree.setPlaceholder(new Label(summary.getText()));
    }

    private void showTree() {
        pause.stop();
        if (status == null) {
            return;
        }
        SnapshotDiff diff = status.diff();
        String selected = selectedPath();
        String text = filter.getText().strip().toLowerCase(Locale.ROOT);
        DiffNode root = ChangeTree.of(diff.changes(), c -> text.isEmpty() || c.path().toLowerCase(Locale.ROOT).contains(text)
                || c.before() != null && c.before().path().toLowerCase(Locale.ROOT).contains(text));
        tree.setRoot(ChangeTree.item(root));
        var parts = new ArrayList<String>();
        for (Kind k : Kind.values()) {
            SnapshotDiff.Total t = diff.total(k);
            if (t.files() > 0) {
                parts.add(Format.count(t.files()) + " " + ChangeTree.word(k).toLowerCase(Locale.ROOT) + " (" + Format.bytes(t.bytes()) + ")");
            }
        }
        String changes = parts.isEmpty() ? "No change since the snapshot" : String.join(", ", parts);
        summary.setText(changes + " · " + Format.count(diff.unchanged()) + " unchanged" + (root.files() < diff.changes().size() ? " · "
                + Format.count(root.files()) + " shown" : "") + String.format(Locale.ROOT, " · %s in %.0f ms", status.whole() ? "scanned" : "updated",
                status.scanNanos() / 1e6));
        tree.setPlaceholder(new Label(diff.changes().isEmpty() ? "The folder is as the snapshot has it" : "No change matches the filter"));
        reselect(selected);
        if (tree.getSelectionModel().getSelectedItem() == null) {
            noDiff();
        }
        buttons();
    }

    /** Selects the row of {@code path} again after the tree was made anew, if it is still there. */
    private void reselect(String path) {
        if (path == null) {
            return;
        }
        for (int i = 0; i < tree.getExpandedItemCount(); i++) {
            TreeItem<DiffNode> item = tree.getTreeItem(i);
            if (item != null && item.getValue().path().equals(path)) {
                tree.getSelectionModel().clearAndSelect(i);
                return;
            }
        }
    }

    private String selectedPath() {
        TreeItem<DiffNode> item = tree.getSelectionModel().getSelectedItem();
        return item == null ? null : item.getValue().path();
    }

    private void buttons() {
        boolean none = status == null || status.diff().changes().isEmpty();
        rollBackAll.setDisable(none);
        rollBackSelected.setDisable(none || tree.getSelectionModel().getSelectedItems().isEmpty());
    }

    /** A change selected: its diff from the snapshot to the folder, the snapshot's version in the preview. */
    private void selected(TreeItem<DiffNode> item) {
        Change c = item == null ? null : item.getValue().change();
        if (c == null || status == null) {
            preview.clear(previewed);
            noDiff();
            return;
        }
        previewed = c.before() != null && c.before().blob() != null ? preview.file(c.before()) : null;
        diffTitle.setText(c.kind() == Kind.RENAMED ? c.before().path() + " → " + c.path() : c.path());
        StoreSession s = status.key().session();
        Path root = status.key().folder();
        diffView.compare(tasks, diffing, c.before(), e -> s.packs().read(e.blob()), c.after(), e -> WorkspaceScan.readUpTo(root.resolve(e.path()), e, TextDiff.MAX_BYTES + 1));
    }

    private void noDiff() {
        diffing.cancel();
        diffTitle.setText("");
        diffView.message(status == null ? "" : "Select a changed file to see what changed in it since the snapshot");
    }

    /** Rolls back the selected rows (their paths: a folder with all beneath it), or everything. */
    private void rollBack(boolean selectedOnly) {
        if (status == null) {
            return;
        }
        var paths = new ArrayList<String>();
        if (selectedOnly) {
            for (TreeItem<DiffNode> item : tree.getSelectionModel().getSelectedItems()) {
                if (item != null) {
                    Change c = item.getValue().change();
                    paths.add(item.getValue().path());
                    if (c != null && c.kind() == Kind.RENAMED) {
                        paths.add(c.before().path()); // a rename is undone on both sides
                    }
                }
            }
            if (paths.isEmpty()) {
                return;
            }
        }
        rollbacks.start(status, paths);
    }

    // ---- for tests and the window -------------------------------------------------------------

    public TreeTableView<DiffNode> tree() {
        return tree;
    }

    public DiffView diffView() {
        return diffView;
    }

    /** The comparison shown, or null while there is none. */
    public SnapshotDiff diff() {
        return status == null ? null : status.diff();
    }

    public ComboBox<Snapshot> snapshotChoice() {
        return snapshot;
    }

    /** Scans the folder again, as Rescan does. */
    public void rescan() {
        tracker.rescanAll();
    }
}

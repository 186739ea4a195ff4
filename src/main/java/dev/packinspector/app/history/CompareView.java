package dev.packinspector.app.history;

import dev.packinspector.app.common.Format;
import dev.packinspector.app.common.Tasks;
import dev.packinspector.app.session.PreviewModel;
import dev.packinspector.catalog.ManifestEntry;
import dev.packinspector.catalog.Snapshot;
import dev.packinspector.history.SnapshotDiff.Change;
import dev.packinspector.history.SnapshotDiff.Kind;
import dev.packinspector.history.SnapshotDiff;
import dev.packinspector.history.StoreIndex;
import dev.packinspector.store.PackSet;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
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
import org.controlsfx.control.SegmentedButton;
import org.controlsfx.control.textfield.TextFields;

/**
 * Two snapshots compared: what was added, removed, changed and renamed, as a tree of folders
 * with the changed bytes beneath each, filtered by path and by kind. Selecting a change shows
 * its line diff beneath the tree (or in a window of its own) and previews the file as it is in
 * the newer snapshot (or as it was, if removed).
 */
public final class CompareView extends BorderPane {
    private final Tasks tasks;
    /** The comparison running: newer choices cancel it. */
    private final Tasks.Latest comparing = new Tasks.Latest();
    private final PreviewModel preview;
    /** What the tree's selection put in the preview, cleared with that selection. */
    private PreviewModel.Target previewed;
    /** Reading the selected change's two versions: another selection cancels it. */
    private final Tasks.Latest diffing = new Tasks.Latest();
    private final Label diffTitle = new Label();
    private final Button diffWindow = new Button("Open in window");
    private final DiffView diffView = new DiffView(diffTitle, diffWindow);
    private PackSet packs;
    private final ComboBox<Snapshot> from = new ComboBox<>();
    private final ComboBox<Snapshot> to = new ComboBox<>();
    private final TextField filter = TextFields.createClearableTextField();
    private final Map<Kind, ToggleButton> kinds = new EnumMap<>(Kind.class);
    private final Label summary = new Label();
    private final TreeTableView<DiffNode> tree = new TreeTableView<>();
    private final PauseTransition pause = new PauseTransition(Duration.millis(150));
    private StoreIndex index;
    private SnapshotDiff diff;

    /** A folder with the changes beneath it, or one change. */
    public record DiffNode(String name, String path, Change change, List<DiffNode> children, int files, long bytes) {
    }

    CompareView(Tasks tasks, PreviewModel preview) {
        this.tasks = tasks;
        this.preview = preview;
        setId("compare-view");
        for (ComboBox<Snapshot> box : List.of(from, to)) {
            box.setCellFactory(v -> SnapshotNames.cell());
            box.setButtonCell(SnapshotNames.cell());
            box.setPrefWidth(290);
            box.valueProperty().addListener((obs, old, s) -> {
                box.setTooltip(s == null ? null : new Tooltip(Format.snapshot(s) + "\nid " + s.id()));
                compare();
            });
        }
        from.setId("compare-from");
        to.setId("compare-to");
        filter.setId("compare-filter");
        filter.setPromptText("Filter paths…");
        HBox.setHgrow(filter, Priority.ALWAYS);
        pause.setOnFinished(e -> showTree());
        filter.textProperty().addListener((obs, old, text) -> pause.playFromStart());
        // several kinds can be on at once: a segmented bar of toggles with no group
        var toggles = new SegmentedButton();
        toggles.setToggleGroup(null);
        toggles.setId("compare-kinds");
        for (Kind k : Kind.values()) {
            var button = new ToggleButton(word(k));
            button.setId("compare-" + k.name().toLowerCase(Locale.ROOT));
            button.setSelected(true);
            button.setMinWidth(Region.USE_PREF_SIZE);
            button.setTooltip(new Tooltip("Show " + word(k).toLowerCase(Locale.ROOT) + " paths"));
            button.selectedProperty().addListener((obs, old, on) -> showTree());
            kinds.put(k, button);
            toggles.getButtons().add(button);
        }
        summary.setId("compare-summary");
        summary.getStyleClass().add("muted");
        var choose = new FlowPane(8, 6, new Label("From"), from, new Label("to"), to);
        choose.setAlignment(Pos.CENTER_LEFT);
        var filters = new HBox(8, filter, toggles);
        filters.setAlignment(Pos.CENTER_LEFT);
        var top = new VBox(6, choose, filters, summary);
        top.setPadding(new Insets(8));
        tree.setId("compare-tree");
        tree.setShowRoot(false);
        ChangeTree.columns(tree, "Before", "After");
        tree.setPlaceholder(new Label("Choose two snapshots to compare"));
        tree.getSelectionModel().selectedItemProperty().addListener((obs, old, item) -> selected(item));
        diffTitle.setId("compare-diff-title");
        diffTitle.setMinWidth(0);
        diffTitle.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(diffTitle, Priority.ALWAYS);
        diffWindow.setId("compare-diff-window");
        diffWindow.setTooltip(new Tooltip("Show this change's diff in a window of its own"));
        diffWindow.setOnAction(e -> openWindow());
        diffWindow.setMinWidth(Region.USE_PREF_SIZE);
        diffView.setId("compare-diff");
        noDiff();
        var split = new SplitPane(tree, diffView);
        split.setOrientation(javafx.geometry.Orientation.VERTICAL);
        split.setDividerPositions(0.5);
        setTop(top);
        setCenter(split);
    }

    /** A change selected: its diff beneath, its file in the preview; anything else: neither. */
    private void selected(TreeItem<DiffNode> item) {
        Change c = item == null ? null : item.getValue().change();
        if (c == null) {
            preview.clear(previewed);
            noDiff();
            return;
        }
        ManifestEntry shown = c.after() != null ? c.after() : c.before();
        previewed = shown.blob() != null ? preview.file(shown) : null;
        diffTitle.setText(c.kind() == Kind.RENAMED ? c.before().path() + " → " + c.path() : c.path());
        diffWindow.setDisable(packs == null);
        if (packs != null) {
            diffView.compare(tasks, diffing, packs, c.before(), c.after());
        }
    }

    private void noDiff() {
        diffing.cancel();
        diffTitle.setText("");
        diffWindow.setDisable(true);
        diffView.message(diff == null ? "" : "Select a changed file to see its differences here");
    }

    private void openWindow() {
        TreeItem<DiffNode> item = tree.getSelectionModel().getSelectedItem();
        if (item == null || item.getValue().change() == null || packs == null || diff == null) {
            return;
        }
        Change c = item.getValue().change();
        CompareWindow.show(getScene().getWindow(), tasks, packs, c.before(), c.after(), Format.snapshot(diff.from()), Format.snapshot(diff.to()),
                "from " + diff.from().id() + "\nto " + diff.to().id(), diffView.mode());
    }

    /** The diff of the change selected, shown beneath the tree. */
    public DiffView diffView() {
        return diffView;
    }

    /** The index of the open store (null while it is built) and its packs: offers its snapshots, the two newest chosen. */
    void index(StoreIndex index, PackSet packSet, String state) {
        comparing.cancel();
        this.index = index;
        this.packs = packSet;
        diff = null;
        tree.setRoot(null);
        // the old store's snapshots go before the new ones come: a choice of one is never compared with the other's
        from.setValue(null);
        to.setValue(null);
        from.getItems().clear();
        to.getItems().clear();
        from.setDisable(index == null);
        to.setDisable(index == null);
        if (index == null) {
            summary.setText(state);
            return;
        }
        List<Snapshot> all = index.snapshots();
        from.getItems().setAll(all);
        to.getItems().setAll(all);
        if (all.size() >= 2) {
            to.setValue(all.getLast());
            from.setValue(all.get(all.size() - 2));
        } else {
            summary.setText(all.isEmpty() ? "This store has no snapshots" : "This store has one snapshot: nothing to compare it with");
        }
    }

    /** Compares {@code a} with {@code b} (both of the index). */
    public void compare(Snapshot a, Snapshot b) {
        from.setValue(a);
        to.setValue(b);
    }

    public TreeTableView<DiffNode> tree() {
        return tree;
    }

    /** The snapshots offered to compare (those of the open store's index). */
    public List<Snapshot> choices() {
        return List.copyOf(from.getItems());
    }

    public SnapshotDiff diff() {
        return diff;
    }

    private void compare() {
        StoreIndex at = index;
        Snapshot a = from.getValue();
        Snapshot b = to.getValue();
        comparing.cancel();
        if (at == null || a == null || b == null) {
            return;
        }
        tasks.job("Comparing snapshots", p -> {
            long start = System.nanoTime();
            return new Timed<>(SnapshotDiff.between(a, at.files(a), b, at.files(b)), System.nanoTime() - start);
        }).quiet().in(comparing).onSuccess(d -> {
            diff = d.value();
            showTree();
            summary.setText(summary.getText() + String.format(Locale.ROOT, " · compared in %.0f ms", d.nanos() / 1e6));
        }).run();
    }

    private void showTree() {
        pause.stop();
        if (diff == null) {
            return;
        }
        String text = filter.getText().strip().toLowerCase(Locale.ROOT);
        Predicate<Change> keep = c -> kinds.get(c.kind()).isSelected() && (text.isEmpty() || c.path().toLowerCase(Locale.ROOT).contains(text)
                || (c.before() != null && c.before().path().toLowerCase(Locale.ROOT).contains(text)));
        DiffNode root = ChangeTree.of(diff.changes(), keep);
        tree.setRoot(ChangeTree.item(root));
        var parts = new ArrayList<String>();
        for (Kind k : Kind.values()) {
            SnapshotDiff.Total t = diff.total(k);
            parts.add(t.files() + " " + word(k).toLowerCase(Locale.ROOT) + " (" + Format.bytes(t.bytes()) + ")");
        }
        summary.setText(String.join(", ", parts) + ", " + diff.unchanged() + " unchanged"
                + (root.files() < diff.changes().size() ? " · " + root.files() + " shown" : ""));
        tree.setPlaceholder(new Label(diff.changes().isEmpty() ? "The two snapshots hold the same files" : "No change matches the filter"));
    }

    private static String word(Kind k) {
        return ChangeTree.word(k);
    }
}

package dev.packinspector.app.snapshots;

import dev.packinspector.app.common.Columns;
import dev.packinspector.app.common.Drops;
import dev.packinspector.app.common.Format;
import dev.packinspector.app.common.Look;
import dev.packinspector.app.common.Tasks;
import dev.packinspector.app.common.TreeColumns;
import dev.packinspector.app.common.TypeToFind;
import dev.packinspector.app.session.PreviewModel;
import dev.packinspector.app.session.StoreSession;
import dev.packinspector.catalog.ManifestEntry;
import dev.packinspector.catalog.Snapshot;
import dev.packinspector.restore.SnapshotFiles;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javafx.animation.PauseTransition;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.util.Duration;
import org.controlsfx.control.textfield.TextFields;

/**
 * The snapshots, newest first, and the selected one's files as a tree with folder totals; search
 * by path; restore or drag out a selection.
 */
public final class SnapshotsView extends SplitPane {
    /** What the window does with a selection of this view. */
    public interface Actions {
        /** Restore the whole of {@code snapshot}, into a folder the user chooses. */
        void restoreSnapshot(Snapshot snapshot);

        /** Export the whole of {@code snapshot} as an archive. */
        void exportSnapshot(Snapshot snapshot);

        /** Restore {@code entries} of {@code snapshot}, into a folder the user chooses. */
        void restore(Snapshot snapshot, List<ManifestEntry> entries);

        /** Export {@code entries} of {@code snapshot} as an archive. */
        void export(Snapshot snapshot, List<ManifestEntry> entries);

        /** Save one file's content where the user chooses. */
        void saveAs(ManifestEntry file);

        /** A folder was dropped on the restore area: restore the selection there. */
        void restoreInto(Snapshot snapshot, List<ManifestEntry> entries, java.nio.file.Path folder);

        /** Files ready to be dropped elsewhere (restored into a temp folder), or null if that is not possible now. */
        List<java.io.File> dragOut(Snapshot snapshot, List<ManifestEntry> entries);

        /** Show every version of {@code path} across the snapshots. */
        void history(String path);

        /** Show what changed from {@code older} to {@code newer} (the Compare view). */
        void compare(Snapshot older, Snapshot newer);

        /** Open the file's content in the system's application for its kind. */
        void open(ManifestEntry file);

        /** Show the folder {@code path} of {@code snapshot} ("" for the whole snapshot) in the desktop's file manager. */
        void showInFileManager(Snapshot snapshot, String path);
    }

    private final TableView<Snapshot> snapshots = new TableView<>();
    private final TreeTableView<FileNode> files = new TreeTableView<>();
    private final TextField search = TextFields.createClearableTextField();
    private final Tasks tasks;
    private final Actions actions;
    private final ObservableValue<StoreSession> session;
    /** Reading the selected snapshot, or filtering its tree: a newer selection or search cancels it. */
    private final Tasks.Latest loading = new Tasks.Latest();
    private List<ManifestEntry> manifest = List.of();
    /** What the file tree's selection put in the preview, cleared with that selection. */
    private PreviewModel.Target previewed;
    private final PauseTransition searchPause = new PauseTransition(Duration.millis(200));
    /** Search results with up to this many files open up. */
    static final int EXPAND_SEARCH_RESULTS = 2_000;

    /** The snapshots of {@code session}'s store, whichever is open. */
    public SnapshotsView(Tasks tasks, ObservableValue<StoreSession> session, PreviewModel preview, Actions actions) {
        this.tasks = tasks;
        this.session = session;
        this.actions = actions;
        setId("snapshots-view");
        setOrientation(Orientation.VERTICAL);
        snapshots.setId("snapshot-table");
        snapshots.getStyleClass().add(atlantafx.base.theme.Styles.DENSE);
        snapshots.setPlaceholder(new Label("No snapshots: this store has no catalog, or chkpt has not saved yet"));
        var message = Columns.name("Message", 240, (Snapshot x) -> x.message() == null ? "" : x.message());
        snapshots.getColumns().setAll(List.of(
                Columns.sorted("Saved", 170, x -> Format.time(x.createdAt()), Comparator.comparing(Snapshot::createdAt).thenComparing(Snapshot::id)),
                message,
                Columns.number("Files", 70, x -> Format.count(x.totalFiles()), Snapshot::totalFiles),
                Columns.number("Size", 80, x -> Format.bytes(x.totalBytes()), Snapshot::totalBytes),
                Columns.number("New objects", 112, x -> Format.count(x.newObjects()), Snapshot::newObjects),
                monospace(Columns.sorted("Id", 130, Look.<Snapshot>of(Snapshot::shortId).withHover(Snapshot::id),
                        Comparator.comparing(Snapshot::id)))));
        Columns.fit(snapshots, message, 120);
        var shown = snapshots.getColumns();
        Columns.dropWhenNarrow(snapshots, shown, List.of(shown.get(5), shown.get(4), shown.get(2)));
        TypeToFind.install(snapshots, x -> x.message() == null ? "" : x.message());
        snapshots.getSelectionModel().selectedItemProperty().addListener((obs, old, s) -> {
            // a file of the old snapshot is no file of the new one
            files.getSelectionModel().clearSelection();
            load(s);
        });

        files.setId("file-tree");
        files.getStyleClass().add(atlantafx.base.theme.Styles.DENSE);
        files.setShowRoot(false);
        files.setPlaceholder(new Label("Select a snapshot to see its files"));
        files.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        var columns = new TreeColumns<FileNode>(FileNode::folder);
        var name = columns.name("Name", 300, FileNode::name, FileNode::kind);
        files.getColumns().setAll(List.of(
                name,
                columns.number("Size", 80, n -> Format.bytes(n.size()), FileNode::size),
                columns.number("Files", 60, n -> n.folder() ? Format.count(n.files()) : "", n -> n.folder() ? n.files() : 0),
                columns.mode("Mode", n -> n.folder() ? -1 : n.entry().mode()),
                monospace(columns.sorted("Id", 120, Look.<FileNode>of(n -> id(n, true)).withHover(n -> id(n, false)),
                        Comparator.comparing(n -> id(n, false))))));
        TreeColumns.fit(files, name, 140);
        var cols = files.getColumns();
        Columns.dropWhenNarrow(files, cols, List.of(cols.get(4), cols.get(2), cols.get(3)));
        TypeToFind.install(files, FileNode::name);
        files.getSelectionModel().selectedItemProperty().addListener((obs, old, item) -> {
            if (item == null) {
                // the selection is gone (cleared, filtered away, another snapshot): so is its preview
                preview.clear(previewed);
            } else if (!item.getValue().folder()) {
                previewed = preview.file(item.getValue().entry());
            } else {
                FileNode folder = item.getValue();
                previewed = preview.nothing(folder.path() + "/: " + Format.count(folder.files(), "file") + ", " + Format.bytes(folder.size())
                        + ". Select a file to preview it; Restore selection… restores the whole folder.");
            }
        });
        RestoreMenus.install(this, actions);
        SnapshotMenus.install(this, actions);
        files.setOnDragDetected(e -> {
            List<java.io.File> out = actions.dragOut(selectedSnapshot(), selectedEntries());
            if (out != null && !out.isEmpty()) {
                var content = new ClipboardContent();
                content.putFiles(out);
                files.startDragAndDrop(TransferMode.COPY).setContent(content);
            }
            e.consume();
        });

        search.setId("path-search");
        search.setPromptText("Search paths in this snapshot…");
        searchPause.setOnFinished(e -> search());
        search.textProperty().addListener((obs, old, text) -> searchLater());
        var dropArea = new Label("Drop a folder here to restore the selection (or the whole snapshot) into it  ·  drag files out to restore them there");
        dropArea.setId("restore-drop-area");
        dropArea.setMaxWidth(Double.MAX_VALUE);
        dropArea.setPadding(new Insets(6));
        dropArea.getStyleClass().add("drop-area");
        dropArea.setOnDragOver(e -> {
            if (e.getGestureSource() == null && Drops.folder(e.getDragboard()) != null) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        dropArea.setOnDragDropped(e -> {
            java.nio.file.Path folder = Drops.folder(e.getDragboard());
            if (folder != null && selectedSnapshot() != null) {
                actions.restoreInto(selectedSnapshot(), selectedEntries(), folder);
            }
            e.setDropCompleted(folder != null);
            e.consume();
        });
        var bottom = new BorderPane(files);
        bottom.setTop(search);
        bottom.setBottom(dropArea);
        BorderPane.setMargin(search, new Insets(6));
        getItems().setAll(snapshots, bottom);
        setDividerPositions(0.32);
        session.addListener((obs, old, now) -> show(now));
    }

    private static <C extends javafx.scene.control.TableColumnBase<?, ?>> C monospace(C column) {
        column.getStyleClass().add("monospace");
        return column;
    }

    /** A file's object id, shortened or whole; empty for a folder or a row without one. */
    static String id(FileNode n, boolean shortened) {
        if (n.folder() || n.entry().blob() == null) {
            return "";
        }
        return shortened ? n.entry().blob().shortHex(12) : n.entry().blob().toHex();
    }

    /** The snapshot {@code s} is compared with by "Compare with previous": its parent, else the one saved before it; null if none. */
    Snapshot previous(Snapshot s) {
        StoreSession current = session.getValue();
        if (current == null || s == null) {
            return null;
        }
        List<Snapshot> all = current.snapshots();
        for (Snapshot other : all) {
            if (other.id().equals(s.parentSnapshotId())) {
                return other;
            }
        }
        int at = all.indexOf(s);
        // newest first: the one after it was saved before it
        return at >= 0 && at + 1 < all.size() ? all.get(at + 1) : null;
    }

    /** The files selected (no folders), in the tree's order. */
    List<FileNode> selectedNodes() {
        return files.getSelectionModel().getSelectedItems().stream().filter(i -> i != null && i.getValue() != null)
                .map(TreeItem::getValue).toList();
    }

    private void show(StoreSession s) {
        loading.cancel();
        searchPause.stop();
        manifest = List.of();
        snapshots.setItems(FXCollections.observableArrayList(s == null ? List.of() : s.snapshots()));
        files.setRoot(null);
        if (s != null && !s.snapshots().isEmpty()) {
            snapshots.getSelectionModel().selectFirst();
        }
    }

    public Snapshot selectedSnapshot() {
        return snapshots.getSelectionModel().getSelectedItem();
    }

    /** The selected files, and everything beneath selected folders; the whole snapshot if nothing is selected. */
    public List<ManifestEntry> selectedEntries() {
        List<ManifestEntry> selected = selectedFiles();
        return selected.isEmpty() ? manifest : selected;
    }

    /** The selected files, and everything beneath selected folders; none if nothing is selected. */
    public List<ManifestEntry> selectedFiles() {
        var out = new ArrayList<ManifestEntry>();
        for (TreeItem<FileNode> item : files.getSelectionModel().getSelectedItems()) {
            if (item != null && item.getValue() != null) {
                out.addAll(item.getValue().entries());
            }
        }
        return out.stream().distinct().toList();
    }

    public TableView<Snapshot> snapshotTable() {
        return snapshots;
    }

    public TreeTableView<FileNode> fileTree() {
        return files;
    }

    public TextField searchField() {
        return search;
    }

    private void load(Snapshot s) {
        loading.cancel();
        StoreSession current = session.getValue();
        if (s == null || current == null || current.catalog().isEmpty()) {
            return;
        }
        var catalog = current.catalog().get();
        String filter = search.getText().trim();
        tasks.job("Reading snapshot " + Format.snapshot(s), p -> {
            List<ManifestEntry> entries = SnapshotFiles.of(catalog, current.trees(), s);
            return new Loaded(entries, FileNode.tree(entries, filter));
        }).in(loading).onSuccess(loaded -> {
            manifest = loaded.manifest();
            showTree(loaded.root(), filter);
        }).report(loaded -> Format.count(loaded.manifest().size(), "file") + " in " + Format.snapshot(s)).run();
    }

    /** A snapshot's manifest and its tree, both made off the FX thread. */
    private record Loaded(List<ManifestEntry> manifest, FileNode root) {
    }

    /** Filters the tree by the search text once typing pauses, off the FX thread. */
    private void searchLater() {
        searchPause.playFromStart();
    }

    private void search() {
        List<ManifestEntry> entries = manifest;
        String filter = search.getText().trim();
        tasks.job("Searching paths", p -> FileNode.tree(entries, filter)).quiet().in(loading).onSuccess(root -> showTree(root, filter)).run();
    }

    private void showTree(FileNode root, String filter) {
        var item = new FileItem(root);
        item.setExpanded(true);
        // search results open up, unless there are so many that opening them would cost more than it shows
        if (!filter.isEmpty() && root.files() <= EXPAND_SEARCH_RESULTS) {
            expandAll(item);
        }
        files.setRoot(item);
    }

    private static void expandAll(TreeItem<FileNode> item) {
        item.setExpanded(true);
        for (TreeItem<FileNode> child : item.getChildren()) {
            if (!child.isLeaf()) {
                expandAll(child);
            }
        }
    }

    /**
     * A row of the tree whose children are made when first asked for (a folder opened), so a
     * snapshot of 100,000 files costs only the rows that are looked at.
     */
    private static final class FileItem extends TreeItem<FileNode> {
        private boolean built;

        FileItem(FileNode node) {
            super(node);
        }

        @Override
        public boolean isLeaf() {
            return !getValue().folder();
        }

        @Override
        public ObservableList<TreeItem<FileNode>> getChildren() {
            if (!built) {
                built = true;
                var children = new ArrayList<TreeItem<FileNode>>();
                for (FileNode child : getValue().children()) {
                    children.add(new FileItem(child));
                }
                super.getChildren().setAll(children);
            }
            return super.getChildren();
        }
    }
}

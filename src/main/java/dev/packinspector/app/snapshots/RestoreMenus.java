package dev.packinspector.app.snapshots;

import dev.packinspector.app.common.RowMenus;
import dev.packinspector.catalog.ManifestEntry;
import dev.packinspector.catalog.Snapshot;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeTableView;

/**
 * The context menus' restore items of the Snapshots view, each for what the right-click selected:
 * on a snapshot, Restore snapshot… and Export snapshot…; on files and folders, Restore selection…,
 * Export selection… and, for one regular file, Save as…. {@link SnapshotMenus} adds the others.
 */
final class RestoreMenus {
    private RestoreMenus() {
    }

    static void install(SnapshotsView view, SnapshotsView.Actions actions) {
        TableView<Snapshot> snapshots = view.snapshotTable();
        TreeTableView<FileNode> files = view.fileTree();
        RowMenus.selectOnRightClick(snapshots);
        var noSnapshot = snapshots.getSelectionModel().selectedItemProperty().isNull();
        snapshots.setContextMenu(new ContextMenu(
                item("menu-restore-snapshot", "Restore snapshot…", noSnapshot, () -> actions.restoreSnapshot(view.selectedSnapshot())),
                item("menu-export-snapshot", "Export snapshot…", noSnapshot, () -> actions.exportSnapshot(view.selectedSnapshot()))));

        RowMenus.selectOnRightClick(files);
        var selected = files.getSelectionModel().getSelectedItems();
        var none = Bindings.createBooleanBinding(() -> view.selectedSnapshot() == null || selected.isEmpty(), selected,
                snapshots.getSelectionModel().selectedItemProperty());
        var notOneFile = Bindings.createBooleanBinding(() -> oneFile(files) == null, selected);
        files.setContextMenu(new ContextMenu(
                item("menu-restore-selection", "Restore selection…", none, () -> actions.restore(view.selectedSnapshot(), view.selectedFiles())),
                item("menu-export-selection", "Export selection…", none, () -> actions.export(view.selectedSnapshot(), view.selectedFiles())),
                item("menu-save-as", "Save as…", notOneFile, () -> {
                    ManifestEntry file = oneFile(files);
                    if (file != null) {
                        actions.saveAs(file);
                    }
                })));
    }

    private static MenuItem item(String id, String text, ObservableBooleanValue disabled, Runnable action) {
        var item = new MenuItem(text);
        item.setId(id);
        item.disableProperty().bind(disabled);
        item.setOnAction(e -> action.run());
        return item;
    }

    /** The one regular file selected in {@code files} (not a folder or a link), or null. */
    private static ManifestEntry oneFile(TreeTableView<FileNode> files) {
        var selected = files.getSelectionModel().getSelectedItems();
        if (selected.size() != 1 || selected.getFirst() == null || selected.getFirst().getValue().folder()) {
            return null;
        }
        ManifestEntry e = selected.getFirst().getValue().entry();
        return e.blob() != null && e.problem() == null && (e.mode() < 0 || (e.mode() & 0170000) == 0100000) ? e : null;
    }
}

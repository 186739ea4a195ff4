package dev.packinspector.app.snapshots;

import dev.packinspector.app.common.Clip;
import dev.packinspector.app.common.Format;
import dev.packinspector.catalog.Snapshot;
import java.util.List;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.stage.WindowEvent;

/**
 * The context menus' own items of the Snapshots view: on a snapshot, Compare with previous, Show
 * in file manager and Copy id; on files, Open, Show in file manager (a folder, or a file's
 * folder: the store mounted read-only), Show history, Copy path and Copy id. Each is enabled only where it
 * applies to what is selected.
 */
final class SnapshotMenus {
    private SnapshotMenus() {
    }

    static void install(SnapshotsView view, SnapshotsView.Actions actions) {
        var table = view.snapshotTable();
        var compare = item("Compare with previous", "compare-previous", () -> {
            Snapshot s = view.selectedSnapshot();
            Snapshot before = view.previous(s);
            if (before != null) {
                actions.compare(before, s);
            }
        });
        var copySnapshot = item("Copy id", "copy-snapshot-id", () -> {
            Snapshot s = view.selectedSnapshot();
            if (s != null) {
                Clip.copy(List.of(s.id()));
            }
        });
        var showSnapshot = item("Show in file manager", "show-snapshot-folder", () -> {
            Snapshot s = view.selectedSnapshot();
            if (s != null) {
                actions.showInFileManager(s, "");
            }
        });
        ContextMenu snapshotMenu = table.getContextMenu() != null ? table.getContextMenu() : new ContextMenu();
        snapshotMenu.getItems().addAll(compare, showSnapshot, copySnapshot);
        snapshotMenu.addEventHandler(WindowEvent.WINDOW_SHOWING, e -> {
            Snapshot s = view.selectedSnapshot();
            Snapshot before = view.previous(s);
            compare.setDisable(before == null);
            compare.setText(before == null ? "Compare with previous" : "Compare with previous (" + Format.snapshot(before) + ")");
            copySnapshot.setDisable(s == null);
            showSnapshot.setDisable(s == null);
        });
        table.setContextMenu(snapshotMenu);

        var tree = view.fileTree();
        var open = item("Open", "open-file", () -> {
            List<FileNode> files = view.selectedNodes();
            if (files.size() == 1 && opens(files.getFirst())) {
                actions.open(files.getFirst().entry());
            }
        });
        var history = item("Show history", "show-history", () -> {
            List<FileNode> files = view.selectedNodes();
            if (files.size() == 1 && !files.getFirst().path().isEmpty()) {
                actions.history(files.getFirst().path());
            }
        });
        var showFolder = item("Show in file manager", "show-in-file-manager", () -> {
            List<FileNode> files = view.selectedNodes();
            Snapshot s = view.selectedSnapshot();
            if (files.size() == 1 && s != null) {
                actions.showInFileManager(s, files.getFirst().path());
            }
        });
        var copyPath = item("Copy path", "copy-path", () -> Clip.copy(view.selectedNodes().stream().map(FileNode::path).toList()));
        var copyId = item("Copy id", "copy-file-id", () -> Clip.copy(view.selectedNodes().stream().map(n -> SnapshotsView.id(n, false))
                .filter(id -> !id.isEmpty()).toList()));
        ContextMenu fileMenu = tree.getContextMenu() != null ? tree.getContextMenu() : new ContextMenu();
        if (!fileMenu.getItems().isEmpty()) {
            fileMenu.getItems().add(new SeparatorMenuItem());
        }
        fileMenu.getItems().addAll(open, showFolder, history, copyPath, copyId);
        fileMenu.addEventHandler(WindowEvent.WINDOW_SHOWING, e -> {
            List<FileNode> files = view.selectedNodes();
            open.setDisable(files.size() != 1 || !opens(files.getFirst()));
            history.setDisable(files.size() != 1);
            showFolder.setDisable(files.size() != 1 || view.selectedSnapshot() == null);
            copyPath.setDisable(files.isEmpty());
            copyId.setDisable(files.stream().allMatch(n -> SnapshotsView.id(n, false).isEmpty()));
        });
        tree.setContextMenu(fileMenu);
    }

    /** A file (not a folder or a link) whose content the store names can be opened. */
    private static boolean opens(FileNode n) {
        return !n.folder() && n.entry().blob() != null && n.kind() != dev.packinspector.app.common.FileKind.LINK;
    }

    private static MenuItem item(String text, String id, Runnable action) {
        var item = new MenuItem(text);
        item.setId(id);
        item.setOnAction(e -> action.run());
        return item;
    }
}

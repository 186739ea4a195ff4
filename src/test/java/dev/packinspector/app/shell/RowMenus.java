package dev.packinspector.app.shell;

import dev.packinspector.app.snapshots.FileNode;
import dev.packinspector.catalog.Snapshot;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.MouseButton;
import org.testfx.api.FxRobot;

/** The rows of the Snapshots view as drawn, and their context menus used as a user uses them: a click, a right-click, an item. */
final class RowMenus {
    private RowMenus() {
    }

    static Node snapshotRow(WindowDriver ui, String id) {
        return WindowDriver.onFx(() -> ui.<Node>anywhere("#snapshot-table .table-row-cell").stream()
                .filter(n -> n instanceof IndexedCell<?> c && c.getItem() instanceof Snapshot s && s.id().equals(id)).findFirst().orElseThrow());
    }

    /** The drawn row of the file tree showing {@code path}, scrolled to. */
    static Node fileRow(WindowDriver ui, String path) {
        WindowDriver.onFx(() -> {
            TreeTableView<FileNode> tree = ui.snapshots().fileTree();
            tree.scrollTo(tree.getRow(Shown.item(tree.getRoot(), path)));
            tree.layout();
        });
        return WindowDriver.onFx(() -> ui.<Node>anywhere("#file-tree .tree-table-row-cell").stream()
                .filter(n -> n instanceof IndexedCell<?> c && !c.isEmpty() && c.getItem() instanceof FileNode f && f.path().equals(path))
                .findFirst().orElseThrow(() -> new AssertionError(path + " is not drawn")));
    }

    /** Selects {@code row} with a click, opens its context menu with a right-click and chooses the item {@code id}. */
    static void choose(WindowDriver ui, FxRobot robot, Node row, String id) {
        robot.clickOn(row, MouseButton.PRIMARY);
        robot.rightClickOn(row);
        clickItem(ui, robot, id);
    }

    static void clickItem(WindowDriver ui, FxRobot robot, String id) {
        waitForMenu();
        WindowDriver.waitUntil(id + " can be chosen", () -> !item(id).isDisable());
        Node shown = WindowDriver.onFx(() -> ui.<Node>anywhere(".context-menu #" + id).stream().findFirst().orElseThrow(() -> new AssertionError("no " + id + " drawn")));
        robot.clickOn(shown);
        WindowDriver.waitUntil("the menu is closed", () -> showingMenu() == null);
    }

    static void waitForMenu() {
        WindowDriver.waitUntil("a context menu is shown", () -> showingMenu() != null);
    }

    static ContextMenu showingMenu() {
        return javafx.stage.Window.getWindows().stream().filter(w -> w instanceof ContextMenu && w.isShowing()).map(w -> (ContextMenu) w).findFirst().orElse(null);
    }

    static MenuItem item(String id) {
        ContextMenu menu = showingMenu();
        return menu == null ? null : menu.getItems().stream().filter(i -> id.equals(i.getId())).findFirst().orElseThrow(() -> new AssertionError("no item " + id));
    }
}

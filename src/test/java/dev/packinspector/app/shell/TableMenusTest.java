package dev.packinspector.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.packinspector.Fixtures;
import dev.packinspector.app.common.Clip;
import dev.packinspector.app.history.SearchView;
import dev.packinspector.app.snapshots.FileNode;
import dev.packinspector.catalog.Snapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.Test;

/**
 * The context menus of the snapshot table, the file tree and the objects table, each item used
 * from a right-click as a user would, on a real store; and type-to-find in the tree and the table.
 */
class TableMenusTest extends MainWindowTestBase {
    private static final String STORE = "real/head-basic";

    @Test
    void compareWithPreviousComparesASnapshotWithItsParentAndCopyIdCopiesItsWholeId() {
        ui.openAndShowFiles(Fixtures.store(STORE));
        WindowDriver.waitUntil("the snapshots are indexed", () -> !ui.compare().choices().isEmpty());
        JsonNode newest = Shown.newestSnapshot(STORE);
        Node row = snapshotRow(newest.get("id").asText());

        choose(row, "copy-snapshot-id");
        assertEquals(newest.get("id").asText(), WindowDriver.onFx(Clip::text));

        choose(row, "compare-previous");
        WindowDriver.waitUntil("Compare shows the two snapshots", () -> window().selected() == Navigation.View.COMPARE && ui.compare().diff() != null);
        assertEquals(newest.get("parent_snapshot_id").asText(), WindowDriver.onFx(() -> ui.compare().diff().from().id()), "its parent");
        assertEquals(newest.get("id").asText(), WindowDriver.onFx(() -> ui.compare().diff().to().id()));
    }

    @Test
    void aSnapshotWhoseParentWasDeletedIsComparedWithTheOneSavedBeforeIt() {
        ui.openAndShowFiles(Fixtures.store("real/head-deleted"));
        WindowDriver.waitUntil("the snapshots are indexed", () -> !ui.compare().choices().isEmpty());
        var snapshots = Fixtures.manifest("real/head-deleted").get("snapshots");
        String third = snapshots.get(1).get("id").asText();
        assertTrue(WindowDriver.onFx(() -> ui.session().snapshots().stream().noneMatch(s -> s.id().equals(snapshots.get(1).get("parent_snapshot_id").asText()))),
                "save 2, its parent, is deleted");

        choose(snapshotRow(third), "compare-previous");
        WindowDriver.waitUntil("Compare shows the two snapshots", () -> ui.compare().diff() != null && ui.compare().diff().to().id().equals(third));
        assertEquals(snapshots.get(0).get("id").asText(), WindowDriver.onFx(() -> ui.compare().diff().from().id()), "save 1, the one before it");
    }

    @Test
    void theFileMenuOpensCopiesAndShowsHistory() throws Exception {
        ui.openAndShowFiles(Fixtures.store(STORE));
        JsonNode newest = Shown.newestSnapshot(STORE);
        JsonNode readme = Shown.file(newest, "README.md");
        var opened = new CopyOnWriteArrayList<Path>();
        WindowDriver.onFx(() -> window().documents().viewer(opened::add));

        Node readmeRow = fileRow("README.md");
        choose(readmeRow, "open-file");
        WindowDriver.waitUntil("the file is handed to the system's application", () -> !opened.isEmpty());
        Path file = opened.getFirst();
        assertEquals("README.md", file.getFileName().toString(), "the temp file has the file's name, so the right application opens it");
        assertEquals(readme.get("sha256").asText(), Fixtures.sha256(Files.readAllBytes(file)), "with its content");

        choose(readmeRow, "copy-file-id");
        assertEquals(readme.get("blob_hash").asText(), WindowDriver.onFx(Clip::text));

        WindowDriver.onFx(() -> {
            TreeTableView<FileNode> tree = ui.snapshots().fileTree();
            Shown.item(tree.getRoot(), "bin").setExpanded(true);
            tree.getSelectionModel().clearSelection();
            tree.getSelectionModel().select(Shown.item(tree.getRoot(), "README.md"));
            tree.getSelectionModel().select(Shown.item(tree.getRoot(), "bin/run.sh"));
        });
        robot.rightClickOn(fileRow("bin/run.sh"));
        clickItem("copy-path");
        assertEquals(List.of("README.md", "bin/run.sh"), WindowDriver.onFx(() -> Clip.text()).lines().sorted().toList(), "every selected path");

        // a folder: nothing to open, nor an id to copy
        robot.clickOn(fileRow("bin"));
        robot.rightClickOn(fileRow("bin"));
        waitForMenu();
        assertTrue(WindowDriver.onFx(() -> item("open-file").isDisable()), "a folder does not open");
        assertTrue(WindowDriver.onFx(() -> item("copy-file-id").isDisable()), "a folder has no object id");
        clickItem("copy-path");
        assertEquals("bin", WindowDriver.onFx(Clip::text));

        choose(fileRow("bin/run.sh"), "show-history");
        WindowDriver.waitUntil("Search shows the file's history", () -> "bin/run.sh".equals(ui.search().shownQuery()));
        assertEquals(Navigation.View.SEARCH, WindowDriver.onFx(() -> window().selected()));
    }

    @Test
    void showUsesListsEverySnapshotPathOfAnObject() {
        ui.openAndShowFiles(Fixtures.store(STORE));
        WindowDriver.waitUntil("the snapshots are indexed", () -> !ui.compare().choices().isEmpty());
        JsonNode manifest = Fixtures.manifest(STORE);
        String blob = Shown.file(Shown.newestSnapshot(STORE), "dup/one.txt").get("blob_hash").asText();
        int uses = 0;
        for (JsonNode s : manifest.get("snapshots")) {
            for (JsonNode f : s.get("files")) {
                uses += f.get("blob_hash").asText().equals(blob) ? 1 : 0;
            }
        }
        assertTrue(uses > 2, "dup/one.txt's content is in several places: " + uses);

        WindowDriver.onFx(() -> {
            window().select(Navigation.View.OBJECTS);
            ui.index().filter(blob);
        });
        WindowDriver.waitUntil("the object is listed", () -> ui.index().table().getItems().size() == 1);
        Node row = ui.anywhere("#index-table .table-row-cell").stream().filter(n -> n instanceof IndexedCell<?> c && !c.isEmpty()).findFirst().orElseThrow();
        choose(row, "copy-object-id");
        assertEquals(blob, WindowDriver.onFx(Clip::text));

        choose(row, "show-uses");
        WindowDriver.waitUntil("Search lists its uses", () -> window().selected() == Navigation.View.SEARCH && ui.search().results().getRoot() != null
                && !ui.search().results().getRoot().getChildren().isEmpty());
        List<SearchView.Row> shown = WindowDriver.onFx(() -> ui.search().results().getRoot().getChildren().getFirst().getChildren().stream()
                .map(TreeItem::getValue).toList());
        assertEquals(uses, shown.size(), "one row per snapshot path: " + shown);
    }

    @Test
    void typingANameSelectsTheFirstRowStartingWithIt() {
        ui.openAndShowFiles(Fixtures.store(STORE));
        TreeTableView<FileNode> tree = ui.snapshots().fileTree();
        robot.clickOn(fileRow("README.md"));
        robot.type(KeyCode.D);
        WindowDriver.waitUntil("docs is selected", () -> tree.getSelectionModel().getSelectedItem().getValue().name().equals("docs"));

        // a pause starts a new word; then letters typed one after another, with no pause between them
        sleepPastThePause();
        WindowDriver.onFx(() -> "rev".chars().forEach(c -> tree.fireEvent(typed((char) c))));
        assertEquals("revert-a.txt", WindowDriver.onFx(() -> tree.getSelectionModel().getSelectedItem().getValue().name()));

        var table = ui.snapshots().snapshotTable();
        WindowDriver.onFx(() -> {
            table.requestFocus();
            "basic save 2".chars().forEach(c -> table.fireEvent(typed((char) c)));
        });
        assertEquals("basic save 2", WindowDriver.onFx(() -> table.getSelectionModel().getSelectedItem().message()));
    }

    @Test
    void modesReadAsLsShowsThemWithTheOctalOnHoverAndEachNameAfterItsKind() {
        ui.wide();
        ui.openAndShowFiles(Fixtures.store(STORE));
        WindowDriver.onFx(() -> {
            for (String folder : List.of("bin", "links", "secret")) {
                Shown.item(ui.snapshots().fileTree().getRoot(), folder).setExpanded(true);
            }
        });
        assertMode(fileRow("bin/run.sh"), "-rwxr-xr-x", "Mode 100755 (octal)", "kind-executable");
        assertMode(fileRow("links/abs"), "lrwxrwxrwx", "Mode 120777 (octal)", "kind-link");
        assertMode(fileRow("secret/key.pem"), "-rw-r-----", "Mode 100640 (octal)", "kind-file");
        assertMode(fileRow("bin"), "", null, "kind-folder");
        assertEquals("1", cell(fileRow("bin"), "Files").getText(), "a folder's count has a column of its own");

        // Search: a version's mode
        WindowDriver.onFx(() -> {
            window().select(Navigation.View.SEARCH);
            ui.search().query().set("bin/run.sh");
        });
        WindowDriver.waitUntil("the file is found", () -> "bin/run.sh".equals(ui.search().shownQuery()));
        WindowDriver.onFx(() -> ui.search().results().getRoot().getChildren().getFirst().setExpanded(true));
        Node version = WindowDriver.onFx(() -> {
            ui.search().results().layout();
            return ui.<Node>anywhere("#search-results .tree-table-row-cell").stream()
                    .filter(n -> n instanceof IndexedCell<?> c && c.getItem() instanceof SearchView.VersionRow).findFirst().orElseThrow();
        });
        assertMode(version, "-rwxr-xr-x", "Mode 100755 (octal)", "kind-executable");

        // the preview's folder listing of the snapshot's root tree
        String root = Shown.newestSnapshot(STORE).get("root_tree_hash").asText();
        WindowDriver.onFx(() -> {
            window().select(Navigation.View.OBJECTS);
            ui.index().filter(root);
        });
        WindowDriver.waitUntil("the tree is listed", () -> ui.index().table().getItems().size() == 1);
        WindowDriver.onFx(() -> ui.index().table().getSelectionModel().select(0));
        WindowDriver.waitUntil("its listing is shown", () -> !ui.preview().parts().listing().getItems().isEmpty());
        Node readme = WindowDriver.onFx(() -> {
            ui.preview().parts().listing().layout();
            return ui.<Node>anywhere("#preview-tree .table-row-cell").stream()
                    .filter(n -> n instanceof IndexedCell<?> c && c.getItem() instanceof dev.packinspector.store.tree.TreeEntry e && e.name().equals("README.md"))
                    .findFirst().orElseThrow();
        });
        assertMode(readme, "-rw-r--r--", "Mode 100644 (octal)", "kind-file");
    }

    // ---- helpers ----------------------------------------------------------------------------

    private void assertMode(Node row, String text, String hover, String kind) {
        IndexedCell<?> mode = cell(row, "Mode");
        assertEquals(text, mode.getText() == null ? "" : mode.getText());
        assertEquals(hover, WindowDriver.onFx(() -> mode.getTooltip() == null ? null : mode.getTooltip().getText()));
        IndexedCell<?> name = WindowDriver.onFx(() -> ((List<Node>) (List<?>) ((javafx.scene.Parent) row).getChildrenUnmodifiable()).stream()
                .filter(n -> n instanceof IndexedCell<?>).map(n -> (IndexedCell<?>) n).findFirst().orElseThrow());
        assertTrue(WindowDriver.onFx(() -> name.getGraphic() != null && name.getGraphic().getStyleClass().contains(kind)),
                () -> "the name shows the " + kind + " icon: " + WindowDriver.onFx(() -> name.getGraphic() == null ? "none" : name.getGraphic().getStyleClass()));
    }

    /** The cell of a drawn row in the column titled {@code column}. */
    private static IndexedCell<?> cell(Node row, String column) {
        return WindowDriver.onFx(() -> ((javafx.scene.Parent) row).getChildrenUnmodifiable().stream().filter(n -> n instanceof IndexedCell<?>)
                .map(n -> (IndexedCell<?>) n).filter(c -> column.equals(columnOf(c))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + column + " cell")));
    }

    private static String columnOf(IndexedCell<?> c) {
        return switch (c) {
            case javafx.scene.control.TreeTableCell<?, ?> t -> t.getTableColumn() == null ? null : t.getTableColumn().getText();
            case javafx.scene.control.TableCell<?, ?> t -> t.getTableColumn() == null ? null : t.getTableColumn().getText();
            default -> null;
        };
    }

    private Node snapshotRow(String id) {
        return RowMenus.snapshotRow(ui, id);
    }

    private Node fileRow(String path) {
        return RowMenus.fileRow(ui, path);
    }

    private void choose(Node row, String id) {
        RowMenus.choose(ui, robot, row, id);
    }

    private void clickItem(String id) {
        RowMenus.clickItem(ui, robot, id);
    }

    private void waitForMenu() {
        RowMenus.waitForMenu();
    }

    private static MenuItem item(String id) {
        return RowMenus.item(id);
    }

    /** Waits longer than type-to-find's pause, after which typing starts a new word. */
    private static void sleepPastThePause() {
        try {
            Thread.sleep(1_500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static KeyEvent typed(char c) {
        return new KeyEvent(KeyEvent.KEY_TYPED, String.valueOf(c), "", KeyCode.UNDEFINED, false, false, false, false);
    }
}

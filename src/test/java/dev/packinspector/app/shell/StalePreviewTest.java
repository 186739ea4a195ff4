package dev.packinspector.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.packinspector.Fixtures;
import dev.packinspector.app.session.PreviewModel;
import dev.packinspector.app.snapshots.FileNode;
import javafx.scene.control.TreeItem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The preview follows the selection away too: when what showed a file is no longer selected
 * (cleared, another snapshot, filtered out of sight), the preview shows nothing instead of the
 * old file; a selection in another view is left alone. On a store written by the real chkpt.
 */
class StalePreviewTest extends MainWindowTestBase {
    private static final String STORE = "real/head-basic";
    private static final String FILE = "src/main.rs";

    @BeforeEach
    void openTheRealStore() {
        ui.openAndShowFiles(Fixtures.store(STORE));
    }

    private void selectFile(String path) {
        WindowDriver.onFx(() -> {
            var tree = ui.snapshots().fileTree();
            TreeItem<FileNode> item = Shown.item(tree.getRoot(), path);
            assertNotNull(item, path);
            for (TreeItem<FileNode> p = item.getParent(); p != null; p = p.getParent()) {
                p.setExpanded(true);
            }
            tree.getSelectionModel().clearAndSelect(tree.getRow(item));
        });
        WindowDriver.waitUntil(path + " is previewed", () -> window().preview().blob() != null
                && window().preview().blob().entry() != null && window().preview().blob().entry().path().equals(path));
    }

    private boolean nothingShown() {
        return WindowDriver.onFx(() -> window().preview().target().get() instanceof PreviewModel.Nothing n && n.why().equals(PreviewModel.PROMPT));
    }

    @Test
    void clearingTheSelectionClearsThePreview() {
        selectFile(FILE);
        WindowDriver.onFx(() -> ui.snapshots().fileTree().getSelectionModel().clearSelection());
        assertTrue(nothingShown());
        WindowDriver.waitUntil("the pane shows no object", () -> ui.preview().shown().location() == null);
    }

    @Test
    void anotherSnapshotClearsThePreviewOfTheOldOnesFile() {
        JsonNode older = Fixtures.manifest(STORE).get("snapshots").get(0);
        selectFile(FILE);
        WindowDriver.onFx(() -> {
            var table = ui.snapshots().snapshotTable();
            table.getSelectionModel().select(table.getItems().stream().filter(s -> s.id().equals(older.get("id").asText())).findFirst().orElseThrow());
        });
        assertTrue(nothingShown(), "src/main.rs of save 4 is no file of save 1");
    }

    @Test
    void aSearchThatHidesTheFileClearsThePreview() {
        selectFile(FILE);
        robot.clickOn("#path-search").write("README");
        WindowDriver.waitUntil("the tree shows only what matches", () -> Shown.item(ui.snapshots().fileTree().getRoot(), FILE) == null
                && Shown.item(ui.snapshots().fileTree().getRoot(), "README.md") != null);
        assertTrue(nothingShown());
    }

    @Test
    void filteringObjectsClearsThePreviewOfTheObjectNoLongerListed() {
        WindowDriver.onFx(() -> {
            window().select(Navigation.View.OBJECTS);
            ui.index().table().getSelectionModel().select(0);
        });
        WindowDriver.waitUntil("an object is previewed", () -> window().preview().blob() != null || window().preview().target().get() instanceof PreviewModel.Tree);
        // a prefix no listed id has: the row selected is gone
        WindowDriver.onFx(() -> ui.index().filter("ffffffff"));
        assertTrue(nothingShown());
    }

    @Test
    void newSearchResultsClearThePreviewOfAVersionNoLongerListed() {
        WindowDriver.waitUntil("the snapshots are indexed", () -> ui.search().ready());
        WindowDriver.onFx(() -> {
            window().select(Navigation.View.SEARCH);
            ui.search().showHistory(FILE);
        });
        WindowDriver.waitUntil("the history is shown", () -> FILE.equals(ui.search().shownQuery()));
        WindowDriver.onFx(() -> ui.search().results().getSelectionModel().select(1));
        WindowDriver.waitUntil("a version is previewed", () -> window().preview().blob() != null);
        WindowDriver.onFx(() -> ui.search().query().set("README"));
        WindowDriver.waitUntil("the new results are shown", () -> "README".equals(ui.search().shownQuery()));
        assertTrue(nothingShown());
    }

    @Test
    void aSelectionGoneInOneViewLeavesWhatAnotherViewShows() {
        selectFile(FILE);
        WindowDriver.onFx(() -> {
            window().select(Navigation.View.OBJECTS);
            ui.index().table().getSelectionModel().select(0);
        });
        WindowDriver.waitUntil("the object is previewed", () -> window().preview().blob() != null && window().preview().blob().entry() == null);
        var shown = WindowDriver.onFx(() -> window().preview().target().get());
        WindowDriver.onFx(() -> ui.snapshots().fileTree().getSelectionModel().clearSelection());
        assertEquals(shown, WindowDriver.onFx(() -> window().preview().target().get()), "Objects' selection still shows");
    }
}

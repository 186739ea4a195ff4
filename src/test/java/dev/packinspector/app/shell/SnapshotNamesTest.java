package dev.packinspector.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.packinspector.Fixtures;
import dev.packinspector.app.common.Format;
import dev.packinspector.app.history.SearchView;
import dev.packinspector.app.snapshots.FileNode;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableRow;
import javafx.scene.input.Clipboard;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Snapshots are named as their users know them, time and message, in Search and in Info, with
 * the id on hover and to copy, not as raw ids. On a store written by the real chkpt.
 */
class SnapshotNamesTest extends MainWindowTestBase {
    private static final String STORE = "real/head-basic";

    @BeforeEach
    void openTheRealStore() {
        ui.openAndShowFiles(Fixtures.store(STORE));
    }

    private static String name(JsonNode snapshot) {
        return Format.time(snapshot.get("created_at").asText()) + " · " + snapshot.get("message").asText();
    }

    @Test
    void searchNamesTheSnapshotsOfAVersionWithTheirIdsOnHoverAndToCopy() {
        ui.wide(); // a narrow window leaves the Snapshots column out
        JsonNode save1 = Fixtures.manifest(STORE).get("snapshots").get(0);
        WindowDriver.waitUntil("the snapshots are indexed", () -> ui.search().ready());
        WindowDriver.onFx(() -> {
            window().select(Navigation.View.SEARCH);
            ui.search().showHistory("will-delete.txt");
        });
        WindowDriver.waitUntil("its history is shown", () -> "will-delete.txt".equals(ui.search().shownQuery()));
        TreeItem<SearchView.Row> version = WindowDriver.onFx(() -> ui.search().results().getRoot().getChildren().getFirst().getChildren().getFirst());
        int snapshotsColumn = WindowDriver.onFx(() -> ui.search().results().getVisibleLeafColumns().size() - 1);
        WindowDriver.waitUntil("the version's row is drawn", () -> Shown.drawnText(ui.search().results(), snapshotsColumn, version) != null);
        String where = WindowDriver.onFx(() -> Shown.drawnText(ui.search().results(), snapshotsColumn, version));
        assertEquals(name(save1), where, "only save 1 holds it, named by its time and message, not \"1 snapshot\"");

        WindowDriver.onFx(() -> ui.search().results().getSelectionModel().clearAndSelect(ui.search().results().getRow(version)));
        WindowDriver.waitUntil("its row is drawn", () -> row(version) != null);
        String tip = WindowDriver.onFx(() -> row(version).getTooltip().getText());
        assertTrue(tip.contains(name(save1)) && tip.contains(save1.get("id").asText()), tip);

        WindowDriver.onFx(() -> ui.search().results().getContextMenu().getItems().stream().filter(i -> "copy-snapshot-ids".equals(i.getId()))
                .findFirst().orElseThrow().fire());
        assertEquals(save1.get("id").asText(), WindowDriver.onFx(() -> Clipboard.getSystemClipboard().getString()));
    }

    private TreeTableRow<?> row(TreeItem<SearchView.Row> item) {
        for (Node n : ui.search().results().lookupAll(".tree-table-row-cell")) {
            if (n instanceof TreeTableRow<?> r && r.getTreeItem() == item && r.isVisible()) {
                return r;
            }
        }
        return null;
    }

    @Test
    void infoNamesTheSnapshotsUsingAnObject() {
        JsonNode newest = Shown.newestSnapshot(STORE);
        String blob = Shown.file(newest, "README.md").get("blob_hash").asText();
        var expected = new ArrayList<String>();
        var ids = new ArrayList<String>();
        for (JsonNode s : Fixtures.manifest(STORE).get("snapshots")) {
            s.get("files").forEach(f -> {
                if (f.get("blob_hash").asText().equals(blob)) {
                    expected.add(name(s) + "  " + f.get("path").asText());
                    ids.add(s.get("id").asText());
                }
            });
        }
        assertTrue(expected.size() >= 2, "README.md is kept by several saves");
        WindowDriver.onFx(() -> {
            var tree = ui.snapshots().fileTree();
            TreeItem<FileNode> item = Shown.item(tree.getRoot(), "README.md");
            tree.getSelectionModel().clearAndSelect(tree.getRow(item));
        });

        WindowDriver.waitUntil("the uses are looked up", () -> !String.join("\n", Shown.texts(ui.node("#preview-used-by"))).contains("looking up"));
        VBox used = ui.node("#preview-used-by");
        List<Label> lines = WindowDriver.onFx(() -> used.getChildren().stream().map(n -> (Label) n).toList());
        assertEquals(expected.stream().sorted().toList(), lines.stream().map(Label::getText).sorted().toList());
        for (Label line : lines) {
            assertFalse(line.getText().contains(ids.getFirst().substring(0, 8)), "no raw id in " + line.getText());
            String tip = WindowDriver.onFx(() -> line.getTooltip().getText());
            assertTrue(ids.stream().anyMatch(tip::contains), "the id on hover: " + tip);
            assertNotNull(WindowDriver.onFx(line::getContextMenu), "and to copy");
        }
    }
}

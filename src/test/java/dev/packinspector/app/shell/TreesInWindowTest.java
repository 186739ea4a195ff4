package dev.packinspector.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.packinspector.Fixtures;
import dev.packinspector.app.packs.PackRow;
import dev.packinspector.store.tree.TreeEntry;
import java.util.List;
import javafx.scene.control.TableColumn;
import org.junit.jupiter.api.Test;

/** A real store's tree pack in the window: a row in Packs, its trees in Objects, a tree previewed as its folder listing. */
class TreesInWindowTest extends MainWindowTestBase {
    private static final String STORE = "real/head-basic";

    @Test
    void theTreePackIsARowOfPacksAndItsTreesAreObjects() {
        JsonNode manifest = Fixtures.manifest(STORE);
        int blobs = 0;
        for (JsonNode p : manifest.get("packs")) {
            blobs += p.get("entry_count").asInt();
        }
        ui.open(Fixtures.store(STORE));
        int trees = WindowDriver.onFx(() -> (int) ui.session().trees().treeCount());
        assertTrue(trees > 0);

        WindowDriver.onFx(() -> window().select(Navigation.View.PACKS));
        List<PackRow> packs = WindowDriver.onFx(() -> List.copyOf(ui.packsView().getItems()));
        PackRow treeRow = packs.getLast();
        assertEquals("trees", treeRow.kind());
        assertEquals("ok", treeRow.state());
        assertEquals(trees, treeRow.entries());
        assertEquals(manifest.get("packs").size(), packs.stream().filter(p -> p.kind().equals("blobs")).count());

        WindowDriver.onFx(() -> window().select(Navigation.View.OBJECTS));
        int all = blobs + trees;
        WindowDriver.waitUntil("Objects lists blobs and trees", () -> ui.index().table().getItems().size() == all);
        TableColumn<Integer, ?> kind = WindowDriver.onFx(() -> ui.index().table().getColumns().getFirst());
        assertEquals("Kind", kind.getText());
        sortBy(kind, TableColumn.SortType.DESCENDING);
        WindowDriver.waitUntil("sorted by kind, trees first", () -> "tree".equals(WindowDriver.onFx(() -> kind.getCellData(0))));
        TableColumn<Integer, ?> pack = WindowDriver.onFx(() -> ui.index().table().getColumns().get(2));
        sortBy(pack, TableColumn.SortType.DESCENDING);
        WindowDriver.waitUntil("sorted by pack, the tree pack first", () -> "trees".equals(WindowDriver.onFx(() -> pack.getCellData(0))));
        assertEquals(List.of(pack), WindowDriver.onFx(() -> List.copyOf(ui.index().table().getSortOrder())), "the sort stays shown as the sort");
        assertEquals(all, (int) WindowDriver.onFx(() -> ui.index().table().getItems().size()));
    }

    private static void sortBy(TableColumn<Integer, ?> column, TableColumn.SortType type) {
        WindowDriver.onFx(() -> {
            column.setSortType(type);
            column.getTableView().getSortOrder().setAll(List.of(column));
        });
    }

    @Test
    void aTreeIsPreviewedAsItsListingAndOpensItsFoldersAndFiles() {
        JsonNode latest = Shown.newestSnapshot(STORE);
        String root = latest.get("root_tree_hash").asText();
        ui.open(Fixtures.store(STORE));
        WindowDriver.onFx(() -> window().select(Navigation.View.OBJECTS));
        WindowDriver.onFx(() -> ui.index().filter(root));
        WindowDriver.waitUntil("the root tree is the one row", () -> ui.index().table().getItems().size() == 1);
        WindowDriver.onFx(() -> ui.index().table().getSelectionModel().select(0));

        WindowDriver.waitUntil("the listing is shown", () -> !ui.preview().parts().listing().getItems().isEmpty());
        List<String> names = WindowDriver.onFx(() -> ui.preview().parts().listing().getItems().stream().map(TreeEntry::name).toList());
        assertTrue(names.containsAll(List.of("README.md", "odd", "src")), names::toString);
        assertTrue(WindowDriver.onFx(() -> ui.preview().shown().integrity()).startsWith("verified"));
        assertEquals("", WindowDriver.onFx(() -> ui.preview().shown().damagedBanner()));

        // a folder opens its subtree, and the crumbs show the way back; a file opens its object
        String rootCrumb = "Tree " + root.substring(0, 12) + "…";
        assertEquals(List.of(rootCrumb), WindowDriver.onFx(() -> ui.preview().shown().treeTrail()));
        openInListing("odd");
        WindowDriver.waitUntil("odd/ is listed", () -> ui.preview().parts().listing().getItems().stream().anyMatch(e -> e.name().equals("new\nline.txt")));
        assertEquals(List.of(rootCrumb, "odd"), WindowDriver.onFx(() -> ui.preview().shown().treeTrail()));
        WindowDriver.onFx(() -> window().preview().tree(dev.packinspector.store.ObjectId.parse(root), null)); // as its crumb does
        WindowDriver.waitUntil("the root is listed again", () -> ui.preview().parts().listing().getItems().stream().anyMatch(e -> e.name().equals("src")));
        assertEquals(List.of(rootCrumb), WindowDriver.onFx(() -> ui.preview().shown().treeTrail()));
        openInListing("odd");
        WindowDriver.waitUntil("odd/ is listed", () -> ui.preview().parts().listing().getItems().stream().anyMatch(e -> e.name().equals("new\nline.txt")));
        openInListing("back\\slash.txt");
        WindowDriver.waitUntil("the file's text is previewed", () -> Shown.texts(ui.node("#preview-text")).stream().anyMatch(t -> t.contains("a backslash in the name")));
        // opened from Objects, the tree's place in a snapshot is not known: the file is named as in its folder
        assertEquals("back\\slash.txt", WindowDriver.onFx(() -> ((javafx.scene.control.Label) ui.node("#preview-title")).getText()));
    }

    /** Selects {@code name} in the tree listing and presses Enter, as a user opens it. */
    private void openInListing(String name) {
        TreeEntry entry = WindowDriver.onFx(() -> ui.preview().parts().listing().getItems().stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow());
        WindowDriver.onFx(() -> {
            var listing = ui.preview().parts().listing();
            listing.getSelectionModel().select(entry);
            listing.fireEvent(new javafx.scene.input.KeyEvent(javafx.scene.input.KeyEvent.KEY_PRESSED, "", "", javafx.scene.input.KeyCode.ENTER,
                    false, false, false, false));
        });
    }
}

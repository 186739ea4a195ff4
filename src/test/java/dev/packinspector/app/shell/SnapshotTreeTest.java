package dev.packinspector.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.packinspector.Fixtures;
import dev.packinspector.app.common.Format;
import dev.packinspector.app.snapshots.FileNode;
import dev.packinspector.catalog.Snapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import javafx.scene.Node;
import javafx.scene.control.TableRow;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableRow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A snapshot's files as a tree: folders total what is beneath them; searching by path narrows the tree. */
class SnapshotTreeTest extends MainWindowTestBase {
    private final JsonNode newest = Shown.newestSnapshot("basic");

    @BeforeEach
    void openBasic() {
        ui.wide();
        ui.openAndShowFiles(Fixtures.store("basic"));
    }

    @Test
    void theNewestSnapshotIsListedFirstAndItsFoldersTotalTheManifestSizes() {
        String newestId = newest.get("id").asText();
        assertEquals(newestId, WindowDriver.onFx(() -> ui.snapshots().snapshotTable().getItems().getFirst().id()), "newest first");

        TableRow<?> row = WindowDriver.onFx(() -> ui.anywhere("#snapshot-table .table-row-cell").stream().map(n -> (TableRow<?>) n)
                .filter(r -> r.getItem() instanceof Snapshot s && s.id().equals(newestId)).findFirst().orElseThrow());
        robot.clickOn(row);
        WindowDriver.waitUntil("the newest snapshot is selected", () -> ui.snapshots().selectedSnapshot().id().equals(newestId));
        ui.waitUntilFilesShown();

        assertEquals(paths(newest, p -> true), WindowDriver.onFx(() -> sorted(Shown.filePaths(tree().getRoot()))));
        assertFolderTotals(newest, p -> true);

        TreeItem<FileNode> src = WindowDriver.onFx(() -> Shown.item(tree().getRoot(), "src"));
        assertFalse(WindowDriver.onFx(src::isExpanded), "folders start closed");
        TreeTableRow<?> srcRow = rowShowing("src");
        robot.clickOn(WindowDriver.onFx(() -> srcRow.lookup(".arrow")));
        WindowDriver.waitUntil("src is open", src::isExpanded);

        long srcBytes = sizeBeneath(newest, "src");
        assertEquals(List.of("src", Format.bytes(srcBytes), String.valueOf(countOf(newest, "src")), ""), cellTexts(rowShowing("src")).subList(0, 4),
                "the src row shows its total, its file count in a column of its own and no mode");
        TreeTableRow<?> nested = rowShowing("src/nested");
        assertNotNull(nested, "the opened folder's subfolder is drawn");
        assertEquals(Format.bytes(sizeBeneath(newest, "src/nested")), cellTexts(nested).get(1));
        JsonNode lib = Shown.file(newest, "src/lib.rs");
        long mode = Long.parseLong(lib.get("mode_octal").asText(), 8);
        assertEquals(List.of("lib.rs", Format.bytes(lib.get("size").asLong()), "", Format.permissions(mode), lib.get("blob_hash").asText().substring(0, 12)),
                cellTexts(rowShowing("src/lib.rs")));
    }

    @Test
    void theOlderSnapshotShowsItsOwnFiles() {
        JsonNode older = Fixtures.manifest("basic").get("snapshots").get(0);
        assertFalse(older.get("id").asText().equals(newest.get("id").asText()));
        WindowDriver.onFx(() -> ui.snapshots().snapshotTable().getSelectionModel().select(1));

        WindowDriver.waitUntil("the older snapshot's files are shown",
                () -> sorted(Shown.filePaths(tree().getRoot())).equals(paths(older, p -> true)));
        assertFolderTotals(older, p -> true);
    }

    @Test
    void searchingByPathNarrowsTheTreeToTheMatchingFiles() {
        String needle = "MODULE_0";
        Predicate<String> matches = p -> p.toLowerCase(Locale.ROOT).contains(needle.toLowerCase(Locale.ROOT));
        List<String> expected = paths(newest, matches);
        assertTrue(expected.size() > 1 && expected.size() < newest.get("files").size());

        robot.clickOn("#path-search").write(needle);

        WindowDriver.waitUntil("the tree shows only the matches", () -> sorted(Shown.filePaths(tree().getRoot())).equals(expected));
        assertFolderTotals(newest, matches);
        assertTrue(WindowDriver.onFx(() -> Shown.item(tree().getRoot(), "src").isExpanded()), "matches are shown opened");
        assertTrue(rowShowing("src/module_05.rs") != null, "a match is drawn without opening anything");

        WindowDriver.onFx(() -> ui.snapshots().searchField().setText("no such path"));
        WindowDriver.waitUntil("nothing matches", () -> Shown.filePaths(tree().getRoot()).isEmpty());

        WindowDriver.onFx(() -> ui.snapshots().searchField().clear());
        WindowDriver.waitUntil("every file is back", () -> sorted(Shown.filePaths(tree().getRoot())).equals(paths(newest, p -> true)));
    }

    private javafx.scene.control.TreeTableView<FileNode> tree() {
        return ui.snapshots().fileTree();
    }

    /** Every folder of the shown tree totals the sizes and counts the files of the manifest entries beneath it (that match). */
    private void assertFolderTotals(JsonNode snapshot, Predicate<String> matches) {
        List<FileNode> folders = WindowDriver.onFx(() -> {
            var out = new ArrayList<FileNode>();
            collectFolders(tree().getRoot(), out);
            return out;
        });
        assertFalse(folders.isEmpty());
        for (FileNode folder : folders) {
            long bytes = 0;
            int files = 0;
            for (JsonNode f : snapshot.get("files")) {
                String p = f.get("path").asText();
                if (p.startsWith(folder.path() + "/") && matches.test(p)) {
                    bytes += f.get("size").asLong();
                    files++;
                }
            }
            assertEquals(bytes, folder.size(), folder.path() + " size");
            assertEquals(files, folder.files(), folder.path() + " files");
        }
    }

    private static void collectFolders(TreeItem<FileNode> item, List<FileNode> out) {
        if (item.getValue().folder() && !item.getValue().path().isEmpty()) {
            out.add(item.getValue());
        }
        item.getChildren().forEach(c -> collectFolders(c, out));
    }

    private static long sizeBeneath(JsonNode snapshot, String folder) {
        long n = 0;
        for (JsonNode f : snapshot.get("files")) {
            if (f.get("path").asText().startsWith(folder + "/")) {
                n += f.get("size").asLong();
            }
        }
        return n;
    }

    private static int countOf(JsonNode snapshot, String folder) {
        return paths(snapshot, p -> p.startsWith(folder + "/")).size();
    }

    private static List<String> paths(JsonNode snapshot, Predicate<String> matches) {
        var out = new ArrayList<String>();
        snapshot.get("files").forEach(f -> out.add(f.get("path").asText()));
        return sorted(out.stream().filter(matches).toList());
    }

    private static List<String> sorted(List<String> paths) {
        return paths.stream().sorted().toList();
    }

    /** The drawn row showing {@code path} (scrolled into view, as a user would), or null if it is not in the open tree. */
    private TreeTableRow<?> rowShowing(String path) {
        WindowDriver.onFx(() -> {
            TreeItem<FileNode> item = Shown.item(tree().getRoot(), path);
            if (item != null && tree().getRow(item) >= 0) {
                tree().scrollTo(tree().getRow(item));
            }
        });
        return WindowDriver.onFx(() -> {
            tree().layout();
            return ui.<Node>anywhere("#file-tree .tree-table-row-cell").stream().map(n -> (TreeTableRow<?>) n)
                    .filter(r -> !r.isEmpty() && r.getItem() instanceof FileNode f && f.path().equals(path)).findFirst().orElse(null);
        });
    }

    /** The texts of a drawn row's cells, column by column. */
    private List<String> cellTexts(TreeTableRow<?> row) {
        return WindowDriver.onFx(() -> row.getChildrenUnmodifiable().stream().filter(n -> n instanceof TreeTableCell<?, ?>)
                .map(n -> ((TreeTableCell<?, ?>) n).getText()).map(t -> t == null ? "" : t).toList());
    }
}

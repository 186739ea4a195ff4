package dev.packinspector.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.packinspector.Fixtures;
import dev.packinspector.app.common.Columns;
import dev.packinspector.app.history.CompareView.DiffNode;
import dev.packinspector.app.history.SearchView;
import dev.packinspector.app.problems.Problem;
import dev.packinspector.app.snapshots.FileNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn.SortType;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every column of the window's trees sorts by what it shows the value of, not by its text: the
 * snapshot's files (folders kept first in their parent, either way), Compare, Search and Problems.
 */
class TreeSortingTest extends MainWindowTestBase {
    @TempDir
    Path scratch;

    @Test
    void eachColumnOfTheFileTreeSortsByValueWithFoldersFirst() {
        ui.wide(); // every column shown, to click
        ui.openAndShowFiles(Fixtures.store("real/head-basic"));
        TreeTableView<FileNode> tree = ui.snapshots().fileTree();
        Predicate<FileNode> folder = FileNode::folder;
        List<Column<FileNode>> columns = List.of(
                new Column<>("Name", Comparator.comparing(FileNode::name, Columns.NATURAL)),
                new Column<>("Size", Comparator.comparingLong(FileNode::size)),
                new Column<>("Files", Comparator.comparingInt(n -> n.folder() ? n.files() : 0)),
                new Column<>("Mode", Comparator.comparing(n -> n.folder() ? "" : Shown.file(newest(), n.path()).get("mode_octal").asText())),
                new Column<>("Id", Comparator.comparing(n -> n.folder() ? "" : Shown.file(newest(), n.path()).get("blob_hash").asText())));
        for (Column<FileNode> c : columns) {
            for (SortType way : SortType.values()) {
                List<FileNode> top = sorted(tree, c.title(), way);
                assertFoldersFirstAndSorted(top, folder, way == SortType.ASCENDING ? c.order() : c.order().reversed(), c.title() + " " + way);
            }
        }

        // sorted by size, largest first, then a folder opened: its children come sorted too
        sorted(tree, "Size", SortType.DESCENDING);
        List<FileNode> inSrc = WindowDriver.onFx(() -> {
            TreeItem<FileNode> src = Shown.item(tree.getRoot(), "src");
            src.setExpanded(true);
            return src.getChildren().stream().map(TreeItem::getValue).toList();
        });
        assertTrue(inSrc.size() >= 3, inSrc::toString);
        assertFoldersFirstAndSorted(inSrc, folder, Comparator.comparingLong(FileNode::size).reversed(), "src/ opened after sorting");
    }

    @Test
    void compareSearchAndProblemsSortByValue() throws IOException {
        ui.wide(); // every column shown, to click: Compare's five need the preview out of the way too
        ui.openAndShowFiles(Fixtures.store("real/head-basic"));
        ui.previewShown(false);
        WindowDriver.waitUntil("the snapshots are indexed", () -> !ui.compare().choices().isEmpty());

        // Compare, the first save with the second: folders first, bytes by value
        WindowDriver.onFx(() -> {
            window().select(Navigation.View.COMPARE);
            ui.compare().compare(ui.compare().choices().get(0), ui.compare().choices().get(1));
        });
        WindowDriver.waitUntil("the comparison is shown", () -> ui.compare().diff() != null && ui.compare().tree().getRoot() != null);
        Predicate<DiffNode> changeFolder = n -> n.change() == null;
        for (SortType way : SortType.values()) {
            Comparator<DiffNode> bytes = Comparator.comparingLong(DiffNode::bytes);
            List<DiffNode> top = sorted(ui.compare().tree(), "Bytes", way);
            assertTrue(top.stream().anyMatch(changeFolder) && top.stream().anyMatch(changeFolder.negate()), "folders and files: " + top);
            assertFoldersFirstAndSorted(top, changeFolder, way == SortType.ASCENDING ? bytes : bytes.reversed(), "Compare by bytes " + way);
            assertFoldersFirstAndSorted(sorted(ui.compare().tree(), "Path", way), changeFolder,
                    way == SortType.ASCENDING ? Comparator.comparing(DiffNode::name, Columns.NATURAL)
                            : Comparator.comparing(DiffNode::name, Columns.NATURAL).reversed(), "Compare by path " + way);
        }

        // Search: paths by how many versions they have
        WindowDriver.onFx(() -> {
            window().select(Navigation.View.SEARCH);
            ui.search().query().set("txt");
        });
        WindowDriver.waitUntil("the paths are found", () -> "txt".equals(ui.search().shownQuery()));
        List<SearchView.Row> paths = sorted(ui.search().results(), "Snapshots", SortType.DESCENDING);
        assertTrue(paths.size() > 3, paths::toString);
        Comparator<SearchView.Row> versions = Comparator.comparingInt(r -> ((SearchView.PathRow) r).path().versions().size());
        assertFoldersFirstAndSorted(paths, r -> false, versions.reversed(), "Search by versions");
        assertTrue(versions.compare(paths.getFirst(), paths.getLast()) > 0, "some paths have more versions than others");

        // Problems: three damaged packs in one folder, their offsets by value
        Path packs = Files.createDirectories(scratch.resolve("packs"));
        int n = 0;
        for (String damage : List.of("truncated_dat", "lz4_bad_frame_magic", "idx_offset_past_end")) {
            String name = String.format("pack-%016x", ++n);
            Path from = Fixtures.store("corrupt/" + damage).resolve("packs");
            Files.copy(from.resolve("pack-9ef89182289b4276.dat"), packs.resolve(name + ".dat"));
            Files.copy(from.resolve("pack-9ef89182289b4276.idx"), packs.resolve(name + ".idx"));
        }
        ui.open(scratch);
        WindowDriver.onFx(() -> window().select(Navigation.View.PROBLEMS));
        WindowDriver.await(WindowDriver.onFx(() -> ui.problems().verify()));
        TreeTableView<Problem> problems = WindowDriver.onFx(() -> (TreeTableView<Problem>) ui.problems().lookup("#problem-list"));
        for (SortType way : SortType.values()) {
            List<Problem> rows = sorted(problems, "Offset", way);
            assertTrue(rows.stream().filter(p -> p.offset() >= 0).map(Problem::offset).distinct().count() >= 2, "offsets to sort: " + rows);
            Comparator<Problem> offset = Comparator.comparingLong(Problem::offset);
            assertFoldersFirstAndSorted(rows, p -> false, way == SortType.ASCENDING ? offset : offset.reversed(), "Problems by offset " + way);
        }
    }

    private record Column<T>(String title, Comparator<T> order) {
    }

    private static com.fasterxml.jackson.databind.JsonNode newest() {
        var snapshots = Fixtures.manifest("real/head-basic").get("snapshots");
        return snapshots.get(snapshots.size() - 1);
    }

    /**
     * Sorts {@code tree} by its column {@code title} the {@code way} asked, by clicking its header
     * (a click sorts by it ascending, the next descending, the next not at all); returns the top rows
     * in their new order.
     */
    private static <T> List<T> sorted(TreeTableView<T> tree, String title, SortType way) {
        TreeTableColumn<T, ?> column = WindowDriver.onFx(() -> tree.getColumns().stream().filter(c -> c.getText().equals(title)).findFirst().orElseThrow());
        for (int clicks = 0; !WindowDriver.onFx(() -> tree.getSortOrder().equals(List.of(column)) && column.getSortType() == way); clicks++) {
            assertTrue(clicks < 3, "three clicks on " + title + " never sorted it " + way);
            WindowDriver.clickHeader(tree, title);
        }
        return WindowDriver.onFx(() -> children(tree.getRoot()));
    }

    private static <T> List<T> children(TreeItem<T> item) {
        return item.getChildren().stream().map(TreeItem::getValue).toList();
    }

    /** The folders come before every other row, and each group is in {@code order}. */
    private static <T> void assertFoldersFirstAndSorted(List<T> rows, Predicate<T> folder, Comparator<T> order, String what) {
        int files = (int) rows.stream().takeWhile(folder).count();
        assertEquals(rows.size() - files, rows.stream().filter(folder.negate()).count(), what + ": folders first in " + rows);
        for (int i = 1; i < rows.size(); i++) {
            if (i != files) {
                assertTrue(order.compare(rows.get(i - 1), rows.get(i)) <= 0, what + ": " + rows.get(i - 1) + " before " + rows.get(i));
            }
        }
    }
}

package dev.packinspector.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.packinspector.Fixtures;
import dev.packinspector.ManifestDiff;
import dev.packinspector.app.history.CompareView;
import dev.packinspector.app.history.DiffView;
import dev.packinspector.app.history.SearchView;
import dev.packinspector.app.snapshots.FileNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javafx.scene.control.TreeItem;
import javafx.stage.Window;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Search, file history, snapshot comparison, space and find-by-content in the window, on the
 * basic fixture, with every expected value worked out from manifest.json.
 */
class HistoryViewsTest extends MainWindowTestBase {

    private static List<JsonNode> snapshots() {
        var out = new ArrayList<JsonNode>();
        Fixtures.manifest("basic").get("snapshots").forEach(out::add);
        out.sort(Comparator.comparing(s -> s.get("created_at").asText()));
        return out;
    }

    @BeforeEach
    void openBasicAndWaitForItsIndex() {
        ui.openAndShowFiles(Fixtures.store("basic"));
        WindowDriver.waitUntil("the snapshots are indexed", () -> ui.search().ready());
    }

    @Test
    void searchFindsPathsInEverySnapshotWithTheirVersions() {
        WindowDriver.onFx(() -> window().commands().searchAll());
        robot.clickOn("#find").write("*.rs");
        // path -> number of distinct (object, mode) versions, from the JSON
        var expected = new TreeMap<String, Set<String>>();
        for (JsonNode s : snapshots()) {
            s.get("files").forEach(f -> {
                if (f.get("path").asText().endsWith(".rs")) {
                    expected.computeIfAbsent(f.get("path").asText(), p -> new HashSet<>()).add(f.get("blob_hash").asText() + f.get("mode").asText());
                }
            });
        }
        var want = new TreeMap<String, Integer>();
        expected.forEach((p, v) -> want.put(p, v.size()));
        // each key typed searches again once typing pauses: wait for the answer to the whole query
        WindowDriver.waitUntil("the results for *.rs are shown", () -> "*.rs".equals(ui.search().shownQuery()));
        Map<String, Integer> shown = WindowDriver.onFx(() -> {
            var m = new TreeMap<String, Integer>();
            for (TreeItem<SearchView.Row> item : ui.search().results().getRoot().getChildren()) {
                var path = (SearchView.PathRow) item.getValue();
                m.put(path.path().path(), item.getChildren().size());
            }
            return m;
        });
        assertEquals(want, shown);
        assertTrue(ui.node("#search-summary") instanceof javafx.scene.control.Label l && l.getText().startsWith(want.size() + " paths match"),
                "the summary counts the matches");
    }

    @Test
    void aPathsHistoryPreviewsEachVersionAndComparesThemLineByLine() {
        WindowDriver.onFx(() -> {
            window().select(Navigation.View.SEARCH);
            ui.search().showHistory("src/module_03.rs");
        });
        WindowDriver.waitUntil("the history is shown", () -> ui.search().results().getRoot() != null
                && !ui.search().results().getRoot().getChildren().isEmpty());
        List<String> ids = new ArrayList<>();
        for (JsonNode s : snapshots()) {
            s.get("files").forEach(f -> {
                if (f.get("path").asText().equals("src/module_03.rs") && !ids.contains(f.get("blob_hash").asText())) {
                    ids.add(f.get("blob_hash").asText());
                }
            });
        }
        TreeItem<SearchView.Row> path = WindowDriver.onFx(() -> ui.search().results().getRoot().getChildren().getFirst());
        assertEquals(ids, WindowDriver.onFx(() -> path.getChildren().stream()
                .map(i -> ((SearchView.VersionRow) i.getValue()).version().entry().blob().toHex()).toList()), "versions oldest first");

        WindowDriver.onFx(() -> ui.search().results().getSelectionModel().select(path.getChildren().get(1)));
        WindowDriver.waitUntil("the newer version is previewed", () -> ui.preview().shown().location() != null
                && ui.preview().shown().location().id().toHex().equals(ids.get(1)));

        robot.clickOn("#compare-versions");
        WindowDriver.waitUntil("the comparison is shown", () -> diffWindow() != null && diffWindow().diff() != null);
        DiffView view = diffWindow();
        List<String> lines = WindowDriver.onFx(() -> view.diff().unified("older", "newer"));
        assertTrue(lines.get(0).equals("--- older") && lines.get(1).equals("+++ newer"), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("@@")), "it has hunks");
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("+") && !l.startsWith("+++")), "lines were added (the file grew by 500 bytes)");
        // the window names the two versions by their snapshots, as users know them, not by ids
        String title = WindowDriver.onFx(() -> ((javafx.stage.Stage) view.getScene().getWindow()).getTitle());
        assertTrue(title.startsWith("src/module_03.rs — ") && title.contains(" · basic save 1 → ") && title.endsWith(" · basic save 2"), title);
        WindowDriver.onFx(() -> view.getScene().getWindow().hide());
    }

    @Test
    void showHistoryFromTheSnapshotTreeOpensTheFilesVersions() {
        WindowDriver.onFx(() -> {
            var tree = ui.snapshots().fileTree();
            TreeItem<FileNode> src = Shown.item(tree.getRoot(), "src");
            src.setExpanded(true);
            tree.getSelectionModel().select(Shown.item(tree.getRoot(), "src/module_05.rs"));
            tree.getContextMenu().getItems().stream().filter(i -> "show-history".equals(i.getId())).findFirst().orElseThrow().fire();
        });
        WindowDriver.waitUntil("the history is shown", () -> ui.search().results().getRoot() != null
                && !ui.search().results().getRoot().getChildren().isEmpty());
        assertEquals(Navigation.View.SEARCH, WindowDriver.onFx(() -> window().selected()));
        var path = WindowDriver.onFx(() -> (SearchView.PathRow) ui.search().results().getRoot().getChildren().getFirst().getValue());
        assertEquals("src/module_05.rs", path.path().path());
        // module_05.rs changed only its mode between the two saves: two versions of one object
        assertEquals(2, path.path().versions().size());
        assertEquals(path.path().versions().get(0).entry().blob(), path.path().versions().get(1).entry().blob());
    }

    /** The diff of a compare window, if one is showing. */
    static DiffView diffWindow() {
        return WindowDriver.onFx(() -> Window.getWindows().stream().filter(Window::isShowing)
                .map(w -> w.getScene().getRoot()).filter(n -> n instanceof DiffView).map(n -> (DiffView) n).findFirst().orElse(null));
    }

    @Test
    void compareShowsTheSnapshotDiffAsATreeAndFilters() {
        WindowDriver.onFx(() -> window().select(Navigation.View.COMPARE));
        WindowDriver.waitUntil("the two newest snapshots are compared", () -> ui.compare().diff() != null);
        List<JsonNode> s = snapshots();
        assertEquals(s.get(0).get("id").asText(), WindowDriver.onFx(() -> ui.compare().diff().from().id()));
        List<String> expected = ManifestDiff.lines(s.get(0), s.get(1));
        List<String> shown = WindowDriver.onFx(() -> leaves(ui.compare().tree().getRoot()));
        // the tree lists a folder's sub-folders before its files
        assertEquals(expected.stream().sorted().toList(), shown.stream().sorted().toList());

        robot.clickOn("#compare-changed");
        robot.clickOn("#compare-removed");
        WindowDriver.waitUntil("only added and renamed remain", () -> leaves(ui.compare().tree().getRoot()).stream()
                .allMatch(l -> l.startsWith("A ") || l.startsWith("R ")));
        assertEquals(expected.stream().filter(l -> l.startsWith("A ") || l.startsWith("R ")).sorted().toList(),
                WindowDriver.onFx(() -> leaves(ui.compare().tree().getRoot())).stream().sorted().toList());
        robot.clickOn("#compare-filter").write("module");
        WindowDriver.waitUntil("the path filter applies", () -> leaves(ui.compare().tree().getRoot()).size() == 1);
        assertEquals(List.of("R src/module_07.rs -> src/renamed_module_07.rs"), WindowDriver.onFx(() -> leaves(ui.compare().tree().getRoot())));
    }

    /** The changes in the tree, in order, as ManifestDiff writes them. */
    private static List<String> leaves(TreeItem<CompareView.DiffNode> item) {
        var out = new ArrayList<String>();
        if (item == null) {
            return out;
        }
        for (TreeItem<CompareView.DiffNode> child : item.getChildren()) {
            var c = child.getValue().change();
            if (c == null) {
                out.addAll(leaves(child));
            } else {
                out.add(c.kind().letter() + " " + (c.before() != null && c.kind().letter().equals("R") ? c.before().path() + " -> " : "") + c.path());
            }
        }
        return out;
    }

    @Test
    void spaceShowsUniqueBytesPerSnapshotAndTheNewestSnapshotsFolders() {
        WindowDriver.onFx(() -> window().select(Navigation.View.SPACE));
        WindowDriver.waitUntil("the space report is shown", () -> ui.space().report() != null);
        Map<String, Integer> using = new HashMap<>();
        for (JsonNode s : snapshots()) {
            Set<String> ids = new HashSet<>();
            s.get("files").forEach(f -> ids.add(f.get("blob_hash").asText()));
            ids.forEach(id -> using.merge(id, 1, Integer::sum));
        }
        var bars = WindowDriver.onFx(() -> ui.space().chart().getData().getFirst().getData().stream()
                .map(d -> ((dev.packinspector.history.SpaceReport.SnapshotSpace) d.getExtraValue()).uniqueBytes()).toList());
        var want = new ArrayList<Long>();
        for (JsonNode s : snapshots()) {
            Map<String, Long> sizes = new HashMap<>();
            s.get("files").forEach(f -> sizes.put(f.get("blob_hash").asText(), f.get("size").asLong()));
            want.add(sizes.entrySet().stream().filter(e -> using.get(e.getKey()) == 1).mapToLong(Map.Entry::getValue).sum());
        }
        assertEquals(want, bars, "one bar per snapshot, oldest first, of its unique bytes");
        WindowDriver.waitUntil("the treemap is shown", () -> ui.space().treemap().folder() != null);
        var folder = WindowDriver.onFx(() -> ui.space().treemap().folder());
        assertEquals(snapshots().getLast().get("total_bytes").asLong(), folder.bytes(), "the treemap starts at the newest snapshot's root");
        assertTrue(WindowDriver.onFx(() -> ui.space().treemap().getChildren().size()) >= folder.children().size());
    }

    @Test
    void droppingLocalFilesFindsTheirContent(@TempDir Path dir) throws Exception {
        JsonNode readme = snapshots().getFirst().get("files").get(0);
        Path copy = dir.resolve("copy.md");
        Files.write(copy, ui.session().packs().read(dev.packinspector.store.ObjectId.parse(readme.get("blob_hash").asText())));
        Path other = dir.resolve("other.txt");
        Files.writeString(other, "never saved");
        var outcome = WindowDriver.onFx(() -> Drops.drop(ui.snapshots(), List.of(copy, other)));
        assertTrue(outcome.completed(), "the window takes the drop");
        WindowDriver.waitUntil("the content is looked up", () -> ui.search().results().getRoot() != null
                && ui.search().results().getRoot().getChildren().size() == 2);
        var rows = WindowDriver.onFx(() -> ui.search().results().getRoot().getChildren().stream()
                .map(i -> (SearchView.FileRow) i.getValue()).toList());
        var byName = new HashMap<String, SearchView.FileRow>();
        rows.forEach(r -> byName.put(r.found().file().getFileName().toString(), r));
        assertTrue(byName.get("copy.md").found().inStore());
        assertEquals(readme.get("blob_hash").asText(), byName.get("copy.md").found().id().toHex());
        Set<String> uses = new HashSet<>();
        for (JsonNode s : snapshots()) {
            s.get("files").forEach(f -> {
                if (f.get("blob_hash").equals(readme.get("blob_hash"))) {
                    uses.add(s.get("id").asText() + ":" + f.get("path").asText());
                }
            });
        }
        assertEquals(uses, new HashSet<>(byName.get("copy.md").found().uses().stream().map(u -> u.snapshot().id() + ":" + u.path()).toList()));
        assertTrue(!byName.get("other.txt").found().inStore());
        assertEquals(Navigation.View.SEARCH, WindowDriver.onFx(() -> window().selected()));
    }
}

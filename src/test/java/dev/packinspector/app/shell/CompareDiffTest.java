package dev.packinspector.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.packinspector.Fixtures;
import dev.packinspector.app.common.Format;
import dev.packinspector.app.history.CompareView;
import dev.packinspector.app.history.DiffView;
import dev.packinspector.app.history.TextDiff;
import dev.packinspector.catalog.Snapshot;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TreeItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Compare on a store written by the real chkpt, save 1 against save 2: clicking a change shows
 * its diff beneath the list, dense, unified or side by side, with the words that changed marked;
 * a mode change names both modes; the snapshots are named as their users know them.
 */
class CompareDiffTest extends MainWindowTestBase {
    private static final String STORE = "real/head-basic";
    private JsonNode save1;
    private JsonNode save2;

    @BeforeEach
    void compareTheFirstTwoSaves() {
        save1 = Fixtures.manifest(STORE).get("snapshots").get(0);
        save2 = Fixtures.manifest(STORE).get("snapshots").get(1);
        assertEquals("basic save 1", save1.get("message").asText());
        ui.openAndShowFiles(Fixtures.store(STORE));
        WindowDriver.onFx(() -> window().select(Navigation.View.COMPARE));
        WindowDriver.waitUntil("the snapshots are offered", () -> ui.compare().choices().size() == 4);
        WindowDriver.onFx(() -> ui.compare().compare(snapshot(save1), snapshot(save2)));
        WindowDriver.waitUntil("save 1 and save 2 are compared", () -> ui.compare().diff() != null
                && ui.compare().diff().from().id().equals(save1.get("id").asText()) && ui.compare().diff().to().id().equals(save2.get("id").asText())
                && ui.compare().tree().getRoot() != null);
    }

    private Snapshot snapshot(JsonNode s) {
        return ui.compare().choices().stream().filter(c -> c.id().equals(s.get("id").asText())).findFirst().orElseThrow();
    }

    private void select(String path) {
        WindowDriver.onFx(() -> {
            var tree = ui.compare().tree();
            TreeItem<CompareView.DiffNode> item = find(tree.getRoot(), path);
            assertNotNull(item, path + " is a change");
            for (var p = item.getParent(); p != null; p = p.getParent()) {
                p.setExpanded(true);
            }
            tree.getSelectionModel().clearAndSelect(tree.getRow(item));
            tree.scrollTo(tree.getRow(item));
        });
    }

    private static TreeItem<CompareView.DiffNode> find(TreeItem<CompareView.DiffNode> at, String path) {
        if (at.getValue() != null && at.getValue().change() != null && at.getValue().path().equals(path)) {
            return at;
        }
        for (var c : at.getChildren()) {
            var found = find(c, path);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private DiffView diff() {
        return ui.compare().diffView();
    }

    private static List<String> lines(JsonNode snapshot, String path) {
        return new String(Shown.content(STORE, Shown.file(snapshot, path)), StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void clickingAChangeShowsItsDiffBeneathTheListOneDenseLineARow() {
        List<String> before = lines(save1, "src/main.rs");
        List<String> after = lines(save2, "src/main.rs");
        // save 2 appends to src/main.rs: its older lines are the newer file's first lines
        assertEquals(before, after.subList(0, before.size()));
        assertEquals(List.of(), WindowDriver.onFx(() -> List.copyOf(diff().lines().getItems())), "nothing is selected yet");

        select("src/main.rs");

        WindowDriver.waitUntil("the diff is shown beneath the list", () -> diff().diff() != null);
        assertTrue(WindowDriver.onFx(() -> diff().isVisible() && diff().getScene() == ui.compare().getScene()), "in the Compare view itself");
        TextDiff d = WindowDriver.onFx(this::diffShown);
        var added = new ArrayList<String>();
        var addedNumbers = new ArrayList<Integer>();
        d.hunks().forEach(h -> h.lines().stream().filter(l -> l.kind() == TextDiff.Kind.ADDED).forEach(l -> {
            added.add(l.text());
            addedNumbers.add(l.newNumber());
        }));
        assertEquals(after.subList(before.size(), after.size()), added, "exactly the appended lines are added");
        assertEquals(before.size() + 1, (int) addedNumbers.getFirst(), "numbered as in the newer file");
        assertEquals(0, d.removed());
        // one line of monospace text a row, as in an editor (they were 42 px apart)
        assertTrue(WindowDriver.onFx(() -> diff().lines().getFixedCellSize()) <= 22, "rows are one line high");
        WindowDriver.waitUntil("rows are drawn", () -> !cells().isEmpty());
        for (ListCell<?> cell : WindowDriver.onFx(this::cells)) {
            assertEquals(WindowDriver.onFx(() -> diff().lines().getFixedCellSize()), WindowDriver.onFx(cell::getHeight), 0.5);
        }
    }

    private TextDiff diffShown() {
        return diff().diff();
    }

    private List<ListCell<?>> cells() {
        return WindowDriver.onFx(() -> diff().lines().lookupAll(".list-cell").stream().map(n -> (ListCell<?>) n)
                .filter(c -> c.getItem() != null && c.isVisible()).<ListCell<?>>map(c -> c).toList());
    }

    @Test
    void theWordsThatChangedAreMarkedUnifiedAndSideBySide() {
        assertEquals("version one of this line", lines(save1, "edit-same-size.txt").getFirst());
        assertEquals("version two of this line", lines(save2, "edit-same-size.txt").getFirst());

        select("edit-same-size.txt");

        WindowDriver.waitUntil("the diff is shown", () -> diff().diff() != null);
        assertEquals(DiffView.Mode.UNIFIED, WindowDriver.onFx(() -> diff().mode()));
        List<TextDiff.Line> changed = WindowDriver.onFx(() -> diff().diff().hunks().getFirst().lines());
        assertEquals(List.of("one"), marked(changed.get(0)), "the removed line marks the word removed");
        assertEquals(List.of("two"), marked(changed.get(1)), "the added line marks the word added");
        assertEquals(TextDiff.Kind.REMOVED, changed.get(0).kind());
        assertEquals(TextDiff.Kind.ADDED, changed.get(1).kind());
        WindowDriver.waitUntil("the marks are drawn", () -> markedLabels().contains("two") && markedLabels().contains("one"));
        assertTrue(WindowDriver.onFx(() -> diff().lines().getItems().stream().allMatch(r -> !(r instanceof DiffView.PairRow))));

        robot.clickOn("#diff-side-by-side");

        assertEquals(DiffView.Mode.SIDE_BY_SIDE, WindowDriver.onFx(() -> diff().mode()));
        var pairs = WindowDriver.onFx(() -> diff().lines().getItems().stream().filter(r -> r instanceof DiffView.PairRow)
                .map(r -> (DiffView.PairRow) r).toList());
        assertEquals(1, pairs.size(), "the removed line faces the added one");
        assertEquals("version one of this line", pairs.getFirst().left().text());
        assertEquals("version two of this line", pairs.getFirst().right().text());
        WindowDriver.waitUntil("the marks are drawn side by side", () -> markedLabels().contains("two") && markedLabels().contains("one"));

        robot.clickOn("#diff-unified");
        assertEquals(DiffView.Mode.UNIFIED, WindowDriver.onFx(() -> diff().mode()));
    }

    private static List<String> marked(TextDiff.Line line) {
        return line.spans().stream().filter(TextDiff.Span::changed).map(TextDiff.Span::text).toList();
    }

    private List<String> markedLabels() {
        return WindowDriver.onFx(() -> diff().lines().lookupAll(".diff-changed").stream().filter(Node::isVisible)
                .map(n -> ((Label) n).getText()).toList());
    }

    @Test
    void aModeChangeNamesBothModes() {
        long mode1 = Shown.file(save1, "mode-change.txt").get("mode").asLong();
        long mode2 = Shown.file(save2, "mode-change.txt").get("mode").asLong();
        assertEquals(Shown.file(save1, "mode-change.txt").get("blob_hash"), Shown.file(save2, "mode-change.txt").get("blob_hash"));
        String expected = "mode " + Format.permissions(mode1) + " → " + Format.permissions(mode2);
        assertEquals("mode -rw-r--r-- → -rwxr-xr-x", expected);

        select("mode-change.txt");

        WindowDriver.waitUntil("the change's row is drawn", () -> Shown.drawnText(ui.compare().tree(), 1,
                ui.compare().tree().getSelectionModel().getSelectedItem()) != null);
        String kind = WindowDriver.onFx(() -> Shown.drawnText(ui.compare().tree(), 1, ui.compare().tree().getSelectionModel().getSelectedItem()));
        assertEquals(expected, kind, "the Change column names both modes, not just \"Changed\"");
        WindowDriver.waitUntil("the diff pane says so too", () -> diff().message().contains("-rw-r--r-- → -rwxr-xr-x"));
        assertTrue(WindowDriver.onFx(() -> diff().message()).contains("the content is the same"));
    }

    @Test
    void theSnapshotsAreNamedAsTheirUsersKnowThemAndTheDiffOpensInAWindowToo() {
        String name1 = Format.time(save1.get("created_at").asText()) + " · basic save 1";
        String name2 = Format.time(save2.get("created_at").asText()) + " · basic save 2";
        assertEquals(name1, WindowDriver.onFx(() -> ((javafx.scene.control.ComboBox<?>) ui.node("#compare-from")).getButtonCell().getText()));
        assertEquals(name2, WindowDriver.onFx(() -> ((javafx.scene.control.ComboBox<?>) ui.node("#compare-to")).getButtonCell().getText()));
        String tip = WindowDriver.onFx(() -> ((javafx.scene.control.ComboBox<?>) ui.node("#compare-from")).getTooltip().getText());
        assertTrue(tip.contains(save1.get("id").asText()), "the id on hover: " + tip);

        select("src/main.rs");
        WindowDriver.waitUntil("the diff is shown", () -> diff().diff() != null);
        robot.clickOn("#compare-diff-window");

        WindowDriver.waitUntil("the window shows the diff", () -> HistoryViewsTest.diffWindow() != null && HistoryViewsTest.diffWindow().diff() != null);
        DiffView window = HistoryViewsTest.diffWindow();
        assertEquals(WindowDriver.onFx(() -> diff().diff()), WindowDriver.onFx(window::diff), "the same diff");
        String title = WindowDriver.onFx(() -> ((Stage) window.getScene().getWindow()).getTitle());
        assertEquals("src/main.rs — " + name1 + " → " + name2, title);
        WindowDriver.onFx(() -> window.getScene().getWindow().hide());
    }
}

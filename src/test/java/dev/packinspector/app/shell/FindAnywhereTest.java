package dev.packinspector.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.packinspector.Fixtures;
import dev.packinspector.app.history.SearchView;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The toolbar's find field, on a store written by the real chkpt: it finds files by name or path
 * in every snapshot (Search shows them as they are typed), objects too when the text looks like
 * the start of an id; Down moves into the results, Enter opens the first, Ctrl+F focuses it.
 */
class FindAnywhereTest extends MainWindowTestBase {
    private static final String STORE = "real/head-basic";

    @BeforeEach
    void openTheRealStoreAndWaitForItsIndex() {
        ui.openAndShowFiles(Fixtures.store(STORE));
        WindowDriver.waitUntil("the snapshots are indexed", () -> ui.search().ready());
    }

    /** Every path of every snapshot of the manifest containing {@code text}, ignoring case. */
    private static TreeSet<String> pathsContaining(String text) {
        var out = new TreeSet<String>();
        for (JsonNode s : Fixtures.manifest(STORE).get("snapshots")) {
            s.get("files").forEach(f -> {
                if (f.get("path").asText().toLowerCase(Locale.ROOT).contains(text)) {
                    out.add(f.get("path").asText());
                }
            });
        }
        return out;
    }

    private List<String> shownPaths() {
        return WindowDriver.onFx(() -> {
            var out = new ArrayList<String>();
            TreeItem<SearchView.Row> root = ui.search().results().getRoot();
            if (root != null) {
                root.getChildren().forEach(i -> out.add(((SearchView.PathRow) i.getValue()).path().path()));
            }
            return out;
        });
    }

    private TextField field() {
        return ui.node("#find");
    }

    @Test
    void typingInTheToolbarFieldFindsFilesOfEverySnapshotInSearch() {
        // "delete" names files that only the first save holds: the newest snapshot shown has none of them
        TreeSet<String> expected = pathsContaining("delete");
        assertEquals(3, expected.size(), expected::toString);
        assertEquals(Navigation.View.SNAPSHOTS, WindowDriver.onFx(() -> window().selected()));
        assertTrue(WindowDriver.onFx(() -> field().getPromptText()).startsWith("Find files or an object id"));

        robot.clickOn("#find").write("delete");

        WindowDriver.waitUntil("Search shows the answer to the whole text", () -> "delete".equals(ui.search().shownQuery()));
        assertEquals(Navigation.View.SEARCH, WindowDriver.onFx(() -> window().selected()), "typing shows Search");
        assertEquals(List.copyOf(expected), shownPaths());
        assertTrue(WindowDriver.onFx(() -> field().isFocused()), "the focus stays in the field while typing");
        assertEquals(null, WindowDriver.onFx(() -> ui.search().objectLink()), "text that is no hex finds no object");
    }

    @Test
    void textThatLooksLikeTheStartOfAnIdAlsoLeadsToTheObjectsWithThatPrefix() {
        JsonNode readme = Shown.file(Fixtures.manifest(STORE).get("snapshots").get(0), "README.md");
        String prefix = readme.get("blob_hash").asText().substring(0, 5);
        // what Objects lists: every blob of the blob index and every tree whose id starts so
        var ids = new TreeSet<String>();
        Fixtures.manifest(STORE).get("blob_index").forEach(b -> ids.add(b.get("blob_hash").asText()));
        long blobs = ids.stream().filter(id -> id.startsWith(prefix)).count();
        assertTrue(blobs >= 1);

        robot.clickOn("#find").write(prefix);

        WindowDriver.waitUntil("the objects are looked up", () -> ui.search().objectLink() != null);
        String link = WindowDriver.onFx(() -> ui.search().objectLink());
        long shown = Long.parseLong(link.substring(0, link.indexOf(' ')));
        assertTrue(shown >= blobs, link);
        assertTrue(link.endsWith("starting with " + prefix + ": show in Objects"), link);

        robot.clickOn("#find-objects");

        assertEquals(Navigation.View.OBJECTS, WindowDriver.onFx(() -> window().selected()));
        assertEquals(prefix, WindowDriver.onFx(() -> ui.index().filterField().getText()));
        assertEquals(shown, (long) WindowDriver.onFx(() -> ui.index().table().getItems().size()), "the link counts what Objects then lists");
    }

    @Test
    void downMovesTheFocusIntoTheResultsAndEnterOpensTheFirst() {
        JsonNode newest = Shown.newestSnapshot(STORE);
        String newestMain = Shown.file(newest, "src/main.rs").get("blob_hash").asText();
        robot.clickOn("#find").write("main.rs");
        WindowDriver.waitUntil("the results are shown", () -> "main.rs".equals(ui.search().shownQuery()));

        robot.type(KeyCode.DOWN);

        assertTrue(WindowDriver.onFx(() -> ui.search().results().isFocused()), "Down moved the focus into the results");
        assertEquals(0, (int) WindowDriver.onFx(() -> ui.search().results().getSelectionModel().getSelectedIndex()), "on the first result");

        robot.clickOn("#find");
        robot.type(KeyCode.ENTER);

        WindowDriver.waitUntil("the newest version of the first path is previewed", () -> ui.preview().shown().location() != null
                && ui.preview().shown().location().id().toHex().equals(newestMain));
        TreeItem<SearchView.Row> selected = WindowDriver.onFx(() -> ui.search().results().getSelectionModel().getSelectedItem());
        assertNotNull(selected);
        assertTrue(selected.getValue() instanceof SearchView.VersionRow v && v.version().entry().path().equals("src/main.rs"));
        assertTrue(WindowDriver.onFx(() -> ui.search().results().isFocused()), "the focus is on what was opened");
    }

    @Test
    void enterBeforeTheResultsCameOpensTheFirstWhenTheyCome() {
        WindowDriver.onFx(() -> {
            field().requestFocus();
            field().setText("util.rs");
            window().commands().openFirstFound();
        });
        String util = Shown.file(Shown.newestSnapshot(STORE), "src/lib/util.rs").get("blob_hash").asText();
        WindowDriver.waitUntil("the file is previewed", () -> ui.preview().shown().location() != null
                && ui.preview().shown().location().id().toHex().equals(util));
        assertTrue(WindowDriver.onFx(() -> ui.search().results().getSelectionModel().getSelectedItem().getValue()) instanceof SearchView.VersionRow v
                && v.version().entry().path().equals("src/lib/util.rs"));
    }

    @Test
    void ctrlFPutsTheCursorInTheFieldFromAnyView() {
        WindowDriver.onFx(() -> {
            window().select(Navigation.View.PACKS);
            field().setText("readme");
        });
        robot.clickOn("#nav");
        assertFalse(WindowDriver.onFx(() -> field().isFocused()));

        robot.press(KeyCode.CONTROL).press(KeyCode.F).release(KeyCode.F).release(KeyCode.CONTROL);

        WindowDriver.waitUntil("the field has the focus", () -> field().isFocused());
        assertEquals("readme", WindowDriver.onFx(() -> field().getSelectedText()), "its text is selected, to type over");
    }
}

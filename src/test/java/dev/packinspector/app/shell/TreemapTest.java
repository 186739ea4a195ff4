package dev.packinspector.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.packinspector.Fixtures;
import dev.packinspector.app.history.Treemap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Space's treemap on a store written by the real chkpt: a folder holding only files opens onto
 * its files (it used to be a dead end), a file cell previews the file, and a label shows only
 * where it fits on one line.
 */
class TreemapTest extends MainWindowTestBase {
    private static final String STORE = "real/head-basic";

    @BeforeEach
    void showTheNewestSnapshotsSpace() {
        ui.openAndShowFiles(Fixtures.store(STORE));
        WindowDriver.onFx(() -> window().select(Navigation.View.SPACE));
        WindowDriver.waitUntil("the treemap shows the newest snapshot's root", () -> ui.space().treemap().folder() != null);
    }

    private Treemap treemap() {
        return ui.space().treemap();
    }

    private Treemap.Item item(String name) {
        return WindowDriver.onFx(() -> treemap().items().stream().filter(i -> i.name().equals(name)).findFirst().orElse(null));
    }

    @Test
    void aFolderOfFilesOpensOntoItsFilesAndAFilePreviewsIt() {
        JsonNode newest = Shown.newestSnapshot(STORE);
        var files = new ArrayList<JsonNode>();
        newest.get("files").forEach(f -> {
            String path = f.get("path").asText();
            if (path.startsWith("assets/") && path.indexOf('/', "assets/".length()) < 0 && f.get("size").asLong() > 0) {
                files.add(f);
            }
        });
        files.sort(Comparator.comparingLong((JsonNode f) -> f.get("size").asLong()).reversed());
        assertTrue(files.size() >= 3, "assets/ holds only files");
        Treemap.Item assets = item("assets/");
        assertNotNull(assets);
        assertTrue(assets.folder().children().isEmpty(), "no sub-folder in assets/");

        robot.clickOn(WindowDriver.onFx(() -> treemap().cellOf(assets)), MouseButton.PRIMARY);

        WindowDriver.waitUntil("assets/ is shown", () -> treemap().folder().path().equals("assets"));
        List<Treemap.Item> shown = WindowDriver.onFx(() -> treemap().items());
        assertEquals(files.stream().map(f -> f.get("path").asText().substring("assets/".length())).toList(),
                shown.stream().map(Treemap.Item::name).toList(), "a cell per file, largest first");
        assertTrue(shown.stream().allMatch(i -> i.file() != null));
        for (int i = 0; i < files.size(); i++) {
            assertEquals(files.get(i).get("size").asLong(), shown.get(i).bytes());
        }
        assertEquals("Up", WindowDriver.onFx(() -> ((javafx.scene.control.Button) ui.node("#treemap-up")).getText()));
        assertFalse(WindowDriver.onFx(() -> ui.node("#treemap-up").isDisabled()));

        Treemap.Item largest = shown.getFirst();
        robot.clickOn(WindowDriver.onFx(() -> treemap().cellOf(largest)), MouseButton.PRIMARY);

        WindowDriver.waitUntil("the file is previewed", () -> ui.preview().shown().location() != null
                && ui.preview().shown().location().id().toHex().equals(files.getFirst().get("blob_hash").asText()));
    }

    @Test
    void aLabelShowsOnlyWhereItFitsOnOneLine() {
        List<StackPane> cells = WindowDriver.onFx(() -> treemap().items().stream().map(treemap()::cellOf).toList());
        assertTrue(cells.size() > 5, "the root holds folders and files");
        int hidden = 0;
        for (StackPane cell : cells) {
            var labels = (VBox) WindowDriver.onFx(() -> cell.getChildren().getFirst());
            Label name = (Label) WindowDriver.onFx(() -> labels.getChildren().get(0));
            Label size = (Label) WindowDriver.onFx(() -> labels.getChildren().get(1));
            assertFalse(WindowDriver.onFx(name::isWrapText), "a name never wraps letter by letter");
            double width = WindowDriver.onFx(cell::getWidth);
            double height = WindowDriver.onFx(cell::getHeight);
            if (WindowDriver.onFx(name::isVisible)) {
                assertTrue(width >= Treemap.MIN_LABEL_WIDTH, "a label in a cell " + width + " px wide");
                double line = WindowDriver.onFx(() -> name.prefHeight(-1));
                assertTrue(height >= line, "the label's line fits the cell's height");
                assertTrue(WindowDriver.onFx(name::getHeight) < 2 * WindowDriver.onFx(() -> name.getFont().getSize()) + 2, "one line only");
            } else {
                hidden++;
                assertFalse(WindowDriver.onFx(size::isVisible), "no size without its name");
            }
            if (WindowDriver.onFx(size::isVisible)) {
                assertTrue(height >= WindowDriver.onFx(() -> name.prefHeight(-1) + size.prefHeight(-1)), "two lines fit");
            }
        }
        assertTrue(hidden > 0, "the root's many small cells show no label (they tell all on hover)");
    }
}

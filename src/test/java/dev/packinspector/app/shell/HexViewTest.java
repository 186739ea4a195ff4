package dev.packinspector.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.packinspector.Fixtures;
import dev.packinspector.app.common.StatusLine;
import dev.packinspector.app.common.Tasks;
import dev.packinspector.app.preview.HexView;
import dev.packinspector.app.preview.ObjectPreview;
import dev.packinspector.store.ObjectContent;
import dev.packinspector.store.ObjectLocation;
import dev.packinspector.store.PackSet;
import java.util.Arrays;
import javafx.scene.Scene;
import javafx.scene.control.ListCell;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;

/**
 * The hex view pages through an object, a late result about the previous object never applies to
 * the current one, and a line is never cut: a narrow pane shows 8 bytes a line.
 */
class HexViewTest extends MainWindowTestBase {
    @Test
    void goToShowsThePageOfAnOffsetAndALateSizeOfAnotherObjectIsIgnored() throws Exception {
        try (PackSet packs = PackSet.open(Fixtures.store("basic"))) {
            ObjectLocation big = largest(packs);
            ObjectLocation small = smallest(packs);
            byte[] content = packs.read(big.id());
            HexView hex = WindowDriver.onFx(() -> new HexView(new Tasks(new StatusLine())));
            var previous = new ObjectContent(small);
            var shown = new ObjectContent(big);
            WindowDriver.onFx(() -> {
                hex.show(previous, -1);
                hex.show(shown, -1);
                // the previous object's background scan finishes late: its size must not limit this one
                hex.sizeKnown(previous, 5);
            });
            long offset = content.length - 20;
            long page = offset - offset % HexView.PAGE;
            WindowDriver.onFx(() -> hex.goTo(Long.toString(offset)));
            WindowDriver.waitUntil("the last page is shown", () -> !hex.lines().getItems().isEmpty()
                    && hex.lines().getItems().getFirst().startsWith(String.format("%010x", page)));
            int line = (int) ((offset - page) / 16);
            long at = page + line * 16L;
            String expected = ObjectPreview.hexLine(at, 10, Arrays.copyOfRange(content, (int) at, (int) Math.min(content.length, at + 16)), 0,
                    (int) Math.min(16, content.length - at), 16);
            assertEquals(expected, WindowDriver.onFx(() -> hex.lines().getSelectionModel().getSelectedItem()), "the offset's line is selected");
            assertFalse(WindowDriver.onFx(() -> hex.lookup("#hex-goto").getStyleClass().contains("danger")));

            WindowDriver.onFx(() -> hex.goTo("0x" + Long.toHexString(content.length + 1L)));
            WindowDriver.waitUntil("an offset past the end is marked", () -> hex.lookup("#hex-goto").getStyleClass().contains("danger"));
        }
    }

    @Test
    void aNewerPageRequestLeavesOnlyItsPageShown() throws Exception {
        try (PackSet packs = PackSet.open(Fixtures.store("basic"))) {
            HexView hex = WindowDriver.onFx(() -> new HexView(new Tasks(new StatusLine())));
            var object = new ObjectContent(largest(packs));
            WindowDriver.onFx(() -> {
                hex.show(object, -1);                            // page 0
                hex.goTo(Long.toString(3L * HexView.PAGE + 5));  // page 3
                hex.goTo(Long.toString(HexView.PAGE));           // page 1: the newest request
            });
            // the older requests were cancelled when the newest came: whenever they end, their pages are dropped
            WindowDriver.waitUntil("a page is shown", () -> !hex.lines().getItems().isEmpty());
            assertTrue(WindowDriver.onFx(() -> hex.lines().getItems().getFirst()).startsWith(String.format("%010x", HexView.PAGE)),
                    "the newest request's page stays");
        }
    }

    @Test
    void aNarrowPaneShowsEightBytesALineAndNoLineIsCut() throws Exception {
        try (PackSet packs = PackSet.open(Fixtures.store("basic"))) {
            ObjectLocation big = largest(packs);
            byte[] content = packs.read(big.id());
            for (double width : new double[] {480, 900}) {
                int perLine = width < 600 ? 8 : 16;
                HexView hex = WindowDriver.onFx(() -> new HexView(new Tasks(new StatusLine())));
                Stage stage = WindowDriver.onFx(() -> {
                    var s = new Stage();
                    var scene = new Scene(hex, width, 400);
                    scene.getStylesheets().add(MainWindow.class.getResource("pack-inspector.css").toExternalForm());
                    s.setScene(scene);
                    s.show();
                    hex.show(new ObjectContent(big), content.length);
                    return s;
                });
                try {
                    String first = ObjectPreview.hexLine(0, 8, content, 0, perLine, perLine);
                    WindowDriver.waitUntil(perLine + " bytes a line at " + width + " px", () -> !hex.lines().getItems().isEmpty()
                            && hex.lines().getItems().getFirst().equals(first));
                    WindowDriver.waitUntil("the first line drawn whole at " + width + " px", () -> first.equals(drawn(hex, 0)));
                } finally {
                    WindowDriver.onFx(stage::close);
                }
            }
        }
    }

    /** The text the list draws for line {@code index} (cut with an ellipsis if it does not fit), or null before it is drawn. */
    private static String drawn(HexView hex, int index) {
        return hex.lines().lookupAll(".list-cell").stream().map(n -> (ListCell<?>) n).filter(c -> c.getIndex() == index && !c.isEmpty())
                .map(c -> c.lookup(".text")).filter(t -> t instanceof Text).map(t -> ((Text) t).getText()).findFirst().orElse(null);
    }

    private static ObjectLocation largest(PackSet packs) {
        ObjectLocation best = packs.entryAt(0);
        for (int row = 1; row < packs.entryCount(); row++) {
            if (packs.entryAt(row).compressedSize() > best.compressedSize()) {
                best = packs.entryAt(row);
            }
        }
        return best;
    }

    private static ObjectLocation smallest(PackSet packs) {
        ObjectLocation best = packs.entryAt(0);
        for (int row = 1; row < packs.entryCount(); row++) {
            if (packs.entryAt(row).compressedSize() < best.compressedSize()) {
                best = packs.entryAt(row);
            }
        }
        return best;
    }
}

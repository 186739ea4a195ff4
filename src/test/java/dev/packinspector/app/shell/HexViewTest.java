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
import org.junit.jupiter.api.Test;

/** The hex view pages through an object, and a late result about the previous object never applies to the current one. */
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
            String expected = ObjectPreview.hexLine(at, Arrays.copyOfRange(content, (int) at, (int) Math.min(content.length, at + 16)), 0,
                    (int) Math.min(16, content.length - at));
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

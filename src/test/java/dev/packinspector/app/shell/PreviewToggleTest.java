package dev.packinspector.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.packinspector.Fixtures;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.MenuBar;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

/**
 * The preview can be hidden to give a table the whole width, as a mail client's reading pane can:
 * by F8, View ▸ Preview pane or its own Hide button; it comes back where its divider was, and a
 * new window starts as the last one was left.
 */
class PreviewToggleTest extends MainWindowTestBase {
    @Test
    void f8HidesThePreviewAndShowsItAgainWhereItsDividerWas() {
        ui.open(Fixtures.store("basic"));
        assertTrue(previewShown(), "the preview is shown at first");
        SplitPane split = WindowDriver.onFx(() -> (SplitPane) ui.stage().getScene().lookup("#preview").getParent().getParent());
        WindowDriver.onFx(() -> split.setDividerPositions(0.4));

        // on the selected part's row: the list's middle may be another part's row, as the parts grow
        robot.clickOn(WindowDriver.onFx(() -> ui.stage().getScene().lookup("#nav .list-cell:selected"))).type(KeyCode.F8);

        assertFalse(previewShown(), "F8 hides the preview");
        assertFalse(WindowDriver.onFx(() -> toggle().isSelected()), "View ▸ Preview pane is unticked with it");
        assertEquals(1, WindowDriver.onFx(() -> split.getItems().size()), "the centre takes the whole width");
        assertColumnsFit("with the preview hidden", true);
        robot.type(KeyCode.F8);

        assertTrue(previewShown(), "F8 shows it again");
        assertEquals(0.4, WindowDriver.onFx(() -> split.getDividerPositions()[0]), 0.02, "where its divider was");
        assertColumnsFit("with the preview shown again", false);
    }

    /** The snapshot table's columns take the table's width, or their least widths (once, the flexible one grew to 9.2e18 px and pushed the rest out). */
    private void assertColumnsFit(String when, boolean wide) {
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        var table = ui.snapshots().snapshotTable();
        double sum = WindowDriver.onFx(() -> table.getVisibleLeafColumns().stream().mapToDouble(c -> c.getWidth()).sum());
        // narrower than the columns' least widths, the table scrolls sideways instead
        double room = WindowDriver.onFx(() -> Math.max(table.getWidth(), table.getVisibleLeafColumns().stream().mapToDouble(c -> c.getMinWidth()).sum()));
        assertTrue(sum <= room + 1, when + ": the columns take " + sum + " px of " + room);
        if (wide) {
            assertTrue(WindowDriver.onFx(() -> table.getVisibleLeafColumns().size()) >= 4, when + ": the size columns are shown");
        }
    }

    @Test
    void itsHideButtonHidesItAndTheMenuItemBringsItBack() {
        ui.open(Fixtures.store("basic"));

        robot.clickOn("#preview-hide");

        assertFalse(previewShown());
        robot.clickOn("View").clickOn("Preview pane");
        assertTrue(previewShown(), "View ▸ Preview pane shows it again");
    }

    @Test
    void aNewWindowStartsWithThePreviewAsTheLastWasLeft() {
        ui.open(Fixtures.store("basic"));
        robot.clickOn("#preview-hide");
        WindowDriver.onFx(() -> ui.stage().hide()); // the window keeps its settings as it closes
        double shown = ui.settings().number("preview-shown", 1);
        ui.close();
        ui = WindowDriver.start(emptyStoresRoot, prefs -> prefs.putDouble("preview-shown", shown));
        robot = ui.robot;

        ui.open(Fixtures.store("basic"));

        assertFalse(previewShown(), "hidden, as it was left");
        assertNotNull(WindowDriver.onFx(this::toggle));
    }

    @Test
    void withNoStoreOpenThereIsNoPreviewToToggle() {
        assertTrue(WindowDriver.onFx(() -> toggle().isDisable()));
        assertNull(WindowDriver.onFx(() -> ui.stage().getScene().lookup("#preview")), "the start page shows, not the preview");
    }

    private boolean previewShown() {
        return WindowDriver.onFx(() -> ui.stage().getScene().lookup("#preview") != null);
    }

    private CheckMenuItem toggle() {
        var bar = (MenuBar) ui.stage().getScene().lookup(".menu-bar");
        return bar.getMenus().stream().flatMap(m -> m.getItems().stream()).filter(i -> "toggle-preview".equals(i.getId()))
                .map(i -> (CheckMenuItem) i).findFirst().orElseThrow();
    }
}

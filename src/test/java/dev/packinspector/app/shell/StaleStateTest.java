package dev.packinspector.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.packinspector.Fixtures;
import dev.packinspector.app.common.StatusLine;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.concurrent.Worker;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing stale stays in the window: an error stands in the status line, with its Details…, until
 * the user moves on (another view, store or command); with no store open the sidebar and the View
 * menu are disabled rather than clickable and dead.
 */
class StaleStateTest extends MainWindowTestBase {
    @Test
    void withNoStoreTheSidebarAndTheViewMenuAreDisabledUntilOneIsOpen() {
        ListView<?> nav = ui.node("#nav");
        assertTrue(WindowDriver.onFx(nav::isDisabled), "nothing to navigate before a store is open");
        assertTrue(WindowDriver.onFx(() -> viewMenu().getItems().stream().filter(i -> i.getText() != null).allMatch(MenuItem::isDisable)));

        ui.open(Fixtures.store("basic"));

        assertFalse(WindowDriver.onFx(nav::isDisabled));
        assertTrue(WindowDriver.onFx(() -> viewMenu().getItems().stream().filter(i -> i.getText() != null).noneMatch(MenuItem::isDisable)));
    }

    @Test
    void anErrorStaysWithItsDetailsUntilTheUserMovesToAnotherView(@TempDir Path notAStore) throws Exception {
        ui.open(Fixtures.store("basic"));
        failToOpen(notAStore);
        Hyperlink details = ui.node("#status .hyperlink");
        assertTrue(WindowDriver.onFx(details::isVisible), "the error's Details… are at hand while it is shown");

        WindowDriver.onFx(() -> window().select(Navigation.View.PACKS));

        assertFalse(WindowDriver.onFx(status()::showsError), "moving to another view leaves the old error behind: " + ui.status());
        assertFalse(WindowDriver.onFx(details::isVisible));
    }

    @Test
    void anErrorGoesWhenTheNextCommandStarts(@TempDir Path notAStore) throws Exception {
        ui.open(Fixtures.store("basic"));
        failToOpen(notAStore);

        // at once, while the new command runs (its own outcome comes later, on a later turn of the FX thread)
        var opening = WindowDriver.onFx(() -> {
            var task = window().model().open(Fixtures.store("alias"));
            assertFalse(status().showsError(), "the old error went as the next command started: " + status().text());
            return task;
        });
        WindowDriver.await(opening);
        assertFalse(WindowDriver.onFx(status()::showsError), ui.status());
    }

    private void failToOpen(Path notAStore) throws Exception {
        Files.writeString(notAStore.resolve("notes.txt"), "not a store");
        var task = WindowDriver.onFx(() -> window().model().open(notAStore));
        assertEquals(Worker.State.FAILED, WindowDriver.awaitEnd(task));
        WindowDriver.waitUntil("the failure is on the status line", () -> status().showsError());
        assertTrue(ui.status().contains("failed"), ui.status());
    }

    private StatusLine status() {
        return WindowDriver.statusLine(window());
    }

    private Menu viewMenu() {
        MenuBar bar = (MenuBar) ui.stage().getScene().lookup(".menu-bar");
        return bar.getMenus().stream().filter(m -> WindowCommands.plain(m.getText()).equals("View")).findFirst().orElseThrow();
    }
}

package dev.packinspector.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.packinspector.Fixtures;
import dev.packinspector.StoreFingerprint;
import dev.packinspector.app.session.StoreSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Before a store is open the window offers the user's stores, or the demo store when there are none. */
class StartPageTest {
    @Test
    void withNoStoresTheStartPageOffersTheDemoStoreWhichOpens(@TempDir Path emptyRoot) throws IOException {
        try (var ui = WindowDriver.start(emptyRoot)) {
            assertEquals(List.of(), storeLinks(ui));

            ui.robot.clickOn("#start-demo");

            WindowDriver.waitUntil("the demo store is open", () -> ui.session() != null);
            StoreSession demo = ui.session();
            assertEquals(2, demo.snapshots().size(), "two saves of the demo project");
            assertEquals(2, (int) WindowDriver.onFx(() -> ui.snapshots().snapshotTable().getItems().size()));
            ui.waitUntilFilesShown();
        }
    }

    @Test
    void theDemoStoreIsWrittenOncePerRunAndIsNeverARecentStore(@TempDir Path emptyRoot) throws IOException {
        try (var ui = WindowDriver.start(emptyRoot)) {
            ui.robot.clickOn("#start-demo");
            WindowDriver.waitUntil("the demo store is open", () -> ui.session() != null);
            StoreSession first = ui.session();
            FileTime written = Files.getLastModifiedTime(first.path().resolve("catalog.sqlite"));

            // again, from the File menu: the same store, not a second copy
            WindowDriver.await(WindowDriver.onFx(() -> ui.window().model().openDemo()));
            WindowDriver.waitUntil("the demo store is open again", () -> ui.session() != null && ui.session() != first);
            Path again = ui.session().path();

            assertEquals(first.path(), again, "one demo store per run");
            assertEquals(written, Files.getLastModifiedTime(again.resolve("catalog.sqlite")), "not written again");
            Path folder = again.getParent();
            assertTrue(folder.getFileName().toString().startsWith(DemoStore.PREFIX), folder::toString);
            assertEquals(Long.toString(ProcessHandle.current().pid()), Files.readString(folder.resolve(DemoStore.OWNER)),
                    "marked as this run's, to be deleted when it ends");
            assertEquals(List.of(), ui.settings().recentStores(), "a demo store is not a recent store");
            assertEquals(List.of(), WindowDriver.onFx(() -> ui.window().model().recentStores()));
        }
    }

    @Test
    void aDemoStoreAnOlderVersionPutInTheRecentStoresIsNotOffered(@TempDir Path emptyRoot) {
        Path leftover = Path.of(System.getProperty("java.io.tmpdir"), DemoStore.PREFIX + "123456", "demo-store");
        try (var ui = WindowDriver.start(emptyRoot, prefs -> prefs.put("recent.0", leftover.toString()))) {
            assertEquals(List.of(leftover), ui.settings().recentStores());
            assertEquals(List.of(), WindowDriver.onFx(() -> ui.window().model().recentStores()));
            assertEquals(List.of(), storeLinks(ui), "the start page lists no recent store");
        }
    }

    @Test
    void clearRecentOnTheStartPageForgetsTheRecentStores(@TempDir Path emptyRoot) {
        Path basic = Fixtures.store("basic").toAbsolutePath().normalize();
        try (var ui = WindowDriver.start(emptyRoot, prefs -> prefs.put("recent.0", basic.toString()))) {
            assertEquals(List.of(basic.toString()), WindowDriver.onFx(() -> storeLinks(ui).stream().map(Hyperlink::getText).toList()));

            ui.robot.clickOn("#start-clear-recent");

            WindowDriver.waitUntil("the recent stores are gone from the page", () -> storeLinks(ui).isEmpty());
            assertEquals(List.of(), ui.settings().recentStores());
            assertEquals(List.of(), ui.anywhere("#start-clear-recent"));
        }
    }

    @Test
    void aStoreOfChkpt012IsListedWithItsRealCountsAndAsNotReadYet(@TempDir Path root) throws IOException {
        StoreFingerprint.copy(Fixtures.store("legacy/basic"), root.resolve("f25adda3ecc9c306"));
        try (var ui = WindowDriver.start(root)) {
            List<Hyperlink> links = storeLinks(ui);
            assertEquals(1, links.size());
            String text = links.getFirst().getText();
            assertTrue(text.startsWith("f25adda3ecc9c306  —  3 snapshots, "), "its real counts: " + text);
            assertTrue(text.contains("last save "), text);
            assertTrue(text.endsWith("(" + dev.packinspector.store.StoreFormat.LEGACY_SHORT + ")"), text);
        }
    }

    @Test
    void theStartPageListsTheStoresInTheStoresRootAndOpensOne(@TempDir Path root) throws IOException {
        Path copy = root.resolve("basic");
        StoreFingerprint.copy(Fixtures.store("basic"), copy);
        try (var ui = WindowDriver.start(root)) {
            assertEquals(List.of(), ui.anywhere("#start-demo"), "no demo offer when there are stores");
            List<Hyperlink> links = storeLinks(ui);
            assertEquals(1, links.size());
            String text = links.getFirst().getText();
            assertTrue(text.startsWith("basic  —  2 snapshots, "), text);

            ui.robot.clickOn(links.getFirst());

            WindowDriver.waitUntil("the listed store is open", () -> ui.session() != null);
            assertEquals(copy, ui.session().path());
            assertEquals(2, ui.session().snapshots().size());
        }
    }

    @Test
    void theRecentStoresMenuListsWhatWasOpenedAndClearRecentEmptiesIt(@TempDir Path emptyRoot) {
        Path basic = Fixtures.store("basic").toAbsolutePath().normalize();
        try (var ui = WindowDriver.start(emptyRoot)) {
            ui.open(basic);
            Menu recent = WindowDriver.onFx(() -> recentMenu(ui));
            assertEquals(List.of(basic.toString(), "", "Clear recent"), WindowDriver.onFx(() -> itemsAsShown(recent)));

            WindowDriver.onFx(() -> recent.getItems().stream().filter(i -> "clear-recent".equals(i.getId())).findFirst().orElseThrow().fire());

            assertEquals(List.of(), ui.settings().recentStores());
            assertEquals(List.of("(none yet)", "", "Clear recent"), WindowDriver.onFx(() -> itemsAsShown(recent)));
            assertTrue(WindowDriver.onFx(() -> recent.getItems().getLast().isDisable()), "nothing left to clear");
        }
    }

    private static Menu recentMenu(WindowDriver ui) {
        MenuBar bar = (MenuBar) ui.stage().getScene().lookup(".menu-bar");
        return bar.getMenus().getFirst().getItems().stream().filter(i -> i instanceof Menu).map(Menu.class::cast)
                .filter(m -> WindowCommands.plain(m.getText()).equals("Recent stores")).findFirst().orElseThrow();
    }

    /** The items of {@code menu} as it shows them when opened (a separator as ""). */
    private static List<String> itemsAsShown(Menu menu) {
        menu.getOnShowing().handle(null);
        return menu.getItems().stream().map(i -> i.getText() == null ? "" : i.isMnemonicParsing() ? WindowCommands.plain(i.getText()) : i.getText())
                .toList();
    }

    private static List<Hyperlink> storeLinks(WindowDriver ui) {
        return ui.<Hyperlink>anywhere("#start-page .hyperlink");
    }
}

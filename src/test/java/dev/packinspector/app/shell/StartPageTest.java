package dev.packinspector.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.packinspector.Fixtures;
import dev.packinspector.StoreFingerprint;
import dev.packinspector.app.session.StoreSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javafx.scene.control.Hyperlink;
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
            try {
                assertEquals(2, demo.snapshots().size(), "two saves of the demo project");
                assertEquals(2, (int) WindowDriver.onFx(() -> ui.snapshots().snapshotTable().getItems().size()));
                ui.waitUntilFilesShown();
            } finally {
                ui.close();
                deleteTree(demo.path().getParent());
            }
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

    private static List<Hyperlink> storeLinks(WindowDriver ui) {
        return ui.<Hyperlink>anywhere("#start-page .hyperlink");
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        }
    }
}

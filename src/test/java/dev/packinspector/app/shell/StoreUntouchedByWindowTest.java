package dev.packinspector.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.packinspector.Fixtures;
import dev.packinspector.StoreFingerprint;
import dev.packinspector.app.session.StoreSession;
import dev.packinspector.catalog.ManifestEntry;
import dev.packinspector.restore.RestoreItems;
import dev.packinspector.restore.RestorePlanner;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A whole session in the window (open, browse, preview, filter, verify, restore, drag out,
 * refresh, close) leaves every byte and mtime of the store as it was, also when the store's files
 * and folders are read-only.
 */
class StoreUntouchedByWindowTest extends MainWindowTestBase {
    @TempDir
    Path scratch;

    @ParameterizedTest(name = "read-only store: {0}")
    @ValueSource(booleans = {false, true})
    void aWholeSessionChangesNothingInTheStore(boolean readOnly) throws Exception {
        Path store = StoreFingerprint.copy(Fixtures.store("basic"), scratch.resolve("store"));
        StoreFingerprint.setReadOnly(store, readOnly);
        Map<String, String> before = StoreFingerprint.of(store);
        try {
            StoreSession s = ui.openAndShowFiles(store);

            // browse and preview a file of the newest snapshot
            ManifestEntry file = WindowDriver.onFx(() -> ui.snapshots().selectedEntries().stream()
                    .filter(e -> e.usable() && e.size() > 0 && (e.mode() & 0170000) == 0100000).findFirst().orElseThrow());
            WindowDriver.onFx(() -> window().preview().file(file));
            WindowDriver.waitUntil("the preview is checked", () -> ui.preview().shown().integrity().startsWith("verified"));

            // the index: filter, select, preview
            WindowDriver.onFx(() -> {
                window().select(Navigation.View.OBJECTS);
                ui.index().filter("3");
                ui.index().table().getSelectionModel().select(0);
            });
            WindowDriver.waitUntil("the object is previewed", () -> ui.preview().shown().location() != null
                    && ui.preview().shown().integrity().startsWith("verified"));

            // verify, restore the snapshot, drag a file out
            WindowDriver.await(WindowDriver.onFx(() -> ui.problems().verify()));
            var plan = RestorePlanner.plan(s.packs(), RestoreItems.of(s.catalog().orElseThrow().files(s.snapshots().getFirst())),
                    scratch.resolve("restored"), false);
            WindowDriver.await(WindowDriver.onFx(() -> window().restores().run(ui.session(), "the newest snapshot", plan)));
            List<File> dragged = WindowDriver.onFx(() -> window().export().forDrag(RestoreItems.of(List.of(file))));
            assertNotNull(dragged);
            deleteTree(dragged.getFirst().toPath().getParent());

            // refresh, then close the window
            robot.clickOn("#tool-refresh");
            WindowDriver.waitUntil("the refreshed store is shown", () -> ui.session() != s);
            ui.close();

            assertEquals(before, StoreFingerprint.of(store), "every byte and mtime of the store as it was");
        } finally {
            StoreFingerprint.setReadOnly(store, false);
        }
    }

    private static void deleteTree(Path root) throws Exception {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}

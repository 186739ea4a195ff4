package dev.packinspector.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.packinspector.Fixtures;
import dev.packinspector.app.session.StoreSession;
import dev.packinspector.restore.GeneratedStore;
import dev.packinspector.restore.RestoreChecks;
import dev.packinspector.restore.RestoreItem;
import dev.packinspector.restore.RestorePlan;
import dev.packinspector.restore.RestorePlanner;
import dev.packinspector.restore.RestoreResult;
import dev.packinspector.store.ObjectId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import javafx.concurrent.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A restore keeps its store open though the window moves on: another store opened while it runs
 * leaves it to finish every file, and the first store closes once it has.
 */
class RestoreAcrossStoresTest extends MainWindowTestBase {
    private static final int FILES = 300;
    @TempDir
    static Path store;
    static List<RestoreItem> items;
    static final Map<String, ObjectId> expected = new HashMap<>();

    @BeforeAll
    static void writeStore() throws IOException {
        items = GeneratedStore.write(store.resolve("packs"), FILES, 1 << 20, 23);
        items.forEach(i -> expected.put(i.path(), (ObjectId) i.id()));
    }

    @Test
    void aRestoreStillRunningWhenAnotherStoreIsOpenedCompletes(@TempDir Path target) throws Exception {
        StoreSession first = ui.open(store);
        RestorePlan plan = RestorePlanner.plan(first.packs(), items, target, false);
        var runningAtSwitch = new AtomicBoolean();
        // the restore and the other store's open start together: the open is over long before the restore
        var started = WindowDriver.onFx(() -> {
            Task<RestoreResult> restore = window().restores().run(first, "the generated files", plan);
            window().model().session().addListener((obs, old, now) -> runningAtSwitch.set(!restore.isDone()));
            return new Object[] {restore, window().model().open(Fixtures.store("basic"))};
        });
        @SuppressWarnings("unchecked")
        Task<RestoreResult> restore = (Task<RestoreResult>) started[0];
        StoreSession second = WindowDriver.await((Task<StoreSession>) started[1]);

        RestoreResult result = WindowDriver.await(restore);
        assertTrue(runningAtSwitch.get(), "the restore was still running when the window moved on");
        assertTrue(result.ok(), () -> result.problems().toString());
        assertEquals(FILES, RestoreChecks.assertNoPartialFiles(target, expected), "every file, though the window moved on to another store");
        RestoreChecks.assertNoTempFiles(target);
        assertEquals(second, ui.session(), "the window shows the store opened last");
        // the first store is closed now that nothing holds it: reading it fails, where during the restore it did not
        WindowDriver.waitUntil("the first store is closed", () -> {
            try {
                first.packs().read((ObjectId) items.getFirst().id());
                return false;
            } catch (IllegalStateException | IOException closed) {
                return true;
            }
        });
    }

    private static long restored(Path target) {
        try (Stream<Path> files = Files.walk(target)) {
            return files.filter(Files::isRegularFile).filter(f -> !RestoreChecks.isTemp(f)).count();
        } catch (IOException | java.io.UncheckedIOException e) {
            return 0;
        }
    }
}

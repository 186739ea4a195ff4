package dev.packinspector.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.packinspector.Fixtures;
import dev.packinspector.app.session.StoreSession;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.input.TransferMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A store opens by dropping its folder on the window, or through Open… and the folder chooser, and shows what its manifest lists. */
class OpenStoreTest extends MainWindowTestBase {
    private static final JsonNode BASIC = Fixtures.manifest("basic");

    @Test
    void droppingAStoreFolderOnTheWindowOpensIt() {
        Path basic = Fixtures.store("basic");
        Drops.Outcome outcome = WindowDriver.onFx(() -> Drops.drop(ui.stage().getScene().getRoot(), List.of(basic)));

        assertEquals(TransferMode.COPY, outcome.accepted(), "the window accepts a dragged folder");
        assertTrue(outcome.completed(), "the drop completes");
        WindowDriver.waitUntil("the dropped store is open", () -> ui.session() != null);
        ui.waitUntilFilesShown();
        assertEquals(basic, ui.session().path());
        assertShowsBasic();
    }

    @Test
    void droppingAFileOrSeveralFoldersIsRefused() {
        Path basic = Fixtures.store("basic");
        Drops.Outcome file = WindowDriver.onFx(() -> Drops.drop(ui.stage().getScene().getRoot(), List.of(basic.resolve("manifest.json"))));
        Drops.Outcome two = WindowDriver.onFx(() -> Drops.drop(ui.stage().getScene().getRoot(), List.of(basic, Fixtures.store("alias"))));

        assertNull(file.accepted(), "a file is not a store");
        assertFalse(file.completed());
        assertNull(two.accepted(), "one store at a time");
        assertFalse(two.completed());
        assertNull(WindowDriver.onFx(() -> ui.session()), "nothing was opened");
        assertFalse(WindowDriver.onFx(() -> ui.tasks().busy()), "no task was started");
    }

    @Test
    void openButtonOpensTheFolderTheChooserReturns() {
        Path basic = Fixtures.store("basic");
        var asked = new java.util.concurrent.atomic.AtomicInteger();
        WindowDriver.onFx(() -> window().chooser((owner, title) -> {
            asked.incrementAndGet();
            return basic;
        }));

        robot.clickOn("#tool-open");

        WindowDriver.waitUntil("the chosen store is open", () -> ui.session() != null);
        ui.waitUntilFilesShown();
        assertEquals(1, asked.get(), "the chooser was asked once");
        assertEquals(basic, ui.session().path());
        assertShowsBasic();
    }

    @Test
    void aStoreOpenedByARelativePathIsShownAndRememberedByItsAbsolutePath() {
        Path basic = Fixtures.store("basic");
        Path relative = Path.of("").toAbsolutePath().relativize(basic);
        assertFalse(relative.isAbsolute());

        StoreSession s = ui.open(relative);

        assertEquals(basic, s.path());
        assertEquals(basic, ui.settings().recentStores().getFirst(), "a recent store means the same from any working folder");
    }

    @Test
    void whenStoresAreOpenedInQuickSuccessionTheOneAskedForLastIsShown() {
        for (int round = 0; round < 4; round++) {
            Path first = Fixtures.store(round % 2 == 0 ? "chunked" : "basic");
            Path last = Fixtures.store(round % 2 == 0 ? "basic" : "chunked");
            var a = WindowDriver.onFx(() -> window().model().open(first));
            var b = WindowDriver.onFx(() -> window().model().open(last));
            // the newer open cancels the older one (whose store, if it opened anyway, is closed unseen)
            WindowDriver.awaitEnd(a);
            WindowDriver.await(b);
            WindowDriver.waitUntil("both openings have ended", () -> !ui.tasks().busy());
            assertEquals(last, WindowDriver.onFx(() -> ui.session().path()), "round " + round);
        }
    }

    @Test
    void aStoreOfChkpt012IsSaidToBeNotReadNotShownEmpty(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Path legacy = tmp.resolve("legacy");
        dev.packinspector.StoreFingerprint.copy(Fixtures.store("legacy/basic"), legacy);
        java.nio.file.Files.createDirectories(legacy.resolve("packs")); // as chkpt 0.1.2 leaves it; git keeps no empty folder
        var opening = WindowDriver.onFx(() -> window().model().open(legacy));
        WindowDriver.waitUntil("the open has ended", opening::isDone);
        WindowDriver.waitUntil("the status line says what it is", () -> ui.status().contains(dev.packinspector.store.StoreFormat.LEGACY_NOT_READ));
        assertEquals(null, WindowDriver.onFx(() -> ui.session()), "no empty store is shown");
    }

    @Test
    void aFolderThatIsNoStoreIsRefusedInOneSentenceAndTheOpenStoreStays(@org.junit.jupiter.api.io.TempDir Path notAStore) throws Exception {
        java.nio.file.Files.writeString(notAStore.resolve("notes.txt"), "hello");
        StoreSession basic = ui.openAndShowFiles(Fixtures.store("basic"));

        var opening = WindowDriver.onFx(() -> window().model().open(notAStore));
        WindowDriver.waitUntil("the open has ended", opening::isDone);
        WindowDriver.waitUntil("the status line says why", () -> ui.status().contains("not a chkpt store"));

        assertTrue(ui.status().startsWith("Opening " + notAStore.getFileName() + " failed: "), ui.status());
        assertFalse(ui.status().contains("Exception"), ui.status());
        assertEquals(basic, WindowDriver.onFx(() -> ui.session()), "the store that was open stays open");
    }

    @Test
    void aRealStoresOtherFilesAreListedWithWhatTheyAreAndAreNoProblem() {
        ui.openAndShowFiles(Fixtures.store("real/head-basic"));
        WindowDriver.onFx(() -> window().select(Navigation.View.PACKS));
        List<String> files = WindowDriver.onFx(() -> ui.packsPane().files().getItems().stream().map(f -> f.path() + " = " + f.what()).toList());
        assertTrue(files.stream().anyMatch(f -> f.startsWith("index.bin = chkpt's workspace cache")), files::toString);
        assertTrue(files.stream().anyMatch(f -> f.startsWith("locks/project.lock = chkpt's lock")), files::toString);
        assertTrue(files.stream().anyMatch(f -> f.startsWith("catalog.sqlite = the catalog")), files::toString);
        assertTrue(WindowDriver.onFx(() -> ui.packsPane().getItems().contains(ui.packsView())));
        assertEquals(List.of(), WindowDriver.onFx(() -> List.copyOf(ui.problems().items())));
    }

    @Test
    void cancellingTheChooserOpensNothing() {
        WindowDriver.onFx(() -> window().chooser((owner, title) -> null));

        robot.clickOn("#tool-open");

        assertNull(WindowDriver.onFx(() -> ui.session()));
        assertFalse(WindowDriver.onFx(() -> ui.tasks().busy()));
    }

    @ParameterizedTest
    @MethodSource("dev.packinspector.Fixtures#goodStores")
    void everyGoodFixtureOpensWithItsManifestsCountsAndVerifiesClean(String name) {
        JsonNode manifest = Fixtures.manifest(name);
        int objects = 0;
        for (JsonNode p : manifest.get("packs")) {
            objects += p.get("entry_count").asInt();
        }
        Drops.Outcome drop = WindowDriver.onFx(() -> Drops.drop(ui.stage().getScene().getRoot(), List.of(Fixtures.store(name))));
        assertTrue(drop.completed());

        WindowDriver.waitUntil(name + " is open", () -> ui.session() != null);
        List<String> nav = ui.navigation();
        assertTrue(nav.contains("Snapshots   " + manifest.get("snapshots").size()), nav::toString);
        assertTrue(nav.contains("Packs   " + manifest.get("packs").size()), nav::toString);
        assertTrue(nav.contains("Objects   " + objects), nav::toString);

        robot.clickOn("#tool-verify");

        WindowDriver.waitUntil("verify has ended", () -> WindowDriver.statusLine(window()).text().startsWith("Verify: "));
        assertEquals("Verify: no problems found", ui.status());
        assertEquals(List.of(), WindowDriver.onFx(() -> List.copyOf(ui.problems().items())));
    }

    /** The counts the window shows for basic: its snapshots, packs and objects, as the manifest lists them. */
    private void assertShowsBasic() {
        int snapshots = BASIC.get("snapshots").size();
        int packs = BASIC.get("packs").size();
        int objects = 0;
        for (JsonNode p : BASIC.get("packs")) {
            objects += p.get("entry_count").asInt();
        }
        assertEquals(List.of(2, 2, 40), List.of(snapshots, packs, objects), "the basic fixture as the issue describes it");

        List<String> nav = ui.navigation();
        assertTrue(nav.contains("Snapshots   " + snapshots), nav::toString);
        assertTrue(nav.contains("Packs   " + packs), nav::toString);
        assertTrue(nav.contains("Objects   " + objects), nav::toString);
        assertEquals(snapshots, (int) WindowDriver.onFx(() -> ui.snapshots().snapshotTable().getItems().size()));
        String totals = WindowDriver.onFx(() -> ((javafx.scene.control.Label) ui.node("#status-totals")).getText());
        assertTrue(totals.startsWith(packs + " packs · " + objects + " objects"), totals);
    }
}

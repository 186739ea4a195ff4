package dev.packinspector.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.packinspector.Fixtures;
import dev.packinspector.app.session.StoreSession;
import dev.packinspector.store.PackSet;
import dev.packinspector.store.PackStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * chkpt writes beside an open store: a pack's .dat lands before its .idx, and a save adds a
 * snapshot. The window shows such a pack as incomplete (not as a problem) and Refresh picks up
 * both the finished pack and the new snapshot.
 */
class RefreshTest extends MainWindowTestBase {
    private static final String FIRST = "153340218cf51ec2";
    private static final String SECOND = "56901b23ea63a5a8";

    @TempDir
    Path store;

    @Test
    void refreshPicksUpAFinishedPackAndANewSnapshot() throws IOException {
        Path basic = Fixtures.store("basic");
        Files.createDirectories(store.resolve("packs"));
        // save 1 is complete; save 2 has written its .dat but not yet its .idx, nor its catalog rows
        Files.copy(Fixtures.store("chunked").resolve("catalog.sqlite"), store.resolve("catalog.sqlite"));
        copyPack(basic, FIRST, ".dat", ".idx");
        copyPack(basic, SECOND, ".dat");
        int firstEntries;
        try (PackSet one = PackSet.open(basic.resolve("packs"), List.of(FIRST))) {
            firstEntries = one.entryCount();
        }

        StoreSession before = ui.openAndShowFiles(store);
        assertEquals(1, before.snapshots().size());
        assertEquals(firstEntries, before.packs().entryCount());
        PackStatus writing = WindowDriver.onFx(() -> ui.packsView().getItems().stream()
                .filter(p -> p.name().equals(SECOND)).findFirst().orElseThrow().status());
        assertEquals("incomplete", writing.state().label());
        assertEquals(List.of(), WindowDriver.onFx(() -> List.copyOf(ui.problems().items())), "an incomplete pack is not a problem");

        // chkpt finishes: the .idx and the catalog rows of save 2 appear
        copyPack(basic, SECOND, ".idx");
        Files.copy(basic.resolve("catalog.sqlite"), store.resolve("catalog.sqlite"), StandardCopyOption.REPLACE_EXISTING);
        robot.clickOn("#tool-refresh");
        WindowDriver.waitUntil("the refreshed store is shown", () -> ui.session() != before && ui.session() != null);

        StoreSession after = WindowDriver.onFx(() -> ui.session());
        assertNotSame(before, after);
        assertEquals(2, after.snapshots().size());
        assertEquals(40, after.packs().entryCount());
        assertTrue(after.packs().packs().stream().allMatch(PackStatus::readable), after.packs().packs()::toString);
        assertEquals(2, (int) WindowDriver.onFx(() -> ui.snapshots().snapshotTable().getItems().size()));
        assertTrue(ui.navigation().contains("Objects   40"), ui.navigation()::toString);
    }

    private void copyPack(Path from, String name, String... suffixes) throws IOException {
        for (String suffix : suffixes) {
            Files.copy(from.resolve("packs/pack-" + name + suffix), store.resolve("packs/pack-" + name + suffix));
        }
    }
}

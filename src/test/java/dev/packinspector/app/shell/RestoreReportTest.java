package dev.packinspector.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.packinspector.Fixtures;
import dev.packinspector.app.restore.RestoreFlow;
import dev.packinspector.catalog.ManifestEntry;
import dev.packinspector.restore.ManifestItems;
import dev.packinspector.restore.RestoreItems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.control.DialogPane;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a restore did not write is in its report, with the reason, and nowhere else: the store's
 * Problems stay as Verify left them (a refusal says nothing about the store's health).
 */
class RestoreReportTest extends MainWindowTestBase {
    private static final String STORE = "real/head-basic";
    @TempDir
    Path work;

    @Test
    void keptAndRefusedFilesAreInTheReportWithTheirReasonsAndNotInProblems() throws Exception {
        ui.openAndShowFiles(Fixtures.store(STORE));
        JsonNode newest = Shown.newestSnapshot(STORE);
        WindowDriver.waitUntil("the newest snapshot's files are shown", () -> ui.snapshots().selectedEntries().size() == newest.get("files").size());
        Path target = Files.createDirectories(work.resolve("target"));
        Files.writeString(target.resolve("README.md"), "the user's own readme");
        Files.writeString(target.resolve("src"), "a file where the snapshot has a folder");
        int srcFiles = ManifestItems.only(newest, p -> p.startsWith("src/")).get("files").size();
        var opened = new CopyOnWriteArrayList<Path>();
        List<ManifestEntry> entries = WindowDriver.onFx(() -> ui.snapshots().selectedEntries());
        String what = WindowDriver.onFx(() -> RestoreFlow.name(ui.snapshots().selectedSnapshot()));
        WindowDriver.onFx(() -> {
            window().restores().actions(opened::add);
            window().restores().restoreTo(ui.session(), what, RestoreItems.of(entries), target);
        });

        var dialogs = new RestoreDialogs(ui);
        DialogPane plan = dialogs.plan();
        List<String> planned = RestoreDialogs.rows(plan, "plan-table");
        assertTrue(planned.contains("src/main.rs refused 'src' in the target is a file, not a folder"), planned.toString());
        assertTrue(planned.contains("README.md keep differs from the file in the folder, which is kept unless you replace it"), planned.toString());
        assertTrue(planned.getFirst().contains(" refused "), "trouble first: " + planned.getFirst());
        robot.clickOn(RestoreDialogs.restore(plan));

        DialogPane report = dialogs.report();
        assertEquals("Restore finished", RestoreDialogs.title(report));
        assertEquals("Restored " + what + ", " + (srcFiles + 1) + " files not restored", WindowDriver.onFx(report::getHeaderText));
        assertEquals("1 file (restore again and choose Replace to overwrite them)", RestoreDialogs.text(report, "report-kept"));
        assertEquals(srcFiles + " entries (the reasons are in the list)", RestoreDialogs.text(report, "report-refused"));
        List<String> done = RestoreDialogs.rows(report, "report-table");
        assertTrue(done.contains("src/main.rs refused 'src' in the target is a file, not a folder"), done.toString());
        assertTrue(done.contains("README.md kept differs from the file in the folder, which was kept"), done.toString());
        assertEquals(newest.get("files").size() - srcFiles - 1, done.stream().filter(r -> r.contains(" written")).count(), done.toString());
        assertTrue(ui.status().endsWith("; " + (srcFiles + 1) + " not restored (see the report)"), ui.status());
        assertEquals("the user's own readme", Files.readString(target.resolve("README.md")), "a differing file is kept");

        assertEquals(List.of(), WindowDriver.onFx(() -> ui.problems().items()), "a restore's refusals are not the store's problems");
        assertTrue(ui.navigation().contains("Problems   0"), ui.navigation()::toString);
        robot.clickOn(RestoreDialogs.button(report, "Open folder"));
        WindowDriver.waitUntil("the target is opened", () -> opened.equals(List.of(target.toAbsolutePath())));
    }
}

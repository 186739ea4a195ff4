package dev.packinspector.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.packinspector.Fixtures;
import dev.packinspector.app.restore.RestoreFlow;
import dev.packinspector.app.snapshots.FileNode;
import dev.packinspector.catalog.ManifestEntry;
import dev.packinspector.restore.ManifestItems;
import dev.packinspector.restore.RestoreChecks;
import dev.packinspector.restore.RestoreItems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Restoring from the window: plan, confirm in the dialog, restore as a task; the result is the manifest, exactly. */
class RestoreFromWindowTest extends MainWindowTestBase {
    private final JsonNode newest = Shown.newestSnapshot("basic");
    @TempDir
    Path work;

    @BeforeEach
    void openBasic() {
        ui.openAndShowFiles(Fixtures.store("basic"));
    }

    @Test
    void restoringTheWholeSnapshotWritesEveryFileWithItsContentModeAndLinkTarget() throws Exception {
        Path target = work.resolve("whole");
        List<ManifestEntry> entries = WindowDriver.onFx(() -> ui.snapshots().selectedEntries());
        assertEquals(newest.get("files").size(), entries.size(), "nothing selected: the whole snapshot");

        WindowDriver.onFx(() -> window().restores().restoreTo(ui.session(), "the newest snapshot", RestoreItems.of(entries), target));

        DialogPane plan = awaitPlanDialog();
        assertTrue(planLine(plan, "to-write").startsWith(newest.get("files").size() + " files ("), planLine(plan, "to-write"));
        assertEquals("0 files", planLine(plan, "differ-in-the-folder"));
        assertEquals("0 entries", planLine(plan, "refused"));
        assertFalse(WindowDriver.onFx(() -> plan.lookup("#plan-overwrite").isVisible()), "nothing differs: nothing to replace");
        assertFalse(Files.exists(target), "nothing is written before the user confirms");
        confirm(plan, RestoreFlow.RESTORE);

        awaitRestored();
        ManifestItems.assertRestored(newest, target);
        assertEquals(ManifestItems.paths(newest), RestoreChecks.restoredPaths(target), "exactly the snapshot's files");
        RestoreChecks.assertNoTempFiles(target);
        assertTrue(ui.status().startsWith("Restored " + newest.get("files").size() + " files"), ui.status());
    }

    @Test
    void aRealStoresHostileButLegalNamesRestoreExactlyAfterAnotherStoreWasOpen() throws Exception {
        ui.openAndShowFiles(Fixtures.store("real/head-basic"));
        JsonNode real = Shown.newestSnapshot("real/head-basic");
        WindowDriver.waitUntil("the real store's newest snapshot is shown",
                () -> ui.snapshots().selectedEntries().size() == real.get("files").size());
        List<ManifestEntry> entries = WindowDriver.onFx(() -> ui.snapshots().selectedEntries());
        assertTrue(entries.stream().anyMatch(e -> e.path().equals("odd/back\\slash.txt")), "the backslash name is in the snapshot");
        Path target = work.resolve("real");

        WindowDriver.onFx(() -> window().restores().restoreTo(ui.session(), "the newest snapshot", RestoreItems.of(entries), target));

        DialogPane plan = awaitPlanDialog();
        assertEquals("0 entries", planLine(plan, "refused"), "no legal name is refused");
        confirm(plan, RestoreFlow.RESTORE);
        awaitRestored();
        ManifestItems.assertRestored(real, target);
        assertEquals(ManifestItems.paths(real), RestoreChecks.restoredPaths(target), "exactly the snapshot's files");
        assertTrue(Files.exists(target.resolve("odd/new\nline.txt")));
        RestoreChecks.assertNoTempFiles(target);
    }

    @Test
    void droppingAFolderOnTheRestoreAreaRestoresOnlyTheSelectedFolder() throws Exception {
        Path target = Files.createDirectory(work.resolve("selection"));
        WindowDriver.onFx(() -> {
            var tree = ui.snapshots().fileTree();
            TreeItem<FileNode> docs = Shown.item(tree.getRoot(), "docs");
            assertNotNull(docs);
            tree.getSelectionModel().clearAndSelect(tree.getRow(docs));
        });

        Drops.Outcome drop = WindowDriver.onFx(() -> Drops.drop(ui.node("#restore-drop-area"), List.of(target)));
        assertTrue(drop.completed(), "the restore area takes a dropped folder");

        DialogPane plan = awaitPlanDialog();
        JsonNode docs = ManifestItems.only(newest, p -> p.startsWith("docs/"));
        assertTrue(planLine(plan, "to-write").startsWith(docs.get("files").size() + " files ("), planLine(plan, "to-write"));
        confirm(plan, RestoreFlow.RESTORE);

        awaitRestored();
        ManifestItems.assertRestored(docs, target);
        assertEquals(ManifestItems.paths(docs), RestoreChecks.restoredPaths(target), "only the selected folder's files");
        RestoreChecks.assertNoTempFiles(target);
    }

    @Test
    void aPlanThatCannotBeMadeSaysWhyAndShowsNoDialog() throws Exception {
        Path notAFolder = Files.writeString(work.resolve("a-file"), "not a folder");
        List<ManifestEntry> entries = WindowDriver.onFx(() -> ui.snapshots().selectedEntries());
        WindowDriver.onFx(() -> window().restores().restoreTo(ui.session(), "the newest snapshot", RestoreItems.of(entries), notAFolder));

        WindowDriver.waitUntil("the status line says why", () -> ui.status().startsWith("Planning the restore of the newest snapshot failed: "));
        assertTrue(ui.anywhere("#plan-summary").isEmpty(), "no plan to confirm");
        assertEquals("not a folder", Files.readString(notAFolder), "the file is left as it was");
    }

    @Test
    void cancellingThePlanWritesNothing() throws Exception {
        Path target = work.resolve("never");
        List<ManifestEntry> entries = WindowDriver.onFx(() -> ui.snapshots().selectedEntries());
        WindowDriver.onFx(() -> window().restores().restoreTo(ui.session(), "the newest snapshot", RestoreItems.of(entries), target));

        confirm(awaitPlanDialog(), ButtonType.CANCEL);

        WindowDriver.waitUntil("the dialog is gone", () -> ui.anywhere("#plan-summary").isEmpty());
        assertFalse(WindowDriver.onFx(() -> ui.tasks().busy()), "no restore started");
        assertFalse(Files.exists(target));
    }

    @Test
    void thePlanCanBeSavedAsCsvOrJsonBeforeAnythingIsWritten() throws Exception {
        Path target = work.resolve("planned");
        List<ManifestEntry> entries = WindowDriver.onFx(() -> ui.snapshots().selectedEntries());
        for (String name : List.of("plan.csv", "plan.json")) {
            Path saved = work.resolve(name);
            WindowDriver.onFx(() -> {
                window().restores().saveChooser((owner, title, suggested, kinds) -> saved);
                window().restores().restoreTo(ui.session(), "the newest snapshot", RestoreItems.of(entries), target);
            });
            DialogPane plan = awaitPlanDialog();
            robot.clickOn(WindowDriver.onFx(() -> plan.lookup("#plan-save")));
            WindowDriver.waitUntil("the plan is saved", () -> Files.exists(saved) && !ui.tasks().busy());
            if (name.endsWith(".csv")) {
                List<String> lines = Files.readAllLines(saved);
                assertEquals("action,path,id,size,mode,detail", lines.getFirst());
                assertEquals(newest.get("files").size(), lines.stream().filter(l -> l.startsWith("write,")).count(), "a write row per file");
            } else {
                JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(saved.toFile());
                assertEquals(newest.get("files").size(), json.get("files_to_write").asInt());
            }
            confirm(plan, ButtonType.CANCEL);
            WindowDriver.waitUntil("the dialog is gone", () -> ui.anywhere("#plan-summary").isEmpty());
        }
        assertFalse(Files.exists(target), "saving the plan restores nothing");
    }

    @Test
    void exportingTheSnapshotWritesAnArchiveOfEveryFile() throws Exception {
        Path archive = work.resolve("snapshot.tar");
        WindowDriver.onFx(() -> {
            window().restores().saveChooser((owner, title, suggested, kinds) -> archive);
            window().commands().exportSnapshot();
        });
        WindowDriver.waitUntil("the export has ended", () -> !ui.tasks().busy() && WindowDriver.statusLine(window()).text().startsWith("Exported"));
        var paths = new java.util.TreeSet<String>();
        try (var tar = new org.apache.commons.compress.archivers.tar.TarArchiveInputStream(Files.newInputStream(archive))) {
            for (var e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                if (!e.isDirectory()) {
                    paths.add(e.getName());
                }
            }
        }
        assertEquals(new java.util.TreeSet<>(ManifestItems.paths(newest)), paths);
        assertTrue(ui.status().startsWith("Exported " + newest.get("files").size() + " files"), ui.status());
    }

    @Test
    void aTarThatCannotFitOnItsDiskIsRefusedBeforeAnythingIsWritten() {
        Path archive = work.resolve("out/snapshot.tar");
        WindowDriver.onFx(() -> {
            window().restores().freeSpace(folder -> 1000);
            window().restores().saveChooser((owner, title, suggested, kinds) -> archive);
            window().commands().exportSnapshot();
        });
        WindowDriver.waitUntil("the export is refused", () -> !ui.tasks().busy() && WindowDriver.statusLine(window()).showsError());
        assertTrue(ui.status().contains("the archive's file system (at " + work + ") has 1.0 KB free but this tar needs at least "), ui.status());
        assertFalse(Files.exists(archive.getParent()), "nothing was written, not even its folder");
    }

    private DialogPane awaitPlanDialog() {
        WindowDriver.waitUntil("the plan is shown for confirmation", () -> !ui.anywhere("#plan-summary").isEmpty());
        return WindowDriver.onFx(() -> ui.<DialogPane>anywhere(".dialog-pane").getFirst());
    }

    private void confirm(DialogPane plan, ButtonType answer) {
        Button button = WindowDriver.onFx(() -> (Button) plan.lookupButton(answer));
        assertNotNull(button, answer.getText() + " button");
        robot.clickOn(button);
    }

    private void awaitRestored() {
        WindowDriver.waitUntil("the restore has ended", () -> !ui.tasks().busy() && ui.anywhere("#plan-summary").isEmpty()
                && WindowDriver.statusLine(window()).text().startsWith("Restored"));
    }

    /** One line of the plan dialog's summary, e.g. "to-write" -> "39 files (2.7 MB)". */
    private static String planLine(DialogPane plan, String what) {
        return WindowDriver.onFx(() -> ((Label) plan.lookup("#plan-" + what)).getText());
    }
}

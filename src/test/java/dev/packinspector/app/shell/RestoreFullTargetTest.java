package dev.packinspector.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.packinspector.Fixtures;
import dev.packinspector.cli.Cli;
import dev.packinspector.restore.GeneratedStore;
import dev.packinspector.restore.RestoreChecks;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A restore into a folder whose disk has less room than the restore needs cannot be started: the
 * plan says why and Restore is disabled, and the command line refuses the same restore with exit
 * code 2. Once with the room given by the test (a "full" disk anywhere), once on a real 4 MB disk.
 */
class RestoreFullTargetTest extends MainWindowTestBase {
    @TempDir
    Path work;

    private RestoreDialogs dialogs() {
        return new RestoreDialogs(ui);
    }

    @Test
    void aPlanForAFullTargetCannotBeStartedAndSaysWhy() throws Exception {
        ui.openAndShowFiles(Fixtures.store("real/head-basic"));
        Path target = work.resolve("target");
        WindowDriver.onFx(() -> {
            window().restores().freeSpace(folder -> 1000);
            window().chooser((owner, title) -> target);
        });
        robot.clickOn("#tool-restore-snapshot");
        DialogPane plan = dialogs().plan();
        assertTrue(WindowDriver.onFx(() -> RestoreDialogs.restore(plan).isDisabled()), "Restore is disabled");
        assertTrue(RestoreDialogs.visible(plan, "plan-refusal"), "the reason is shown");
        String reason = RestoreDialogs.text(plan, "plan-refusal");
        assertTrue(reason.startsWith("Cannot restore: the target's file system (at " + work + ") has 1.0 KB free but this restore needs "), reason);
        assertTrue(reason.endsWith("; free some space or choose a folder on another disk."), reason);
        assertTrue(RestoreDialogs.text(plan, "plan-space").endsWith(" · only 1.0 KB free"), RestoreDialogs.text(plan, "plan-space"));
        assertTrue(WindowDriver.onFx(() -> plan.lookup("#plan-space").getStyleClass().contains("danger")));

        // Enter cannot start it either (the focused button, Cancel, takes it)
        robot.push(KeyCode.ENTER);
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        if (dialogs().planShown()) {
            robot.clickOn(WindowDriver.onFx(() -> plan.lookupButton(ButtonType.CANCEL)));
        }
        WindowDriver.waitUntil("the plan is closed", () -> !dialogs().planShown());
        assertFalse(WindowDriver.onFx(() -> ui.tasks().busy()), "no restore started");
        assertFalse(Files.exists(target), "nothing was written");
    }

    /** Needs root (mount), as DiskFullTest; skipped where a tmpfs cannot be mounted. */
    @Test
    void aRealDiskTooSmallIsRefusedByTheWindowAndTheCommandLineAlike() throws Exception {
        Path disk = Files.createDirectories(work.resolve("small-disk"));
        assumeTrue(sh("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", disk.toString()), "cannot mount a small tmpfs here");
        try {
            Path store = work.resolve("store");
            GeneratedStore.writeWithCatalog(store, 20, 1 << 20, 7, "019b9ae7-2e74-7000-8000-000000000002", "2026-12-01T14:03:07+00:00", "20 MiB");
            ui.open(store);
            WindowDriver.waitUntil("the snapshot is selected", () -> ui.snapshots().selectedSnapshot() != null);
            Path target = disk.resolve("target");
            WindowDriver.onFx(() -> window().chooser((owner, title) -> target));
            robot.clickOn("#tool-restore-snapshot");
            DialogPane plan = dialogs().plan();
            assertTrue(WindowDriver.onFx(() -> RestoreDialogs.restore(plan).isDisabled()), "Restore is disabled");
            String reason = RestoreDialogs.text(plan, "plan-refusal");
            String sentence = "the target's file system (at " + disk + ") has 4.2 MB free but this restore needs 21 MB; free some space or choose"
                    + " a folder on another disk";
            assertEquals("Cannot restore: " + sentence + ".", reason);
            robot.clickOn(WindowDriver.onFx(() -> plan.lookupButton(ButtonType.CANCEL)));
            WindowDriver.waitUntil("the plan is closed", () -> !dialogs().planShown());

            var out = new ByteArrayOutputStream();
            var err = new ByteArrayOutputStream();
            int exit = new Cli(out, new PrintStream(err, true, StandardCharsets.UTF_8)).run("restore", store.toString(), "latest", target.toString());
            assertEquals(Cli.USAGE, exit, "refused as a target that is not a folder is");
            assertEquals("pack-inspector: " + sentence + " (nothing was written)\n", err.toString(StandardCharsets.UTF_8));
            assertFalse(Files.exists(target), "nothing was written");
        } finally {
            sh("umount", disk.toString());
        }
    }

    /**
     * The disk fills during the restore (the test says there is room; a 4 MB tmpfs has not): the
     * report names the files that failed and offers Restore again; once the disk is made larger,
     * restoring again writes just those. Needs root, as above.
     */
    @Test
    void aDiskThatFillsDuringTheRestoreLeavesAReportThatOffersToRestoreAgain() throws Exception {
        Path disk = Files.createDirectories(work.resolve("filling-disk"));
        assumeTrue(sh("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", disk.toString()), "cannot mount a small tmpfs here");
        try {
            Path store = work.resolve("store");
            int files = 8;
            GeneratedStore.writeWithCatalog(store, files, 1 << 20, 7, "019b9ae7-2e74-7000-8000-000000000003", "2026-12-01T14:03:07+00:00", "8 MiB");
            ui.open(store);
            WindowDriver.waitUntil("the snapshot is selected", () -> ui.snapshots().selectedSnapshot() != null);
            Path target = disk.resolve("target");
            WindowDriver.onFx(() -> {
                window().restores().freeSpace(folder -> Long.MAX_VALUE); // as a disk that something else fills meanwhile
                window().chooser((owner, title) -> target);
            });
            robot.clickOn("#tool-restore-snapshot");
            robot.clickOn(RestoreDialogs.restore(dialogs().plan()));

            DialogPane report = dialogs().report();
            assertEquals("Restore finished", RestoreDialogs.title(report));
            String refused = RestoreDialogs.text(report, "report-refused");
            assertFalse(refused.startsWith("0 "), "some files failed on the full disk: " + refused);
            assertTrue(RestoreDialogs.text(report, "report-note").contains("restoring again into the same folder tries again what failed"),
                    RestoreDialogs.text(report, "report-note"));
            RestoreChecks.assertNoTempFiles(target);

            assertTrue(sh("mount", "-o", "remount,size=64m", disk.toString()), "the disk is made larger");
            robot.clickOn(RestoreDialogs.button(report, "Restore again"));
            DialogPane again = dialogs().plan();
            robot.clickOn(RestoreDialogs.restore(again));
            DialogPane done = dialogs().report();
            assertEquals("0 entries", RestoreDialogs.text(done, "report-refused"), "everything is in place now");
            assertTrue(WindowDriver.onFx(() -> done.getButtonTypes().stream().noneMatch(t -> t.getText().equals("Restore again"))),
                    "nothing is left to restore again");
            robot.clickOn(RestoreDialogs.button(done, "Close"));
            WindowDriver.waitUntil("the report is closed", () -> !dialogs().reportShown());
            try (var walk = Files.walk(target)) {
                assertEquals(files, walk.filter(Files::isRegularFile).count(), "every file is restored");
            }
            RestoreChecks.assertNoTempFiles(target);
        } finally {
            sh("umount", disk.toString());
        }
    }

    private static boolean sh(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    }
}

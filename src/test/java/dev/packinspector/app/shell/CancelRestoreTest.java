package dev.packinspector.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.packinspector.app.session.StoreSession;
import dev.packinspector.restore.GeneratedStore;
import dev.packinspector.restore.RestoreChecks;
import dev.packinspector.restore.RestoreItem;
import dev.packinspector.restore.RestorePlan;
import dev.packinspector.restore.RestorePlanner;
import dev.packinspector.restore.RestoreResult;
import dev.packinspector.store.ObjectId;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.concurrent.Task;
import javafx.concurrent.Worker;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/** Cancel in the task panel stops a restore with nothing half-written left behind, and running it again completes it. */
class CancelRestoreTest extends MainWindowTestBase {
    /** Large enough that a restore is still running well after its first files are in place. */
    private static final int FILES = 300;
    @TempDir
    static Path store;
    static List<RestoreItem> items;
    static Map<String, ObjectId> expected = new HashMap<>();

    @BeforeAll
    static void writeStore() throws IOException {
        items = GeneratedStore.write(store.resolve("packs"), FILES, 1 << 20, 11);
        items.forEach(i -> expected.put(i.path(), (ObjectId) i.id()));
    }

    /** A fast machine may restore everything before the press lands; each try after that uses a fresh target. */
    private static final int TRIES = 5;

    @Test
    void cancellingARunningRestoreLeavesOnlyCompleteFilesAndARerunCompletes(@TempDir Path targets) throws Exception {
        StoreSession session = ui.open(store);
        assertEquals(FILES, session.packs().entryCount());
        // rows normally appear after 300 ms; this restore may take about that long, and the test needs its Cancel button
        WindowDriver.onFx(() -> ui.tasks().showAfter(javafx.util.Duration.ZERO));
        Path target = null;
        Worker.State end = null;
        for (int attempt = 1; attempt <= TRIES && end != Worker.State.CANCELLED; attempt++) {
            target = targets.resolve("try-" + attempt);
            end = restoreAndPressCancel(session, target);
        }
        assertEquals(Worker.State.CANCELLED, end, "every one of " + TRIES + " restores ended before Cancel was pressed");
        WindowDriver.waitUntil("the task row is gone", () -> !ui.tasks().busy());
        DialogPane report = new RestoreDialogs(ui).report();
        assertEquals("Restore cancelled", RestoreDialogs.title(report));
        awaitRestoreWorkersStopped();
        RestoreChecks.assertNoTempFiles(target);
        int complete = RestoreChecks.assertNoPartialFiles(target, expected);
        assertTrue(complete >= 3 && complete < FILES, "stopped part-way: " + complete + " of " + FILES);
        assertTrue(ui.status().startsWith("Restore of the generated files cancelled: " + complete + " of " + FILES + " files complete in " + target
                + "; restoring again writes the other " + (FILES - complete)), ui.status());
        robot.clickOn(RestoreDialogs.button(report, "Close"));

        RestorePlan again = RestorePlanner.plan(session.packs(), items, target, false);
        assertEquals(FILES - complete, again.filesToWrite(), "a re-run writes only what is missing");
        RestoreResult result = WindowDriver.await(WindowDriver.onFx(() -> window().restores().run(session, "the generated files", again)));
        assertTrue(result.ok(), () -> result.problems().toString());
        assertEquals(FILES, RestoreChecks.assertNoPartialFiles(target, expected));
        RestoreChecks.assertNoTempFiles(target);
    }

    /**
     * Starts a restore into {@code target} and presses its row's Cancel (the button's own action,
     * as a click runs it) on the FX thread at the first progress past 2% of its bytes (a few
     * files), once the row is there. Returns how the restore ended: CANCELLED, or SUCCEEDED when
     * it outran the press. Waiting for files on disk and then moving the robot's pointer took long
     * enough that CI machines often finished first, and then the test would test nothing.
     */
    private Worker.State restoreAndPressCancel(StoreSession session, Path target) throws IOException {
        RestorePlan plan = RestorePlanner.plan(session.packs(), items, target, false);
        Task<RestoreResult> restore = WindowDriver.onFx(() -> {
            Task<RestoreResult> started = window().restores().run(session, "the generated files", plan);
            javafx.beans.value.ChangeListener<Number> pressWhenUnderWay = (obs, old, at) -> {
                if (at.doubleValue() >= 0.02 && !started.isDone()) {
                    cancelButtonOf("Restoring the generated files").ifPresent(Button::fire);
                }
            };
            started.progressProperty().addListener(pressWhenUnderWay);
            return started;
        });
        Worker.State end = WindowDriver.awaitEnd(restore);
        if (end == Worker.State.SUCCEEDED) {
            WindowDriver.waitUntil("the task row is gone", () -> !ui.tasks().busy());
            robot.clickOn(RestoreDialogs.button(new RestoreDialogs(ui).report(), "Close"));
            WindowDriver.waitUntil("the report is closed", () -> !new RestoreDialogs(ui).reportShown());
        }
        return end;
    }

    /** The Cancel button of the task panel's row titled {@code title}; on the FX thread. */
    private java.util.Optional<Button> cancelButtonOf(String title) {
        return ui.tasks().getChildren().stream()
                .filter(row -> row.lookupAll(".label").stream().anyMatch(n -> n instanceof Label l && title.equals(l.getText())))
                .flatMap(row -> row.lookupAll(".button").stream()).filter(n -> n instanceof Button b && "Cancel".equals(b.getText()))
                .map(Button.class::cast).findFirst();
    }

    /**
     * The task reports CANCELLED as soon as Cancel is pressed; its restore workers stop at their
     * next block and remove their temp files. Wait for them (threads named restore-N) before
     * looking at the target.
     */
    private static void awaitRestoreWorkersStopped() throws TimeoutException {
        WaitForAsyncUtils.waitFor(WindowDriver.TIMEOUT_SECONDS, TimeUnit.SECONDS,
                () -> Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().startsWith("restore-") && t.isAlive()));
    }
}

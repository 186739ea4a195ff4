package dev.packinspector.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.packinspector.app.common.Format;
import dev.packinspector.app.restore.RestoreFlow;
import dev.packinspector.catalog.Snapshot;
import dev.packinspector.restore.GeneratedStore;
import dev.packinspector.restore.RestoreChecks;
import dev.packinspector.restore.RestoreItem;
import dev.packinspector.store.ObjectId;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's whole restore: the snapshot from the toolbar's "Restore snapshot…", its plan, Cancel
 * part-way, the report of what is complete, "Restore again" from it, the plan of what is left,
 * the report of the finished restore, and Open folder. Then the same with the keyboard alone.
 */
class RestoreJourneyTest extends MainWindowTestBase {
    /** Large enough that a restore is still running well after its first files are in place. */
    private static final int FILES = 300;
    private static final String MESSAGE = "before refactor";
    @TempDir
    static Path store;
    static List<RestoreItem> items;
    static Map<String, ObjectId> expected = new HashMap<>();
    @TempDir
    Path work;
    private final List<Path> opened = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void writeStore() throws IOException {
        items = GeneratedStore.writeWithCatalog(store, FILES, 1 << 20, 11, "019b9ae7-2e74-7000-8000-000000000001", "2026-12-01T14:03:07+00:00",
                MESSAGE);
        items.forEach(i -> expected.put(i.path(), (ObjectId) i.id()));
    }

    private RestoreDialogs dialogs() {
        return new RestoreDialogs(ui);
    }

    private Snapshot openStore() {
        ui.open(store);
        WindowDriver.waitUntil("the snapshot is selected", () -> ui.snapshots().selectedSnapshot() != null);
        WindowDriver.onFx(() -> window().restores().actions(opened::add));
        return WindowDriver.onFx(() -> ui.snapshots().selectedSnapshot());
    }

    /** A fast machine may restore everything before the press lands; each try after that uses a fresh target. */
    private static final int TRIES = 5;

    @Test
    void aSnapshotRestoredFromTheToolbarCancelledAndRestoredAgainEndsWithEveryFile() throws Exception {
        Snapshot snapshot = openStore();
        String name = "snapshot " + Format.snapshot(snapshot);
        assertTrue(name.endsWith(" · " + MESSAGE), name);
        WindowDriver.onFx(() -> ui.tasks().showAfter(javafx.util.Duration.ZERO));
        Path target = null;
        DialogPane report = null;
        for (int attempt = 1; attempt <= TRIES; attempt++) {
            target = work.resolve("try-" + attempt);
            Path chosen = target;
            WindowDriver.onFx(() -> window().chooser((owner, title) -> chosen));
            robot.clickOn("#tool-restore-snapshot");
            DialogPane plan = dialogs().plan();
            assertEquals("Restore " + name, RestoreDialogs.title(plan), "the plan names the snapshot by its time and message");
            assertEquals(chosen.toString() + "  (a new folder)", RestoreDialogs.text(plan, "plan-target"), "where the files land, in full");
            assertEquals(FILES + " files (" + Format.bytes((long) FILES << 20) + ")", RestoreDialogs.text(plan, "plan-to-write"));
            assertEquals(FILES, RestoreDialogs.rows(plan, "plan-table").stream().filter(r -> r.contains(" write")).count(), "a row per file");
            pressCancelOnceUnderWay("Restoring " + name);
            robot.clickOn(RestoreDialogs.restore(plan));
            report = dialogs().report();
            if (RestoreDialogs.title(report).equals("Restore cancelled")) {
                break;
            }
            robot.clickOn(RestoreDialogs.button(report, "Close"));
            WindowDriver.waitUntil("the report is closed", () -> !dialogs().reportShown());
        }
        assertEquals("Restore cancelled", RestoreDialogs.title(report), "every one of " + TRIES + " restores ended before Cancel was pressed");
        Path target0 = target;
        // the report waits for the workers, so what it counts is what is on disk
        RestoreChecks.assertNoTempFiles(target0);
        int complete = RestoreChecks.assertNoPartialFiles(target0, expected);
        assertTrue(complete >= 1 && complete < FILES, "stopped part-way: " + complete + " of " + FILES);
        assertEquals(complete + " files of " + FILES + " (no partial file is left)", RestoreDialogs.text(report, "report-complete"));
        assertTrue(RestoreDialogs.text(report, "report-note").contains("writes the other " + Format.count(FILES - complete, "file")),
                RestoreDialogs.text(report, "report-note"));
        assertTrue(ui.status().startsWith("Restore of " + name + " cancelled: " + complete + " of " + FILES + " files complete"), ui.status());

        robot.clickOn(RestoreDialogs.button(report, "Restore again"));
        DialogPane again = dialogs().plan();
        assertEquals(Format.count(FILES - complete, "file"), RestoreDialogs.text(again, "plan-to-write").split(" \\(")[0], "only what is missing");
        assertEquals(Format.count(complete, "file") + " (skipped)", RestoreDialogs.text(again, "plan-already-identical"));
        robot.clickOn(RestoreDialogs.restore(again));
        DialogPane done = dialogs().report();
        assertEquals("Restore finished", RestoreDialogs.title(done));
        assertEquals(Format.count(FILES - complete, "file") + " (" + Format.bytes((long) (FILES - complete) << 20) + ")",
                RestoreDialogs.text(done, "report-written"));
        assertTrue(RestoreDialogs.text(done, "report-identical").startsWith(Format.count(complete, "file")), RestoreDialogs.text(done, "report-identical"));
        assertEquals("0 entries", RestoreDialogs.text(done, "report-refused"));
        assertEquals(FILES, RestoreChecks.assertNoPartialFiles(target0, expected));
        RestoreChecks.assertNoTempFiles(target0);

        robot.clickOn(RestoreDialogs.button(done, "Open folder"));
        WindowDriver.waitUntil("the folder is opened", () -> opened.contains(target0.toAbsolutePath()));
        WindowDriver.waitUntil("the report is closed", () -> !dialogs().reportShown());
    }

    /**
     * Presses Cancel on the task row titled {@code title} (the button's own action, as a click
     * runs it) on the FX thread at the first progress past 2% of its bytes, once the row is there.
     */
    private void pressCancelOnceUnderWay(String title) {
        WindowDriver.onFx(() -> ui.tasks().getChildren().addListener(new ListChangeListener<Node>() {
            @Override
            public void onChanged(Change<? extends Node> c) {
                for (Node row : List.copyOf(ui.tasks().getChildren())) {
                    // a row: its title, bar and Cancel on one line, its message below
                    if (row.lookupAll(".label").stream().anyMatch(l -> l instanceof Label t && title.equals(t.getText()))) {
                        ui.tasks().getChildren().removeListener(this);
                        ProgressBar bar = (ProgressBar) row.lookup(".progress-bar");
                        Button cancel = (Button) row.lookupAll(".button").stream().filter(b -> b instanceof Button x && "Cancel".equals(x.getText()))
                                .findFirst().orElseThrow();
                        if (bar.getProgress() >= 0.02) {
                            cancel.fire();
                        } else {
                            bar.progressProperty().addListener((obs, old, at) -> {
                                if (at.doubleValue() >= 0.02 && !cancel.isDisabled() && row.getParent() != null) {
                                    cancel.fire();
                                }
                            });
                        }
                        return;
                    }
                }
            }
        }));
    }

    @Test
    void aSnapshotIsRestoredWithTheKeyboardAlone() throws Exception {
        Snapshot snapshot = openStore();
        Path target = work.resolve("keys");
        WindowDriver.onFx(() -> window().chooser((owner, title) -> target));
        WindowDriver.onFx(() -> ui.snapshots().snapshotTable().requestFocus());
        WindowDriver.waitUntil("the snapshot table has the focus", () -> ui.snapshots().snapshotTable().isFocused());

        robot.push(KeyCode.SHORTCUT, KeyCode.SHIFT, KeyCode.R);
        DialogPane plan = dialogs().plan();
        assertEquals("Restore " + RestoreFlow.name(snapshot), RestoreDialogs.title(plan));
        robot.push(KeyCode.ENTER);
        DialogPane report = dialogs().report();
        assertEquals("Restore finished", RestoreDialogs.title(report));
        assertEquals(FILES, RestoreChecks.assertNoPartialFiles(target, expected));
        robot.push(KeyCode.ESCAPE);
        WindowDriver.waitUntil("Esc closes the report", () -> !dialogs().reportShown());
        assertTrue(opened.isEmpty(), "nothing opened unasked");
        RestoreChecks.assertNoTempFiles(target);
    }
}

package dev.packinspector.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import javafx.concurrent.Task;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.layout.HBox;
import javafx.util.Duration;
import org.junit.jupiter.api.Test;

/** A long task shows a row with Cancel, then a note of how it ended; quick tasks only reach the status line. */
class TaskPanelTest extends MainWindowTestBase {
    @Test
    void aShownTaskEndsWithANoteOfItsOutcomeThatCanBeDismissed() throws Exception {
        var release = new CountDownLatch(1);
        TaskPanel panel = window().tasks();
        WindowDriver.onFx(() -> panel.showAfter(Duration.ZERO));
        Task<String> task = WindowDriver.onFx(() -> panel.run(new Task<String>() {
            {
                updateTitle("Counting sheep");
            }

            @Override
            protected String call() throws Exception {
                release.await();
                return "42 sheep";
            }
        }, n -> "Counted " + n));
        WindowDriver.waitUntil("the row is shown", () -> texts(panel).contains("Counting sheep") && texts(panel).contains("Cancel"));

        release.countDown();
        WindowDriver.await(task);

        WindowDriver.waitUntil("the note replaces the row", () -> texts(panel).contains("Counted 42 sheep"));
        assertTrue(texts(panel).contains("✓"), texts(panel)::toString);
        assertFalse(panel.busy());
        assertEquals("Counted 42 sheep", ui.status());
        Button dismiss = WindowDriver.onFx(() -> (Button) ((HBox) panel.getChildren().getFirst()).getChildren().getLast());
        WindowDriver.onFx(dismiss::fire);
        assertTrue(WindowDriver.onFx(() -> panel.getChildren().isEmpty()));
        assertFalse(WindowDriver.onFx(panel::isVisible), "an empty panel is hidden");
    }

    @Test
    void aTaskThatFoundTroubleEndsWithAWarningNotATick() {
        TaskPanel panel = window().tasks();
        WindowDriver.onFx(() -> panel.showAfter(Duration.ZERO));
        var release = new CountDownLatch(1);
        WindowDriver.onFx(() -> panel.run(new Task<Integer>() {
            @Override
            protected Integer call() throws Exception {
                release.await();
                return 3;
            }
        }, n -> "Verify: " + n + " problems found", n -> n == 0));
        WindowDriver.waitUntil("the row is shown", () -> texts(panel).contains("Cancel"));
        release.countDown();
        WindowDriver.waitUntil("the note says it found trouble", () -> texts(panel).contains("Verify: 3 problems found"));
        assertTrue(texts(panel).contains("!"), texts(panel)::toString);
        assertFalse(texts(panel).contains("✓"), texts(panel)::toString);
    }

    @Test
    void aFailedTaskEndsWithANoteInOneSentence() {
        TaskPanel panel = window().tasks();
        WindowDriver.onFx(() -> panel.showAfter(Duration.ZERO));
        var release = new CountDownLatch(1);
        WindowDriver.onFx(() -> panel.run(new Task<String>() {
            {
                updateTitle("Reading the moon");
            }

            @Override
            protected String call() throws Exception {
                release.await();
                throw new java.io.IOException("the moon is not a store");
            }
        }, s -> s));
        WindowDriver.waitUntil("the row is shown", () -> texts(panel).contains("Reading the moon"));
        release.countDown();
        WindowDriver.waitUntil("the failure is noted", () -> texts(panel).contains("✗"));
        assertTrue(texts(panel).contains("Reading the moon failed: the moon is not a store"), texts(panel)::toString);
    }

    @Test
    void aQuickTaskNeverShowsARow() {
        TaskPanel panel = window().tasks();
        Task<String> task = WindowDriver.onFx(() -> panel.run(new Task<String>() {
            @Override
            protected String call() {
                return "done";
            }
        }, s -> "Quick: " + s));
        WindowDriver.await(task);
        WindowDriver.waitUntil("the outcome is in the status line", () -> window().status().text().equals("Quick: done"));
        assertTrue(WindowDriver.onFx(() -> panel.getChildren().isEmpty()), "no row, no note");
    }

    @Test
    void aQuietTaskShowsWhileSlowButReportsOnlyAFailure() throws Exception {
        TaskPanel panel = window().tasks();
        WindowDriver.onFx(() -> panel.showAfter(Duration.ZERO));
        WindowDriver.onFx(() -> window().status().info("before"));
        var release = new CountDownLatch(1);
        Task<Boolean> quiet = WindowDriver.onFx(() -> panel.runQuietly(new Task<Boolean>() {
            {
                updateTitle("Checking big.bin");
            }

            @Override
            protected Boolean call() throws Exception {
                release.await();
                return true;
            }
        }));
        WindowDriver.waitUntil("its row is shown, with Cancel", () -> texts(panel).contains("Checking big.bin") && texts(panel).contains("Cancel"));
        release.countDown();
        WindowDriver.await(quiet);
        WindowDriver.waitUntil("it ends without a note", () -> panel.getChildren().isEmpty());
        assertEquals("before", ui.status(), "success is not reported");

        var cancelled = WindowDriver.onFx(() -> panel.runQuietly(new Task<Boolean>() {
            @Override
            protected Boolean call() throws Exception {
                new CountDownLatch(1).await();
                return true;
            }
        }));
        WindowDriver.onFx(() -> cancelled.cancel());
        WindowDriver.waitUntil("the cancelled one is gone", () -> panel.getChildren().isEmpty() && !panel.busy());
        assertEquals("before", ui.status(), "nor is a cancellation (a newer selection cancels it)");

        WindowDriver.onFx(() -> panel.runQuietly(new Task<Boolean>() {
            {
                updateTitle("Checking bad.bin");
            }

            @Override
            protected Boolean call() throws Exception {
                throw new java.io.IOException("object 1234 decodes to content whose XXH3-128 is 5678");
            }
        }));
        WindowDriver.waitUntil("a failure is reported", () -> ui.status().startsWith("Checking bad.bin failed: object 1234"));
    }

    /** Every text the panel shows (labels and buttons). */
    private static List<String> texts(TaskPanel panel) {
        return WindowDriver.onFx(() -> panel.lookupAll("*").stream().filter(n -> n instanceof Labeled).map(n -> ((Labeled) n).getText())
                .filter(t -> t != null).toList());
    }
}

package dev.packinspector.app.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import javafx.concurrent.Task;
import javafx.concurrent.Worker;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.layout.HBox;
import javafx.util.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The task helper: a long job shows a row with Cancel, then a note of how it ended; quick jobs
 * only reach the status line; quiet jobs report only a failure nobody handled; a job superseded in
 * its slot never delivers, even when it ends last; a result nobody takes is closed.
 */
class TasksTest {
    private StatusLine status;
    private Tasks tasks;

    @BeforeAll
    static void toolkit() throws TimeoutException {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void start() {
        status = fx(StatusLine::new);
        tasks = fx(() -> new Tasks(status));
    }

    @AfterEach
    void stop() {
        run(tasks::close);
    }

    @Test
    void aShownJobEndsWithANoteOfItsOutcomeThatCanBeDismissed() {
        var release = new CountDownLatch(1);
        TaskPanel panel = tasks.panel();
        run(() -> panel.showAfter(Duration.ZERO));
        Task<String> task = fx(() -> tasks.job("Counting sheep", p -> {
            release.await();
            return "42 sheep";
        }).report(n -> "Counted " + n).run());
        waitUntil("the row is shown", () -> texts(panel).contains("Counting sheep") && texts(panel).contains("Cancel"));

        release.countDown();
        assertEquals(Worker.State.SUCCEEDED, end(task));
        waitUntil("the note replaces the row", () -> texts(panel).contains("Counted 42 sheep"));
        assertTrue(texts(panel).contains("✓"), texts(panel)::toString);
        assertFalse(fx(tasks::busy));
        assertEquals("Counted 42 sheep", fx(status::text));
        Button dismiss = fx(() -> (Button) ((HBox) panel.getChildren().getFirst()).getChildren().getLast());
        run(dismiss::fire);
        assertTrue(fx(() -> panel.getChildren().isEmpty()));
        assertFalse(fx(panel::isVisible), "an empty panel is hidden");
    }

    @Test
    void aJobThatFoundTroubleEndsWithAWarningNotATick() {
        TaskPanel panel = tasks.panel();
        run(() -> panel.showAfter(Duration.ZERO));
        var release = new CountDownLatch(1);
        fx(() -> tasks.job("Verifying", p -> {
            release.await();
            return 3;
        }).report(n -> "Verify: " + n + " problems found", n -> n == 0).run());
        waitUntil("the row is shown", () -> texts(panel).contains("Cancel"));
        release.countDown();
        waitUntil("the note says it found trouble", () -> texts(panel).contains("Verify: 3 problems found"));
        assertTrue(texts(panel).contains("!"), texts(panel)::toString);
        assertFalse(texts(panel).contains("✓"), texts(panel)::toString);
    }

    @Test
    void anUnhandledFailureEndsWithANoteInOneSentence() {
        TaskPanel panel = tasks.panel();
        run(() -> panel.showAfter(Duration.ZERO));
        var release = new CountDownLatch(1);
        fx(() -> tasks.job("Reading the moon", p -> {
            release.await();
            throw new IOException("the moon is not a store");
        }).run());
        waitUntil("the row is shown", () -> texts(panel).contains("Reading the moon"));
        release.countDown();
        waitUntil("the failure is noted", () -> texts(panel).contains("✗"));
        assertTrue(texts(panel).contains("Reading the moon failed: the moon is not a store"), texts(panel)::toString);
    }

    @Test
    void aHandledFailureGoesToItsHandlerByTypeAndIsNotReported() {
        run(() -> status.info("before"));
        var handled = new ArrayList<String>();
        var finished = new AtomicInteger();
        Task<String> task = fx(() -> tasks.<String>job("Reading", p -> {
            throw new IOException("gone");
        }).onError(IllegalStateException.class, e -> handled.add("state")).onError(IOException.class, e -> handled.add("io: " + e.getMessage()))
                .andFinally(finished::incrementAndGet).run());
        assertEquals(Worker.State.FAILED, end(task));
        waitUntil("the handler ran", () -> finished.get() == 1);
        assertEquals(List.of("io: gone"), fx(() -> List.copyOf(handled)));
        assertEquals("before", fx(status::text), "a handled failure is not reported");
    }

    @Test
    void aQuickJobNeverShowsARow() {
        Task<String> task = fx(() -> tasks.job("Quick", p -> "done").report(s -> "Quick: " + s).run());
        end(task);
        waitUntil("the outcome is in the status line", () -> status.text().equals("Quick: done"));
        assertTrue(fx(() -> tasks.panel().getChildren().isEmpty()), "no row, no note");
    }

    @Test
    void aQuietJobShowsWhileSlowButReportsOnlyAFailure() {
        TaskPanel panel = tasks.panel();
        run(() -> panel.showAfter(Duration.ZERO));
        run(() -> status.info("before"));
        var release = new CountDownLatch(1);
        Task<Boolean> quiet = fx(() -> tasks.job("Checking big.bin", p -> {
            release.await();
            return true;
        }).quiet().run());
        waitUntil("its row is shown, with Cancel", () -> texts(panel).contains("Checking big.bin") && texts(panel).contains("Cancel"));
        release.countDown();
        end(quiet);
        waitUntil("it ends without a note", () -> panel.getChildren().isEmpty());
        assertEquals("before", fx(status::text), "success is not reported");

        Task<Boolean> cancelled = fx(() -> tasks.job("Waiting", p -> {
            new CountDownLatch(1).await();
            return true;
        }).quiet().run());
        run(() -> cancelled.cancel());
        waitUntil("the cancelled one is gone", () -> panel.getChildren().isEmpty() && !tasks.busy());
        assertEquals("before", fx(status::text), "nor is a cancellation (a newer selection cancels it)");

        fx(() -> tasks.<Boolean>job("Checking bad.bin", p -> {
            throw new IOException("object 1234 decodes to content whose XXH3-128 is 5678");
        }).quiet().run());
        waitUntil("a failure is reported", () -> status.text().startsWith("Checking bad.bin failed: object 1234"));
    }

    @Test
    void aJobSupersededInItsSlotNeverDeliversEvenWhenItEndsLast() {
        var slot = new Tasks.Latest();
        var older = new CountDownLatch(1);
        var shown = new ArrayList<String>();
        Task<String> first = fx(() -> tasks.job("First", p -> {
            // ignores cancellation, as slow work between its checks does
            while (true) {
                try {
                    older.await();
                    return "first";
                } catch (InterruptedException e) {
                    // keep going: its result must be dropped anyway
                }
            }
        }).quiet().in(slot).onSuccess(shown::add).run());
        Task<String> second = fx(() -> tasks.job("Second", p -> "second").quiet().in(slot).onSuccess(shown::add).run());
        assertEquals(Worker.State.SUCCEEDED, end(second));
        assertEquals(Worker.State.CANCELLED, end(first), "the older job was cancelled when the newer came");
        older.countDown();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("second"), fx(() -> List.copyOf(shown)));
        assertFalse(fx(slot::running));
    }

    @Test
    void jobsAlongsideEachOtherEndTogetherWhenTheirSlotIsCancelled() {
        var slot = new Tasks.Latest();
        var cancels = new AtomicInteger();
        var started = new ArrayList<Task<Boolean>>();
        for (int i = 0; i < 2; i++) {
            started.add(fx(() -> tasks.job("Loading", p -> {
                new CountDownLatch(1).await();
                return true;
            }).quiet().alongside(slot).onCancel(cancels::incrementAndGet).run()));
        }
        assertTrue(fx(slot::running));
        run(slot::cancel);
        started.forEach(t -> assertEquals(Worker.State.CANCELLED, end(t)));
        assertEquals(2, cancels.get());
    }

    @Test
    void aResultThatArrivesAfterItsJobWasCancelledIsClosed() throws InterruptedException {
        var slot = new Tasks.Latest();
        var started = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var closed = new CountDownLatch(1);
        Task<AutoCloseable> task = fx(() -> tasks.job("Opening", p -> {
            started.countDown();
            while (release.getCount() > 0) {
                try {
                    release.await(); // cancelled: interrupted, and goes on to open anyway
                } catch (InterruptedException e) {
                    // as a slow open does
                }
            }
            return (AutoCloseable) closed::countDown;
        }).in(slot).discard(r -> {
            try {
                r.close();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }).run());
        assertTrue(started.await(10, TimeUnit.SECONDS));
        run(slot::cancel);
        assertEquals(Worker.State.CANCELLED, end(task));
        release.countDown();
        assertTrue(closed.await(10, TimeUnit.SECONDS), "the result nobody took was closed");
    }

    private static Worker.State end(Task<?> task) {
        waitUntil("the job ends", task::isDone);
        return fx(task::getState);
    }

    private static List<String> texts(TaskPanel panel) {
        return fx(() -> panel.lookupAll("*").stream().filter(n -> n instanceof Labeled).map(n -> ((Labeled) n).getText())
                .filter(t -> t != null).toList());
    }

    private static void waitUntil(String what, BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(condition::getAsBoolean));
        } catch (TimeoutException e) {
            throw new AssertionError("gave up waiting until " + what);
        }
    }

    private static <T> T fx(Callable<T> work) {
        try {
            return WaitForAsyncUtils.asyncFx(work).get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError(e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError(e);
        }
    }

    private static void run(Runnable work) {
        fx(() -> {
            work.run();
            return null;
        });
    }
}

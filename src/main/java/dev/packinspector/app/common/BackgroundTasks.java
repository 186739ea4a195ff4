package dev.packinspector.app.common;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.concurrent.Task;

/**
 * The one executor every background task of the window runs on: daemon threads, named, with an
 * uncaught-exception handler, shut down when the window closes.
 */
final class BackgroundTasks implements AutoCloseable {
    private final AtomicInteger count = new AtomicInteger();
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "pack-inspector-task-" + count.incrementAndGet());
        t.setDaemon(true);
        t.setUncaughtExceptionHandler((thread, e) -> System.err.println("pack-inspector: " + thread.getName() + ": " + e));
        return t;
    });

    /**
     * Workers for restores and verifies started from the window: one fewer than the cores, at
     * least one, so the window keeps a core. Measured on 2 cores during a 1 GiB restore: with both
     * cores restoring, pulses stalled up to 60-90 ms; with one, they kept to one frame (17 ms).
     * The command line uses every core.
     */
    static int workers() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
    }

    /** Runs {@code task}; once the window has closed, cancels it instead (a timer may still fire late). */
    <T> Task<T> submit(Task<T> task) {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            task.cancel();
        }
        return task;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}

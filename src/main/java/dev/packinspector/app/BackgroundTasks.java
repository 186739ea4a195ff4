package dev.packinspector.app;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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

    <T> Task<T> submit(Task<T> task) {
        executor.execute(task);
        return task;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}

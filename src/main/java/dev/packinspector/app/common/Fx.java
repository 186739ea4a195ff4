package dev.packinspector.app.common;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;

/**
 * For code that drives the window from another thread (the self-test, the screenshot tour, the
 * UI benchmark): run something on the FX thread and wait for it, or wait until the window shows
 * something. Never call these on the FX thread.
 */
public final class Fx {
    private Fx() {
    }

    /** Runs {@code action} on the FX thread and returns its result (its exception, if it throws). */
    public static <T> T call(Callable<T> action, long timeoutSeconds) throws Exception {
        var result = new CompletableFuture<T>();
        Platform.runLater(() -> {
            try {
                result.complete(action.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(timeoutSeconds, TimeUnit.SECONDS);
    }

    /** Polls {@code condition} on the FX thread until it holds; fails naming {@code what} after the timeout. */
    public static void waitFor(String what, BooleanSupplier condition, long timeoutSeconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (!call(condition::getAsBoolean, timeoutSeconds)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up waiting for " + what);
            }
            Thread.sleep(5);
        }
    }
}

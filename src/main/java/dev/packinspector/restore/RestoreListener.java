package dev.packinspector.restore;

/**
 * Hears how a restore or verification goes. {@link #progress} comes from the thread that called
 * {@code run}, at most every 100 ms and once at the end; {@link #problem} and {@link #written} may come from
 * any worker thread, so implementations must be thread-safe and quick.
 */
public interface RestoreListener {
    RestoreListener NONE = new RestoreListener() {
    };

    default void progress(Progress progress) {
    }

    default void problem(RestoreProblem problem) {
    }

    /** A file or link is in place under its final name; comes from a worker thread. */
    default void written(String path, long bytes) {
    }

    /** A problem {@code verify} found; may come from any worker thread. */
    default void finding(Finding finding) {
    }
}

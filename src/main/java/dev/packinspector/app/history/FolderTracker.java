package dev.packinspector.app.history;

import dev.packinspector.app.common.Tasks;
import dev.packinspector.app.session.StoreSession;
import dev.packinspector.catalog.Catalog;
import dev.packinspector.catalog.ManifestEntry;
import dev.packinspector.catalog.Snapshot;
import dev.packinspector.history.SnapshotDiff;
import dev.packinspector.restore.SnapshotFiles;
import dev.packinspector.store.tree.StatCache;
import dev.packinspector.workspace.ChkptRules;
import dev.packinspector.workspace.FolderRows;
import dev.packinspector.workspace.FolderWatch;
import dev.packinspector.workspace.WorkspaceStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.util.Duration;

/**
 * A workspace folder against one snapshot of the open store, kept current for the Workspace view:
 * scanned whole once ({@link FolderRows}, a task that can be cancelled), then watched
 * ({@link FolderWatch}); what the watch reports is rescanned a moment after it settles, folder by
 * folder, one rescan at a time (a rescan is never interrupted: its rows are the next one's start).
 * Each result goes to the view as a {@link Status}. FX thread only.
 */
final class FolderTracker {
    /** What is compared: the store, its folder, the snapshot. */
    record Key(StoreSession session, Path folder, Snapshot snapshot) {
    }

    /**
     * The comparison as it stands: the diff from the snapshot to the folder, the snapshot's rows
     * and the folder's, chkpt's rules for it, how long the last scan took and whether the folder is
     * watched. {@code rows} holds the folder's rows as the scan left them, to plan a rollback from.
     */
    record Status(Key key, SnapshotDiff diff, List<ManifestEntry> files, List<ManifestEntry> rows, ChkptRules rules, long scanNanos,
            boolean watched, boolean whole) {
    }

    /** A whole scan's result, with the watch it started (closed if the result comes too late). */
    private record Scanned(FolderRows rows, FolderWatch watch, List<ManifestEntry> files, ChkptRules rules, SnapshotDiff diff, long nanos)
            implements AutoCloseable {
        @Override
        public void close() {
            if (watch != null) {
                watch.close();
            }
        }
    }

    private final Tasks tasks;
    private final Consumer<Status> shown;
    private final Consumer<String> failed;
    private final Tasks.Latest whole = new Tasks.Latest();
    private final PauseTransition settle = new PauseTransition(Duration.millis(80));
    private Key key;
    /** Bumped with each new key: results and events of an older one are dropped. */
    private int generation;
    private Scanned current;
    private boolean rescanning;
    private final Set<Path> pending = new LinkedHashSet<>();
    private boolean pendingAll;

    /** A tracker that gives each status to {@code shown}, or the sentence of what went wrong to {@code failed}. */
    FolderTracker(Tasks tasks, Consumer<Status> shown, Consumer<String> failed) {
        this.tasks = tasks;
        this.shown = shown;
        this.failed = failed;
        settle.setOnFinished(e -> flush());
    }

    /** Compares {@code folder} with {@code snapshot} of {@code session} (any null: nothing), unless that is what it compares already. */
    void track(StoreSession session, Path folder, Snapshot snapshot) {
        var next = session == null || folder == null || snapshot == null ? null : new Key(session, folder, snapshot);
        if (next != null && next.equals(key)) {
            return;
        }
        stop();
        key = next;
        if (key != null) {
            scanWhole(key);
        }
    }

    /** Stops watching and forgets the folder. */
    void stop() {
        generation++;
        whole.cancel();
        settle.stop();
        pending.clear();
        pendingAll = false;
        rescanning = false;
        if (current != null) {
            current.close();
            current = null;
        }
        key = null;
    }

    /** Scans the folder again, whole (what has not changed since is not hashed again). */
    void rescanAll() {
        if (current == null) {
            if (key != null && !whole.running()) {
                scanWhole(key);
            }
            return;
        }
        pendingAll = true;
        flush();
    }

    /** True while nothing is known of the folder yet: the first scan runs. */
    boolean firstScanRunning() {
        return current == null && whole.running();
    }

    private void scanWhole(Key k) {
        int at = generation;
        StoreSession s = k.session();
        tasks.job("Scanning " + k.folder().getFileName(), s.holding(p -> {
            long start = System.nanoTime();
            if (!Files.isDirectory(k.folder())) {
                throw new java.io.FileNotFoundException(k.folder() + " is not a folder (any more)");
            }
            Catalog catalog = s.catalog().orElseThrow(() -> new IllegalStateException("the store has no catalog"));
            List<ManifestEntry> files = SnapshotFiles.of(catalog, s.trees(), k.snapshot());
            ChkptRules rules = WorkspaceStatus.rules(k.folder(), files);
            FolderRows rows = FolderRows.scan(k.folder(), rules, StatCache.of(s.path()));
            SnapshotDiff diff = WorkspaceStatus.between(k.snapshot(), files, k.folder(), rows.rows());
            long nanos = System.nanoTime() - start;
            FolderWatch watch = FolderWatch.of(rows.folders(), listener(at));
            return new Scanned(rows, watch, files, rules, diff, nanos);
        })).message(k.folder().toString()).in(whole).discard(Scanned::close).onSuccess(done -> {
            if (at != generation) {
                done.close();
                return;
            }
            current = done;
            shown.accept(new Status(k, done.diff(), done.files(), done.rows().rows(), done.rules(), done.nanos(), done.watch() != null, true));
            flush();
        }).onError(Exception.class, e -> {
            if (at == generation) {
                failed.accept(dev.packinspector.Errors.sentence(e));
            }
        }).run();
    }

    private FolderWatch.Listener listener(int at) {
        return new FolderWatch.Listener() {
            @Override
            public void changed(Path folder) {
                Platform.runLater(() -> heard(at, folder));
            }

            @Override
            public void overflowed() {
                Platform.runLater(() -> heard(at, null));
            }
        };
    }

    private void heard(int at, Path folder) {
        if (at != generation) {
            return;
        }
        if (folder == null) {
            pendingAll = true;
        } else {
            pending.add(folder);
        }
        settle.playFromStart();
    }

    /** Starts a rescan of what is pending, unless one runs (it starts the next when it ends). */
    private void flush() {
        if (rescanning || current == null || pending.isEmpty() && !pendingAll) {
            return;
        }
        Scanned on = current;
        Key k = key;
        int at = generation;
        boolean all = pendingAll;
        var folders = new ArrayList<>(pending);
        pending.clear();
        pendingAll = false;
        rescanning = true;
        tasks.job("Rescanning " + k.folder().getFileName(), p -> {
            long start = System.nanoTime();
            if (all) {
                on.rows().scanAll();
            } else {
                on.rows().rescan(folders);
            }
            if (on.watch() != null) {
                on.watch().add(on.rows().folders());
            }
            List<ManifestEntry> now = on.rows().rows();
            return new Status(k, WorkspaceStatus.between(k.snapshot(), on.files(), k.folder(), now), on.files(), now, on.rules(),
                    System.nanoTime() - start, on.watch() != null, all);
        }).quiet().onSuccess(status -> {
            if (at == generation) {
                shown.accept(status);
            }
        }).onError(Exception.class, e -> {
            if (at == generation) {
                failed.accept(dev.packinspector.Errors.sentence(e));
            }
        }).andFinally(() -> {
            if (at == generation) {
                rescanning = false;
                flush();
            }
        }).run();
    }
}

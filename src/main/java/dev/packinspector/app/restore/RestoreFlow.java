package dev.packinspector.app.restore;

import dev.packinspector.app.common.FolderChooser;
import dev.packinspector.app.common.Format;
import dev.packinspector.app.common.SaveChooser;
import dev.packinspector.app.common.Tasks;
import dev.packinspector.app.session.StoreSession;
import dev.packinspector.catalog.ManifestEntry;
import dev.packinspector.catalog.Snapshot;
import dev.packinspector.restore.ArchiveExporter;
import dev.packinspector.restore.FreeSpace;
import dev.packinspector.restore.PlanExport;
import dev.packinspector.restore.Progress;
import dev.packinspector.restore.RestoreItem;
import dev.packinspector.restore.RestoreItems;
import dev.packinspector.restore.RestoreListener;
import dev.packinspector.restore.RestorePlan;
import dev.packinspector.restore.RestorePlanner;
import dev.packinspector.restore.RestoreResult;
import dev.packinspector.restore.Restorer;
import dev.packinspector.restore.SavedFiles;
import dev.packinspector.restore.SnapshotFiles;
import dev.packinspector.store.ObjectId;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javafx.concurrent.Task;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/**
 * Restoring from the window: choose a folder, plan in the background, show the plan (every file
 * with what will happen to it, the room on the target's disk, where the files land), then restore
 * as a task with progress, throughput, ETA and Cancel, and end with a report (what was written,
 * kept and refused, Open folder). Exporting is restoring into a zip or tar archive: asks where,
 * then writes it the same way. Each dialog names what it restores: a snapshot by its time and
 * message, a selection by its files and snapshot.
 */
public final class RestoreFlow {
    public static final ButtonType RESTORE = new ButtonType("Restore", ButtonBar.ButtonData.OK_DONE);

    /** What the flow asks of the window. */
    @FunctionalInterface
    public interface Actions {
        /** Shows {@code folder} in the system's file manager. */
        void openFolder(Path folder);
    }

    /** The items to restore, worked out off the FX thread (a snapshot's manifest is read there). */
    @FunctionalInterface
    private interface Items {
        List<RestoreItem> get() throws Exception;
    }

    private final Tasks tasks;
    private final Window owner;
    private Actions actions;
    private FolderChooser chooser = FolderChooser.system();
    private SaveChooser saveChooser = SaveChooser.system();
    private FreeSpace freeSpace = FreeSpace.SYSTEM;

    /** Dialogs belong to {@code owner}; {@code actions} opens a restored folder. */
    public RestoreFlow(Tasks tasks, Window owner, Actions actions) {
        this.tasks = tasks;
        this.owner = owner;
        this.actions = actions;
    }

    public void chooser(FolderChooser c) {
        this.chooser = c;
    }

    public void saveChooser(SaveChooser c) {
        this.saveChooser = c;
    }

    /** Replaces what opens a folder (tests watch it). */
    public void actions(Actions a) {
        this.actions = a;
    }

    /** Replaces where plans learn the room on the target's disk (tests plan against a "full" one). */
    public void freeSpace(FreeSpace f) {
        this.freeSpace = f;
    }

    /** "snapshot 2026-12-01 14:03:07 · before refactor": a snapshot as its user knows it. */
    public static String name(Snapshot s) {
        return "snapshot " + Format.snapshot(s);
    }

    /** "src/main.rs from snapshot …", "12 files of snapshot …": a selection of {@code snapshot}'s files. */
    public static String name(Snapshot s, List<ManifestEntry> entries) {
        return entries.size() == 1 ? entries.getFirst().path() + " from " + name(s) : Format.count(entries.size(), "file") + " of " + name(s);
    }

    /** Asks for a folder, then restores the whole of {@code snapshot} into it (after confirming the plan). */
    public void restoreSnapshot(StoreSession session, Snapshot snapshot) {
        Path target = chooser.choose(owner, "Restore " + name(snapshot) + " into…");
        if (target != null) {
            plan(session, session.hold(), name(snapshot), () -> RestoreItems.of(manifest(session, snapshot)), target);
        }
    }

    /** Asks for a folder, then restores {@code entries} of {@code snapshot} into it (after confirming the plan). */
    public void restoreFiles(StoreSession session, Snapshot snapshot, List<ManifestEntry> entries) {
        if (!entries.isEmpty()) {
            restore(session, name(snapshot, entries), RestoreItems.of(entries));
        }
    }

    /** Restores {@code entries} of {@code snapshot} into {@code folder} (a folder dropped on the window), after confirming the plan. */
    public void restoreFilesInto(StoreSession session, Snapshot snapshot, List<ManifestEntry> entries, Path folder) {
        restoreTo(session, name(snapshot, entries), RestoreItems.of(entries), folder);
    }

    /** Asks for a folder, then restores objects {@code ids} into it as files named by their ids. */
    public void restoreObjects(StoreSession session, List<ObjectId> ids) {
        if (!ids.isEmpty()) {
            restore(session, ids.size() == 1 ? "object " + ids.getFirst().shortHex(12) : Format.count(ids.size(), "object"), RestoreItems.objects(ids));
        }
    }

    /** Asks for a target folder, then plans and confirms. */
    public void restore(StoreSession session, String what, List<RestoreItem> items) {
        Path target = chooser.choose(owner, "Restore " + what + " into…");
        if (target != null) {
            restoreTo(session, what, items, target);
        }
    }

    /** Plans restoring {@code items} into {@code target} and asks before writing anything. */
    public void restoreTo(StoreSession session, String what, List<RestoreItem> items, Path target) {
        plan(session, session.hold(), what, () -> items, target);
    }

    /** Plans with {@code hold} on the store (released if no restore follows), then shows the plan. */
    private void plan(StoreSession session, StoreSession.Hold hold, String what, Items items, Path target) {
        // the plan dialog is the outcome: no note, no status message
        // the store stays open from planning to the restore's end, though the window moves on to another
        var planned = new AtomicBoolean();
        FreeSpace room = freeSpace;
        tasks.job("Planning the restore of " + what, p -> {
            List<RestoreItem> all = items.get();
            return new FileOutcomes.Planned[] {FileOutcomes.Planned.of(RestorePlanner.plan(session.packs(), all, target, false, room)),
                FileOutcomes.Planned.of(RestorePlanner.plan(session.packs(), all, target, true, room))};
        }).onSuccess(plans -> {
            planned.set(true);
            PlanDialog.show(owner, what, plans[0], plans[1], new PlanDialog.Answers() {
                @Override
                public void restore(RestorePlan plan) {
                    run(session, hold, what, plan);
                }

                @Override
                public void save(RestorePlan plan) {
                    savePlan(plan);
                }

                @Override
                public void cancel() {
                    hold.close();
                }
            });
        }).andFinally(() -> {
            if (!planned.get()) {
                hold.close(); // failed (and said why) or cancelled: nothing goes on to use the store
            }
        }).run();
    }

    private static List<ManifestEntry> manifest(StoreSession session, Snapshot snapshot) throws Exception {
        if (session.catalog().isEmpty()) {
            throw new IllegalArgumentException("this store has no catalog, so it has no snapshot to restore");
        }
        return SnapshotFiles.of(session.catalog().get(), session.trees(), snapshot);
    }

    /** Asks where, then writes {@code plan} as JSON (a .json name) or CSV. */
    private void savePlan(RestorePlan plan) {
        Path file = saveChooser.choose(owner, "Save the restore plan", "restore-plan.csv", "CSV", "*.csv", "JSON", "*.json");
        if (file == null) {
            return;
        }
        tasks.job("Saving the plan", p -> {
            SavedFiles.write(file, out -> {
                if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")) {
                    PlanExport.json(plan, out);
                } else {
                    PlanExport.csv(plan, new OutputStreamWriter(out, StandardCharsets.UTF_8));
                }
            });
            return file;
        }).report(f -> "Plan saved to " + f).run();
    }

    /** Runs a plan of {@code session}'s as a task with a row in the task panel; the store stays open until it ends. */
    public Task<RestoreResult> run(StoreSession session, String what, RestorePlan plan) {
        return run(session, session.hold(), what, plan);
    }

    private Task<RestoreResult> run(StoreSession session, StoreSession.Hold hold, String what, RestorePlan plan) {
        var restorer = new Restorer(Tasks.workers());
        Set<String> written = ConcurrentHashMap.newKeySet();
        var ended = new CompletableFuture<RestoreResult>();
        var outcomes = new AtomicReference<List<FileOutcomes.Row>>();
        return tasks.job("Restoring " + what, StoreSession.holding(hold, p -> {
            try {
                RestoreResult r = restorer.run(plan, new RestoreListener() {
                    @Override
                    public void progress(Progress at) {
                        p.progress(at.bytesDone(), at.bytesTotal());
                        p.message(String.format("%s / %s · %s/s · ETA %s", Format.count(at.filesDone()), Format.count(at.filesTotal(), "file"),
                                Format.bytes((long) at.bytesPerSecond()), Format.duration(at.remainingNanos())));
                    }

                    @Override
                    public void written(String path, long bytes) {
                        written.add(path);
                    }
                });
                ended.complete(r);
                outcomes.set(FileOutcomes.done(plan, r, written));
                return r;
            } catch (Exception | Error e) {
                ended.completeExceptionally(e);
                throw e;
            }
        })).onCancel(() -> {
            restorer.cancel();
            reportCancelled(session, what, plan, written, ended);
        }).onSuccess(r -> {
            // files that failed (a full disk, a folder not writable) or were kept can be tried again once the cause is dealt with
            Again again = RestoreReport.failed(plan, r) > 0 || r.conflictsKept() > 0 ? again(session, what, plan) : null;
            RestoreReport.restored(owner, what, plan, r, outcomes.get(), again != null, answers(again));
        })
                .report(r -> RestoreReport.sentence(what, plan, r), r -> r.problems().isEmpty() && r.conflictsKept() == 0)
                .run();
    }

    /**
     * The task ends as Cancel is pressed, its workers a little later: the report waits for them, so
     * it counts exactly the files that are complete. Holding the store lets "Restore again" plan anew.
     */
    private void reportCancelled(StoreSession session, String what, RestorePlan plan, Set<String> written, CompletableFuture<RestoreResult> ended) {
        Again again = again(session, what, plan);
        var shown = new AtomicBoolean();
        tasks.job("Stopping the restore of " + what, p -> {
            RestoreResult r = ended.get();
            return new Stopped(r, FileOutcomes.done(plan, r, written));
        }).quiet().onSuccess(s -> {
            shown.set(true);
            RestoreReport.restored(owner, what, plan, s.result(), s.rows(), again != null, answers(again));
        }).onError(Exception.class, e -> {
            // the cancelled restore failed on its way out; the task panel said it was cancelled
        }).report(s -> RestoreReport.sentence(what, plan, s.result()), s -> false).andFinally(() -> {
            if (!shown.get() && again != null) {
                again.hold().close();
            }
        }).run();
    }

    /** How a cancelled restore ended, once its workers stopped. */
    private record Stopped(RestoreResult result, List<FileOutcomes.Row> rows) {
    }

    /** Restoring a plan's files again into its folder, with the store held meanwhile. */
    private record Again(StoreSession session, StoreSession.Hold hold, String what, RestorePlan plan) {
    }

    /** What restoring {@code plan} again needs: the store held until the report is answered; null if the window has closed it. */
    private static Again again(StoreSession session, String what, RestorePlan plan) {
        try {
            return new Again(session, session.hold(), what, plan);
        } catch (IllegalStateException closed) {
            return null; // nothing to restore again from
        }
    }

    private RestoreReport.Answers answers(Again again) {
        return new RestoreReport.Answers() {
            @Override
            public void openFolder(Path folder) {
                actions.openFolder(folder);
            }

            @Override
            public void again() {
                if (again != null) {
                    List<RestoreItem> items = itemsOf(again.plan());
                    plan(again.session(), again.hold(), again.what(), () -> items, again.plan().target());
                }
            }

            @Override
            public void dismissed() {
                if (again != null) {
                    again.hold().close();
                }
            }
        };
    }

    /** The files a plan restores (its refusals would be refused again). */
    private static List<RestoreItem> itemsOf(RestorePlan plan) {
        var items = new ArrayList<RestoreItem>();
        plan.writes().forEach(w -> items.add(w.item()));
        plan.unchanged().forEach(e -> items.add(e.item()));
        plan.conflicts().forEach(e -> items.add(e.item()));
        return items;
    }

    /** Asks for the archive's name and kind, then writes the whole of {@code snapshot} into it. */
    public Task<ArchiveExporter.Result> exportSnapshot(StoreSession session, Snapshot snapshot) {
        return export(session, snapshot, name(snapshot), () -> RestoreItems.of(manifest(session, snapshot)));
    }

    /** Asks for the archive's name and kind, then writes {@code entries} of {@code snapshot} into it. */
    public Task<ArchiveExporter.Result> export(StoreSession session, Snapshot snapshot, List<ManifestEntry> entries) {
        List<RestoreItem> items = RestoreItems.of(entries);
        return entries.isEmpty() ? null : export(session, snapshot, name(snapshot, entries), () -> items);
    }

    private Task<ArchiveExporter.Result> export(StoreSession session, Snapshot snapshot, String what, Items items) {
        Path archive = saveChooser.choose(owner, "Export " + what + " as", "snapshot-" + snapshot.id().substring(0, Math.min(8, snapshot.id().length())) + ".tar",
                "Tar archive (keeps modes and symlinks)", "*.tar", "Gzipped tar archive", "*.tar.gz", "Zip archive", "*.zip");
        if (archive == null) {
            return null;
        }
        // the user already agreed to replace an existing file in the save dialog
        return tasks.job("Exporting " + what, session.holding(p -> {
            List<RestoreItem> all = items.get();
            long total = all.stream().mapToLong(i -> Math.max(0, i.size())).sum();
            return new ArchiveExporter(session.packs(), freeSpace).export(all, archive, true, snapshot.createdInstant().orElseGet(Instant::now), p::isCancelled, n -> {
                p.progress(n, total);
                p.message(Format.bytes(n) + " / " + Format.bytes(total));
            });
        })).onSuccess(r -> RestoreReport.exported(owner, what, r, answers(null)))
                .report(r -> "Exported " + Format.count(r.files(), "file") + " (" + Format.bytes(r.bytes()) + ") to " + r.archive()
                        + (r.refused().isEmpty() ? "" : "; " + r.refused().size() + " left out (see the report)"), r -> r.refused().isEmpty())
                .run();
    }
}

package dev.packinspector.workspace;

import dev.packinspector.Errors;
import dev.packinspector.restore.RestoreItem;
import dev.packinspector.restore.RestoreListener;
import dev.packinspector.restore.RestorePlan;
import dev.packinspector.restore.RestorePlanner;
import dev.packinspector.restore.RestoreProblem;
import dev.packinspector.restore.RestoreResult;
import dev.packinspector.restore.Restorer;
import dev.packinspector.store.PackSet;
import dev.packinspector.store.ProblemKind;
import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Carries out a {@link RollbackPlan} in an order that cannot fail half way: first everything that
 * goes moves to the {@link Trash} (a rename each, so an item is whole in the folder or in the trash);
 * then the restore engine writes what is to be written ({@link Restorer}: a temp file beside each,
 * its content verified against its id, its permissions set, then renamed over the old one, which is
 * first linked into the trash); then permissions are put back; last, folders the trashing emptied,
 * which the snapshot does not have, are removed (they are empty: nothing is lost). Killed at any
 * moment, each file is its old version, its new one, or in the trash, and a second run finishes.
 * The store is only read. One rollback per instance.
 */
public final class Rollback {
    private final Trash trash;
    private final Restorer restorer;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    /** Old versions of replaced files put in the trash. */
    private final AtomicInteger keptCopies = new AtomicInteger();

    /** Hears how a rollback goes; called from the running thread, {@link #written} from workers. */
    public interface Listener extends RestoreListener {
        /** {@code path} (a file, link or folder) is in the trash as {@code item}. */
        default void trashed(String path, Trash.Item item) {
        }
    }

    /**
     * How it ended: what was moved to the trash, how many old versions of replaced files were kept
     * there, the emptied folders removed, what the restore engine did, and every problem on the way.
     */
    public record Result(int trashed, int keptCopies, int foldersRemoved, RestoreResult restore, List<RestoreProblem> problems) {
        public Result {
            problems = List.copyOf(problems);
        }

        public boolean ok() {
            return problems.isEmpty() && !restore.cancelled();
        }

        public boolean cancelled() {
            return restore.cancelled();
        }
    }

    public Rollback(Trash trash, int threads) {
        this.trash = trash;
        this.restorer = new Restorer(threads, file -> {
            if (trash.keepCopy(file) != null) {
                keptCopies.incrementAndGet();
            }
        });
    }

    public void cancel() {
        cancelled.set(true);
        restorer.cancel();
    }

    public Result run(RollbackPlan plan, PackSet packs, Listener listener) throws IOException {
        Path root = plan.workspace();
        var problems = Collections.synchronizedList(new ArrayList<RestoreProblem>());
        for (RollbackPlan.Refusal r : plan.refused()) {
            report(new RestoreProblem(r.path(), null, ProblemKind.UNSAFE_PATH, r.why()), problems, listener);
        }
        var emptied = new TreeSet<String>(Comparator.reverseOrder());
        int trashed = 0;
        for (RollbackPlan.Step step : plan.steps(RollbackPlan.Action.TRASH)) {
            if (cancelled.get() || Thread.currentThread().isInterrupted()) {
                break;
            }
            try {
                Path path = inside(root, step.path());
                Trash.Item item = trash.moveIn(path);
                trashed++;
                listener.trashed(step.path(), item);
                emptied.addAll(RollbackPlanner.ancestors(step.path()));
            } catch (NoSuchFileException e) {
                emptied.addAll(RollbackPlanner.ancestors(step.path())); // gone since the plan: what was asked is done
            } catch (IOException e) {
                report(new RestoreProblem(step.path(), null, ProblemKind.WRITE_FAILED, "cannot move it to the trash, so it is left as it is: "
                        + Errors.sentence(e)), problems, listener);
            }
        }
        var items = new ArrayList<RestoreItem>();
        for (RollbackPlan.Step step : plan.steps()) {
            if (step.action() != RollbackPlan.Action.TRASH) {
                items.add(RestoreItem.of(step.snapshot()));
            }
        }
        RestoreResult restored;
        if (cancelled.get() || Thread.currentThread().isInterrupted()) {
            restored = new RestoreResult(0, 0, 0, 0, 0, List.of(), true, 0);
        } else {
            RestorePlan restore = RestorePlanner.plan(packs, items, root, true);
            restored = restorer.run(restore, listener);
            problems.addAll(restored.problems());
        }
        int removed = restored.cancelled() ? 0 : removeEmptied(root, emptied, plan);
        return new Result(trashed, keptCopies.get(), removed, restored, problems);
    }

    /** {@code path} under the root, refused if a folder on its way is no longer a real folder there (a link swapped in). */
    private static Path inside(Path root, String path) throws IOException {
        Path file = root.resolve(path);
        Path parent = file.getParent();
        if (!parent.toRealPath().equals(parent)) {
            throw new IOException("a folder on its way is now a symlink");
        }
        return file;
    }

    /** Removes the emptied folders (deepest first) that the snapshot does not have and that are empty now; returns how many. */
    private static int removeEmptied(Path root, TreeSet<String> emptied, RollbackPlan plan) {
        var needed = new java.util.HashSet<String>();
        for (RollbackPlan.Step step : plan.steps()) {
            if (step.snapshot() != null) {
                needed.addAll(RollbackPlanner.ancestors(step.snapshot().path()));
            }
        }
        int removed = 0;
        for (String folder : emptied) {
            Path dir = root.resolve(folder);
            if (needed.contains(folder) || !Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            try {
                Files.delete(dir); // only an empty folder can be deleted
                removed++;
            } catch (DirectoryNotEmptyException e) {
                // it holds what the rollback does not touch
            } catch (IOException e) {
                // an empty folder left behind loses nothing
            }
        }
        return removed;
    }

    private static void report(RestoreProblem p, List<RestoreProblem> problems, RestoreListener listener) {
        problems.add(p);
        listener.problem(p);
    }
}

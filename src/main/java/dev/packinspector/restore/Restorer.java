package dev.packinspector.restore;

import dev.packinspector.store.ProblemKind;
import dev.packinspector.store.StoreException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Carries out a {@link RestorePlan} with a pool of worker threads that take files in the
 * store's order. Creates folders once, cleans temp files a killed earlier run left, writes files
 * (see {@link ObjectFileWriter}), then links, then fixes permissions of identical files. A failed
 * entry does not stop the others. {@link #cancel()} (or interrupting the calling thread) stops
 * it between blocks and leaves no temp or partial file. A plan the target has no room for is
 * refused before anything is written. One restore per instance.
 */
public final class Restorer {
    private final int threads;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final Replaced replaced;

    /**
     * Told of a file, link or nothing at a final name just before a new file is renamed over it,
     * from the worker writing it: a rollback keeps the old one in the trash there. A failure leaves
     * the old one in place and fails that entry.
     */
    public interface Replaced {
        void keep(Path file) throws IOException;
    }

    public Restorer(int threads) {
        this(threads, null);
    }

    /** A restorer telling {@code replaced} (null for none) of each final name before writing it. */
    public Restorer(int threads, Replaced replaced) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        }
        this.threads = threads;
        this.replaced = replaced;
    }

    /** One worker per core. */
    public static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    public void cancel() {
        cancelled.set(true);
    }

    /**
     * Carries out {@code plan}, telling {@code listener} how it goes.
     *
     * @throws IllegalArgumentException before writing anything, if the plan says the target's file system has no room for it
     */
    public RestoreResult run(RestorePlan plan, RestoreListener listener) throws IOException {
        if (plan.spaceProblem() != null) {
            throw new IllegalArgumentException(plan.spaceProblem());
        }
        var problems = Collections.synchronizedList(new ArrayList<RestoreProblem>(plan.refused()));
        plan.refused().forEach(listener::problem);
        var progress = new ProgressCounter(plan.filesToWrite(), plan.bytesToWrite());
        Files.createDirectories(plan.target());
        Path realTarget = plan.target().toRealPath();
        createFolders(plan, realTarget, problems, listener);
        if (replaced == null) {
            cleanTempFiles(plan);
        }

        var written = new AtomicInteger();
        var bytes = new AtomicLong();
        List<RestorePlan.Write> files = plan.writes().stream().filter(w -> !w.item().symlink()).toList();
        runWorkers(plan.source(), files, plan.target(), progress, written, bytes, problems, listener);
        var linkWriter = new ObjectFileWriter(plan.source(), replaced); // one for all links: each holds buffers of its own
        for (RestorePlan.Write link : plan.writes().stream().filter(w -> w.item().symlink()).toList()) {
            if (cancelled.get()) {
                break;
            }
            write(linkWriter, link, plan.target(), progress, written, bytes, problems, listener);
        }
        int modesFixed = fixModes(plan, problems, listener);
        listener.progress(progress.snapshot());
        return new RestoreResult(written.get(), bytes.get(), plan.unchanged().size(), modesFixed, plan.conflicts().size(),
                problems, cancelled.get(), progress.snapshot().elapsedNanos());
    }

    private void runWorkers(ObjectSource source, List<RestorePlan.Write> files, Path target, ProgressCounter progress, AtomicInteger written,
            AtomicLong bytes, List<RestoreProblem> problems, RestoreListener listener) throws IOException {
        var next = new AtomicInteger();
        int workers = Math.max(1, Math.min(threads, files.size()));
        ExecutorService pool = Executors.newFixedThreadPool(workers, Thread.ofPlatform().daemon().name("restore-", 0).factory());
        try {
            for (int t = 0; t < workers; t++) {
                pool.execute(() -> {
                    var writer = new ObjectFileWriter(source, replaced);
                    for (int i = next.getAndIncrement(); i < files.size() && !cancelled.get(); i = next.getAndIncrement()) {
                        write(writer, files.get(i), target, progress, written, bytes, problems, listener);
                    }
                });
            }
            pool.shutdown();
            while (!pool.awaitTermination(100, TimeUnit.MILLISECONDS)) {
                listener.progress(progress.snapshot());
            }
        } catch (InterruptedException e) {
            cancelled.set(true);
            pool.shutdown();
            awaitQuietly(pool);
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitQuietly(ExecutorService pool) {
        boolean interrupted = false;
        while (true) {
            try {
                if (pool.awaitTermination(1, TimeUnit.SECONDS)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void write(ObjectFileWriter writer, RestorePlan.Write w, Path target, ProgressCounter progress,
            AtomicInteger written, AtomicLong bytes, List<RestoreProblem> problems, RestoreListener listener) {
        var item = w.item();
        progress.started(item.path());
        try {
            Path file = target.resolve(item.path());
            long n = item.symlink() ? writer.writeLink(item, w.location(), file) : writer.writeFile(item, w.location(), file, cancelled::get);
            written.incrementAndGet();
            bytes.addAndGet(n);
            progress.done(n);
            listener.written(item.path(), n);
        } catch (ObjectSource.Cancelled e) {
            // nothing was left behind; the run reports itself cancelled
        } catch (StoreException e) {
            report(new RestoreProblem(item.path(), item.id(), e.kind(), e.getMessage()), problems, listener);
        } catch (IOException | UncheckedIOException e) {
            report(new RestoreProblem(item.path(), item.id(), ProblemKind.WRITE_FAILED, "cannot write it: " + e.getMessage()), problems, listener);
        } catch (RuntimeException | Error e) {
            // a bug or a JVM in trouble (out of memory): this file is reported, never silently
            // missing, and an Error stops the run, which then reports itself cancelled
            report(new RestoreProblem(item.path(), item.id(), ProblemKind.WRITE_FAILED, "cannot write it: " + e), problems, listener);
            if (e instanceof Error) {
                cancelled.set(true);
            }
        }
    }

    private static void report(RestoreProblem p, List<RestoreProblem> problems, RestoreListener listener) {
        problems.add(p);
        listener.problem(p);
    }

    /** Creates missing folders, refusing any that would resolve outside the target (a link raced in). */
    private static void createFolders(RestorePlan plan, Path realTarget, List<RestoreProblem> problems, RestoreListener listener) {
        for (String folder : plan.folders()) {
            Path p = plan.target().resolve(folder);
            try {
                try {
                    Files.createDirectory(p);
                } catch (FileAlreadyExistsException e) {
                    if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                        throw new IOException("'" + folder + "' appeared in the target and is not a folder");
                    }
                }
                if (!p.toRealPath().startsWith(realTarget)) {
                    throw new IOException("'" + folder + "' resolves outside the target");
                }
            } catch (IOException e) {
                report(new RestoreProblem(folder, null, ProblemKind.TARGET_BLOCKED, "cannot create the folder: " + e.getMessage()), problems, listener);
            }
        }
    }

    /**
     * Removes what killed earlier runs left in the folders this run writes to; folders it just
     * created hold none. A file the plan names is never taken for one, whatever its name. A restore
     * that keeps what it replaces (a rollback) removes nothing: its leftovers are files the snapshot
     * lacks, which it moves to the trash.
     */
    private static void cleanTempFiles(RestorePlan plan) throws IOException {
        Set<String> folders = new LinkedHashSet<>();
        plan.writes().forEach(w -> folders.add(SafePaths.parent(w.item().path())));
        plan.folders().forEach(folders::remove);
        Set<String> named = new java.util.HashSet<>();
        plan.writes().forEach(w -> named.add(w.item().path()));
        plan.unchanged().forEach(e -> named.add(e.item().path()));
        plan.conflicts().forEach(e -> named.add(e.item().path()));
        for (String folder : folders) {
            String prefix = folder.isEmpty() ? "" : folder + "/";
            TempFiles.clean(plan.target().resolve(folder), name -> named.contains(prefix + name));
        }
    }

    private int fixModes(RestorePlan plan, List<RestoreProblem> problems, RestoreListener listener) {
        int fixed = 0;
        for (RestorePlan.Existing e : plan.unchanged()) {
            if (e.modeDiffers() && !cancelled.get()) {
                try {
                    Files.setPosixFilePermissions(plan.target().resolve(e.item().path()), PosixModes.permissions(e.item().permissions()));
                    fixed++;
                } catch (IOException ex) {
                    report(new RestoreProblem(e.item().path(), e.item().id(), ProblemKind.WRITE_FAILED,
                            "cannot set its permissions: " + ex.getMessage()), problems, listener);
                }
            }
        }
        return fixed;
    }
}

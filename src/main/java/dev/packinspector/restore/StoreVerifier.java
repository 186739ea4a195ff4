package dev.packinspector.restore;

import dev.packinspector.store.ObjectId;
import dev.packinspector.store.ObjectLocation;
import dev.packinspector.store.Pack;
import dev.packinspector.store.PackSet;
import dev.packinspector.store.PackState;
import dev.packinspector.store.PackStatus;
import dev.packinspector.store.ProblemKind;
import dev.packinspector.store.StoreException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The integrity check: every pack's header, count, index order and bounds, entry headers and
 * layout, and name recomputed from its bytes; every object decoded and its XXH3-128 compared with
 * its id (in parallel, in pack and offset order); then, through a {@link CatalogCheck}, every
 * catalog reference. Reports each finding as it goes. {@link #cancel()} or interrupting the
 * calling thread stops it. One run per instance.
 */
public final class StoreVerifier {
    private static final int WHOLE_PACK = -1;

    private final int threads;
    private final AtomicBoolean cancelled = new AtomicBoolean();

    /**
     * Checks a store's catalog against its packs, and tells which snapshot files use an object;
     * {@link CatalogReferences} is the one implementation.
     */
    public interface CatalogCheck extends VerifyCauses.Uses {
        /** Checks every reference, reporting findings; returns the number of rows checked. */
        long check(PackSet packs, java.util.function.Consumer<Finding> findings, java.util.function.BooleanSupplier cancelled)
                throws IOException;
    }

    public StoreVerifier(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        }
        this.threads = threads;
    }

    public void cancel() {
        cancelled.set(true);
    }

    /** Verifies {@code packs} and, if {@code catalog} is not null, the catalog's references. */
    public VerifyReport verify(PackSet packs, CatalogCheck catalog, RestoreListener listener) throws IOException {
        return verify(packs, catalog, null, listener);
    }

    /** Verifies {@code packs}, the catalog's references and, if {@code trees} is not null, the tree pack and every snapshot's tree. */
    public VerifyReport verify(PackSet packs, CatalogCheck catalog, TreeCheck trees, RestoreListener listener) throws IOException {
        long start = System.nanoTime();
        var findings = Collections.synchronizedList(new ArrayList<Finding>());
        java.util.function.Consumer<Finding> report = f -> {
            findings.add(f);
            listener.finding(f);
        };
        int incomplete = 0;
        for (PackStatus p : packs.packs()) {
            if (p.state() == PackState.INCOMPLETE) {
                incomplete++;
            } else if (!p.readable()) {
                report.accept(Finding.of(p.problem(), p.name(), null));
            }
        }
        var objects = new AtomicLong();
        var bytes = new AtomicLong();
        var rows = new java.util.concurrent.CompletableFuture<Long>();
        // The catalog check only reads the index, so it overlaps the object checks instead of trailing them.
        Thread.ofPlatform().daemon().name("verify-catalog").start(() -> {
            try {
                long checked = catalog == null || cancelled.get() ? 0L : catalog.check(packs, report, cancelled::get);
                if (trees != null && !cancelled.get()) {
                    trees.check(report, cancelled::get);
                }
                rows.complete(checked);
            } catch (IOException | RuntimeException e) {
                rows.completeExceptionally(e);
            }
        });
        checkObjects(packs, report, objects, bytes, listener);
        long catalogRows;
        try {
            catalogRows = rows.get();
        } catch (InterruptedException e) {
            cancelled.set(true);
            Thread.currentThread().interrupt();
            catalogRows = 0;
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException(e.getCause());
        }
        List<Finding> all = List.copyOf(findings);
        List<Cause> causes = VerifyCauses.of(all, packs, catalog == null || cancelled.get() ? VerifyCauses.Uses.NONE : catalog);
        boolean treesIncomplete = trees != null && trees.incomplete();
        return new VerifyReport(packs.packs().size(), packs.readablePacks().size(), incomplete + (treesIncomplete ? 1 : 0), objects.get(),
                bytes.get(), catalogRows, trees == null ? 0 : trees.walks(), all, causes, trees == null ? List.of() : trees.notes(),
                cancelled.get(), System.nanoTime() - start);
    }

    /** Runs the whole-pack checks and then every object's check on the worker pool; pack checks go first. */
    private void checkObjects(PackSet packs, java.util.function.Consumer<Finding> report, AtomicLong objects, AtomicLong bytes,
            RestoreListener listener) {
        List<Pack> readable = packs.readablePacks();
        long[] tasks = tasksInDataOrder(readable);
        long compressedTotal = 0;
        for (Pack p : readable) {
            compressedTotal += p.data().size();
        }
        var progress = new ProgressCounter(tasks.length - readable.size(), compressedTotal);
        var next = new AtomicInteger();
        int workers = Math.max(1, Math.min(threads, tasks.length));
        ExecutorService pool = Executors.newFixedThreadPool(workers, Thread.ofPlatform().daemon().name("verify-", 0).factory());
        for (int t = 0; t < workers; t++) {
            pool.execute(() -> {
                var hasher = new ObjectHasher();
                for (int i = next.getAndIncrement(); i < tasks.length && !cancelled.get(); i = next.getAndIncrement()) {
                    Pack pack = readable.get((int) (tasks[i] >>> 32));
                    int position = (int) tasks[i];
                    if (position == WHOLE_PACK) {
                        // each entry's own bounds and header are checked by its object task below
                        pack.validateLayout(true, e -> report.accept(Finding.of(e, pack.name(), null)));
                        continue;
                    }
                    ObjectId id = pack.index().id(position);
                    progress.started(id.toHex());
                    try {
                        ObjectId actual = hasher.idOf(new ObjectLocation(pack, position, pack.index().offset(position),
                                pack.index().compressedSize(position)));
                        if (!actual.equals(id)) {
                            long offset = pack.index().offset(position);
                            report.accept(Finding.of(new StoreException(ProblemKind.CONTENT_HASH_MISMATCH, pack.data().fileAt(offset),
                                    pack.data().offsetInFile(offset), "object " + id + " decodes to content whose XXH3-128 is " + actual),
                                    pack.name(), id));
                        }
                        objects.incrementAndGet();
                        bytes.addAndGet(hasher.length());
                    } catch (StoreException e) {
                        report.accept(Finding.of(e, pack.name(), id));
                    } catch (IOException | RuntimeException e) {
                        report.accept(Finding.of(new StoreException(ProblemKind.UNREADABLE, pack.data().file(), StoreException.NO_OFFSET,
                                "object " + id + " cannot be read: " + e, e), pack.name(), id));
                    }
                    progress.done(Pack.ENTRY_HEADER_BYTES + pack.index().compressedSize(position));
                }
            });
        }
        pool.shutdown();
        try {
            while (!pool.awaitTermination(100, TimeUnit.MILLISECONDS)) {
                listener.progress(progress.snapshot());
            }
        } catch (InterruptedException e) {
            cancelled.set(true);
            Thread.currentThread().interrupt();
            pool.shutdownNow();
        }
        listener.progress(progress.snapshot());
    }

    /**
     * (pack ordinal, index position) pairs: first one whole-pack check per pack, then each pack's
     * entries in .dat offset order so reads are sequential.
     */
    private static long[] tasksInDataOrder(List<Pack> packs) {
        int total = packs.size();
        for (Pack p : packs) {
            total += p.entryCount();
        }
        long[] tasks = new long[total];
        int k = 0;
        for (int p = 0; p < packs.size(); p++) {
            tasks[k++] = ((long) p << 32) | (WHOLE_PACK & 0xFFFFFFFFL);
        }
        for (int p = 0; p < packs.size(); p++) {
            var index = packs.get(p).index();
            Integer[] order = new Integer[index.count()];
            Arrays.setAll(order, i -> i);
            Arrays.sort(order, (a, b) -> Long.compareUnsigned(index.offset(a), index.offset(b)));
            for (int position : order) {
                tasks[k++] = ((long) p << 32) | position;
            }
        }
        return tasks;
    }
}

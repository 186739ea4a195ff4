package dev.packinspector.bench;

import dev.packinspector.catalog.Catalog;
import dev.packinspector.catalog.ManifestEntry;
import dev.packinspector.restore.RestoreItem;
import dev.packinspector.restore.RestoreListener;
import dev.packinspector.restore.RestorePlan;
import dev.packinspector.restore.RestorePlanner;
import dev.packinspector.restore.RestoreResult;
import dev.packinspector.restore.Restorer;
import dev.packinspector.store.ObjectLocation;
import dev.packinspector.store.ObjectReader;
import dev.packinspector.store.PackSet;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Full restore of a store's latest snapshot against a baseline run in the same JVM with the same
 * thread count that writes the same files (same folders, temp file, permissions, rename) from
 * memory without decoding or verifying. Alternates the two, deletes the output between runs,
 * prints each time and the medians.
 *
 * <p>Usage: {@code RestoreBench STORE OUT_DIR [rounds] [threads]}; see BENCHMARKS.md.
 */
public final class RestoreBench {
    private RestoreBench() {
    }

    public static void main(String[] args) throws Exception {
        Path store = Path.of(args[0]);
        Path out = Path.of(args[1]);
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 7;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : Restorer.defaultThreads();
        try (PackSet packs = PackSet.open(store); Catalog catalog = Catalog.open(store).orElseThrow()) {
            var items = new ArrayList<RestoreItem>();
            for (ManifestEntry e : catalog.files(catalog.resolve("latest"))) {
                items.add(RestoreItem.of(e));
            }
            RestorePlan template = RestorePlanner.plan(packs, items, out.resolve("probe"), false);
            ByteBuffer[] contents = load(template);
            double[] ours = new double[rounds];
            double[] base = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                Path b = out.resolve("baseline-" + r);
                long t0 = System.nanoTime();
                baseline(template, contents, b, threads);
                base[r] = (System.nanoTime() - t0) / 1e9;
                delete(b);
                Path o = out.resolve("restore-" + r);
                t0 = System.nanoTime();
                RestorePlan plan = RestorePlanner.plan(packs, items, o, false);
                double planned = (System.nanoTime() - t0) / 1e9;
                RestoreResult result = new Restorer(threads).run(plan, RestoreListener.NONE);
                ours[r] = (System.nanoTime() - t0) / 1e9;
                if (!result.ok() || result.written() != template.filesToWrite()) {
                    throw new IllegalStateException("restore failed: " + result.problems());
                }
                delete(o);
                System.out.printf("round %d: baseline %.3f s, restore %.3f s (planning %.3f s)%n", r, base[r], ours[r], planned);
            }
            double mb = median(base);
            double mo = median(ours);
            System.out.printf("files %d, bytes %d, threads %d%nmedian baseline %.3f s (%.2f GB/s), median restore %.3f s (%.2f GB/s), ratio %.3f%n",
                    template.filesToWrite(), template.bytesToWrite(), threads, mb, template.bytesToWrite() / mb / 1e9, mo,
                    template.bytesToWrite() / mo / 1e9, mo / mb);
        }
    }

    /** Every file's content decoded up front into direct memory, as the baseline's source. */
    private static ByteBuffer[] load(RestorePlan plan) throws IOException {
        var reader = new ObjectReader();
        ByteBuffer[] contents = new ByteBuffer[plan.writes().size()];
        for (int i = 0; i < contents.length; i++) {
            byte[] bytes = reader.readAll((ObjectLocation) plan.writes().get(i).location());
            contents[i] = ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
        }
        return contents;
    }

    private static void baseline(RestorePlan plan, ByteBuffer[] contents, Path target, int threads) throws Exception {
        Files.createDirectories(target);
        for (String folder : plan.folders()) {
            Files.createDirectory(target.resolve(folder));
        }
        var next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            pool.execute(() -> {
                for (int i = next.getAndIncrement(); i < contents.length; i = next.getAndIncrement()) {
                    RestorePlan.Write w = plan.writes().get(i);
                    Path file = target.resolve(w.item().path());
                    Path temp = file.resolveSibling(".pack-inspector-bench" + i + ".tmp");
                    try {
                        if (w.item().symlink()) {
                            Files.createSymbolicLink(temp, Path.of(new String(bytes(contents[i]), java.nio.charset.StandardCharsets.UTF_8)));
                        } else {
                            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                                ByteBuffer src = contents[i].duplicate();
                                while (src.hasRemaining()) {
                                    ch.write(src);
                                }
                            }
                            Files.setPosixFilePermissions(temp, permissions(w.item().permissions()));
                        }
                        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(1, TimeUnit.HOURS)) {
            throw new IllegalStateException("baseline did not finish");
        }
    }

    private static byte[] bytes(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.duplicate().get(out);
        return out;
    }

    private static Set<PosixFilePermission> permissions(int bits) {
        PosixFilePermission[] all = PosixFilePermission.values();
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        for (int i = 0; i < 9; i++) {
            if ((bits & (1 << (8 - i))) != 0) {
                set.add(all[i]);
            }
        }
        return set;
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static void delete(Path root) throws IOException {
        try (var files = Files.walk(root)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}

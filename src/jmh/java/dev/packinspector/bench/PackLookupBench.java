package dev.packinspector.bench;

import dev.packinspector.store.ObjectId;
import dev.packinspector.store.ObjectLocation;
import dev.packinspector.store.Pack;
import dev.packinspector.store.PackSet;
import dev.packinspector.store.PackWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Finding an id among 100 packs of 10,000 entries (1,000,000 in all): the merged index against
 * chkpt's way, a binary search in each pack in turn until one holds it. Both look up the same
 * present ids, spread evenly over the packs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--sun-misc-unsafe-memory-access=allow", "--enable-native-access=ALL-UNNAMED"})
public class PackLookupBench {
    static final int PACKS = 100;
    static final int PER_PACK = 10_000;
    static final int PROBES = 1 << 14;

    private PackSet packs;
    private ObjectId[] probes;
    private int next;

    /** The 100 packs, written once under /dev/shm (or the temp folder) and reused by later runs. */
    public static Path store() throws IOException {
        Path base = Files.isDirectory(Path.of("/dev/shm")) ? Path.of("/dev/shm") : Path.of(System.getProperty("java.io.tmpdir"));
        Path dir = base.resolve("pack-inspector-lookup-100x10000");
        Path done = dir.resolve("complete");
        if (!Files.exists(done)) {
            Files.createDirectories(dir);
            byte[] content = new byte[24];
            for (int p = 0; p < PACKS; p++) {
                try (PackWriter writer = new PackWriter(dir)) {
                    for (int i = 0; i < PER_PACK; i++) {
                        long n = (long) p * PER_PACK + i;
                        for (int b = 0; b < 8; b++) {
                            content[b] = (byte) (n >>> (8 * b));
                        }
                        writer.add(content);
                    }
                    writer.finish();
                }
            }
            Files.createFile(done);
        }
        return dir;
    }

    @Setup(Level.Trial)
    public void open() throws IOException {
        packs = PackSet.open(store());
        if (packs.readablePacks().size() != PACKS || packs.entryCount() != PACKS * PER_PACK) {
            throw new IllegalStateException("expected " + PACKS + " packs of " + PER_PACK);
        }
        var random = new SplittableRandom(1);
        probes = new ObjectId[PROBES];
        for (int i = 0; i < PROBES; i++) {
            probes[i] = packs.entryAt(random.nextInt(packs.entryCount())).id();
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        packs.close();
    }

    private ObjectId probe() {
        ObjectId id = probes[next];
        next = (next + 1) & (PROBES - 1);
        return id;
    }

    @Benchmark
    public ObjectLocation mergedIndex() {
        return packs.locate(probe()).orElseThrow();
    }

    /** chkpt's PackSet::locate: each reader's binary search, in order, until one finds it. */
    @Benchmark
    public long linearScanBaseline() {
        ObjectId id = probe();
        for (Pack p : packs.readablePacks()) {
            int position = p.index().find(id);
            if (position >= 0) {
                return p.index().offset(position);
            }
        }
        throw new IllegalStateException("not found: " + id);
    }

    /** One-time cost: opening the 100 packs and building the merged index. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 3)
    @Measurement(iterations = 10)
    public int openAndBuildIndex() throws IOException {
        try (PackSet fresh = PackSet.open(store())) {
            return fresh.entryCount();
        }
    }
}

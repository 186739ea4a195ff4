package dev.packinspector.bench;

import dev.packinspector.store.BlockTarget;
import dev.packinspector.store.ObjectLocation;
import dev.packinspector.store.ObjectReader;
import dev.packinspector.store.Pack;
import dev.packinspector.store.PackSet;
import dev.packinspector.store.Xxh3;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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
 * Single-thread decode of every object of a store (system property {@code bench.store}, default
 * the 1 GiB benchmark store in /dev/shm), in pack and offset order, block by block into one reused
 * direct buffer; and the same plus XXH3-128 of each object. One operation = the whole store;
 * content bytes / time = throughput (BENCHMARKS.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"--sun-misc-unsafe-memory-access=allow", "--enable-native-access=ALL-UNNAMED"})
public class DecodeBench {
    private PackSet packs;
    private List<ObjectLocation> objects;
    private final ObjectReader reader = new ObjectReader();
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(64 << 20);
    private final BlockTarget collect = new BlockTarget() {
        @Override
        public ByteBuffer room(int room) {
            return buffer;
        }

        @Override
        public boolean filled(ByteBuffer block, int from, int length) {
            block.position(from + length);
            return true;
        }
    };

    @Setup(Level.Trial)
    public void open() throws IOException {
        packs = PackSet.open(Path.of(System.getProperty("bench.store", "/dev/shm/pi/big")));
        objects = new ArrayList<>();
        for (Pack p : packs.readablePacks()) {
            for (int i = 0; i < p.entryCount(); i++) {
                objects.add(new ObjectLocation(p, i, p.index().offset(i), p.index().compressedSize(i)));
            }
        }
        objects.sort(Comparator.comparing((ObjectLocation l) -> l.pack().name()).thenComparingLong(ObjectLocation::offset));
        long total = 0;
        for (ObjectLocation l : objects) {
            total += reader.decode(l, discard());
        }
        System.out.printf("%n%d objects, %d content bytes%n", objects.size(), total);
    }

    private BlockTarget discard() {
        buffer.clear();
        return collect;
    }

    @TearDown(Level.Trial)
    public void close() {
        packs.close();
    }

    @Benchmark
    public long decode() throws IOException {
        long total = 0;
        for (ObjectLocation l : objects) {
            buffer.clear();
            total += reader.decode(l, collect);
        }
        return total;
    }

    @Benchmark
    public long decodeAndHash() throws IOException {
        long total = 0;
        for (ObjectLocation l : objects) {
            buffer.clear();
            total += reader.decode(l, collect);
            total += Xxh3.idOf(MemorySegment.ofBuffer(buffer.flip())).lo();
        }
        return total;
    }
}

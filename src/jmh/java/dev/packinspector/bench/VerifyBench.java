package dev.packinspector.bench;

import dev.packinspector.catalog.Catalog;
import dev.packinspector.restore.CatalogReferences;
import dev.packinspector.restore.RestoreListener;
import dev.packinspector.restore.Restorer;
import dev.packinspector.restore.StoreVerifier;
import dev.packinspector.restore.VerifyReport;
import dev.packinspector.store.PackSet;
import java.io.IOException;
import java.nio.file.Path;
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

/** The whole integrity check of a store ({@code bench.store}) with one worker per core, packs in page cache. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"--sun-misc-unsafe-memory-access=allow", "--enable-native-access=ALL-UNNAMED"})
public class VerifyBench {
    private PackSet packs;
    private Catalog catalog;

    @Setup(Level.Trial)
    public void open() throws IOException {
        Path store = Path.of(System.getProperty("bench.store", "/dev/shm/pi/big"));
        packs = PackSet.open(store);
        catalog = Catalog.open(store).orElseThrow();
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        catalog.close();
        packs.close();
    }

    @Benchmark
    public long verify() throws IOException {
        VerifyReport report = new StoreVerifier(Restorer.defaultThreads()).verify(packs, new CatalogReferences(catalog), RestoreListener.NONE);
        if (!report.ok()) {
            throw new IllegalStateException(report.findings().toString());
        }
        return report.contentBytes();
    }
}

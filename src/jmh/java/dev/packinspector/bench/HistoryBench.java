package dev.packinspector.bench;

import dev.packinspector.catalog.Catalog;
import dev.packinspector.catalog.Snapshot;
import dev.packinspector.history.Folder;
import dev.packinspector.history.PathQuery;
import dev.packinspector.history.SearchResult;
import dev.packinspector.history.SnapshotDiff;
import dev.packinspector.history.SpaceReport;
import dev.packinspector.history.StoreIndex;
import dev.packinspector.store.PackSet;
import dev.packinspector.store.StoreException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 7's questions on a store of many snapshots (-Dbench.store, e.g. the generator's
 * {@code history --files 100000 --snapshots 100}): searching paths (after the index is built),
 * diffing two snapshots from the index (the window) and from the catalog (the CLI), attributing
 * space, and building the index itself.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx8g", "--sun-misc-unsafe-memory-access=allow", "--enable-native-access=ALL-UNNAMED"})
public class HistoryBench {
    @Param({"cursor_00", "*.md", "blob_2/data_0*"})
    public String query;

    private Catalog catalog;
    private PackSet packs;
    private StoreIndex index;
    private SpaceReport report;
    private Snapshot newest;
    private Snapshot previous;
    private Snapshot oldest;

    @Setup
    public void open() throws StoreException {
        Path store = Path.of(System.getProperty("bench.store", "/dev/shm/pi/h100"));
        catalog = Catalog.open(store).orElseThrow();
        packs = PackSet.open(store);
        index = StoreIndex.build(catalog, () -> false, rows -> { });
        report = SpaceReport.of(index, packs);
        List<Snapshot> all = index.snapshots();
        newest = all.getLast();
        previous = all.get(all.size() - 2);
        oldest = all.getFirst();
    }

    @TearDown
    public void close() throws StoreException {
        catalog.close();
        packs.close();
    }

    @Benchmark
    public SearchResult search() {
        return index.search(PathQuery.of(query), 2_000);
    }

    @Benchmark
    public SnapshotDiff diffAdjacentFromIndex() {
        return SnapshotDiff.between(previous, index.files(previous), newest, index.files(newest));
    }

    @Benchmark
    public SnapshotDiff diffFirstToLastFromIndex() {
        return SnapshotDiff.between(oldest, index.files(oldest), newest, index.files(newest));
    }

    @Benchmark
    public SnapshotDiff diffAdjacentFromCatalog() throws StoreException {
        return SnapshotDiff.between(previous, catalog.files(previous), newest, catalog.files(newest));
    }

    @Benchmark
    public SpaceReport spaceReport() {
        return SpaceReport.of(index, packs);
    }

    @Benchmark
    public Folder foldersOfNewest() {
        return report.folders(newest);
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public StoreIndex buildIndex() throws StoreException {
        return StoreIndex.build(catalog, () -> false, rows -> { });
    }
}

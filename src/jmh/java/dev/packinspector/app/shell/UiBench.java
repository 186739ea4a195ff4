package dev.packinspector.app.shell;

import dev.packinspector.app.common.Fx;
import dev.packinspector.app.common.Settings;
import dev.packinspector.app.common.Theme;
import dev.packinspector.app.preview.HexView;
import dev.packinspector.app.preview.ObjectPreview;
import dev.packinspector.app.session.StoreSession;
import dev.packinspector.app.shell.DemoStore;
import dev.packinspector.app.shell.MainWindow;
import dev.packinspector.bench.PackLookupBench;
import dev.packinspector.catalog.ManifestEntry;
import dev.packinspector.restore.RestoreItems;
import dev.packinspector.restore.RestorePlan;
import dev.packinspector.restore.RestorePlanner;
import dev.packinspector.restore.RestoreResult;
import dev.packinspector.store.PackWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.prefs.Preferences;
import java.util.stream.Stream;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.concurrent.Task;
import javafx.concurrent.Worker;
import javafx.scene.control.IndexedCell;
import javafx.stage.Stage;

/**
 * How the window feels, measured on the real {@link MainWindow} (not a benchmark harness's idea of
 * it): the longest gap between JavaFX pulses and between 10 ms probes while a restore of the
 * 1 GiB store runs through the window's own restore task, with an idle run of the same length as
 * the baseline; the first index rows and scrolling with 1,000,000 entries; the first preview
 * window of a 1 GiB object. Run by {@code src/jmh/run-benchmarks.sh --ui BIG_STORE WORK [rounds]}.
 */
public final class UiBench {
    private final Path work;
    private MainWindow window;

    private UiBench(Path work) {
        this.work = work;
    }

    public static void main(String[] args) throws Exception {
        Path big = Path.of(args.length > 0 ? args[0] : "/dev/shm/pi/big");
        Path work = Path.of(args.length > 1 ? args[1] : "/dev/shm/pi/ui");
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        Files.createDirectories(work);
        Platform.startup(() -> { });
        var prefs = Preferences.userRoot().node("dev/packinspector-bench/" + UUID.randomUUID());
        try {
            var bench = new UiBench(work);
            bench.start(new Settings(prefs));
            System.out.printf("glass platform: %s, %d cores%n", System.getProperty("glass.platform", "default"),
                    Runtime.getRuntime().availableProcessors());
            String only = System.getProperty("bench.only", "index,preview,restore");
            if (only.contains("index")) {
                bench.index(rounds);
            }
            if (only.contains("preview")) {
                bench.preview(rounds);
            }
            if (only.contains("restore")) {
                bench.responsiveness(big, rounds);
            }
            if (only.contains("tree") && args.length > 3) {
                bench.tree(Path.of(args[3]), rounds);
            }
        } finally {
            fx(() -> {
                Stage.getWindows().stream().filter(w -> w instanceof Stage).map(w -> (Stage) w).toList().forEach(Stage::close);
                return null;
            });
            prefs.removeNode();
            Platform.exit();
        }
    }

    private void start(Settings settings) throws Exception {
        Path empty = Files.createDirectories(work.resolve("no-stores"));
        fx(() -> {
            Theme.apply(javafx.application.ColorScheme.LIGHT); // the application's own look, as it starts
            var stage = new Stage();
            window = new MainWindow(stage, settings, null, empty);
            stage.setWidth(1440);
            stage.setHeight(860);
            window.show();
            return null;
        });
    }

    // ---- the index with 1,000,000 entries --------------------------------------------------------

    private void index(int rounds) throws Exception {
        Path store = PackLookupBench.store();
        double[] open = new double[rounds];
        double[] firstRows = new double[rounds];
        var scrolls = new ArrayList<Double>();
        var random = new SplittableRandom(1);
        Path demo = work.resolve("demo");
        if (!Files.exists(demo)) {
            DemoStore.write(demo);
        }
        String firstId;
        String[] ids = new String[1_000_000];
        try (var packs = dev.packinspector.store.PackSet.open(store)) {
            for (int row = 0; row < ids.length; row++) {
                ids[row] = packs.entryAt(row).id().toHex();
            }
            firstId = ids[0];
        }
        for (int r = 0; r < rounds; r++) {
            // start from another store, so that no cell of the index already shows the rows measured
            Task<StoreSession> reset = fx(() -> window.model().open(demo));
            waitFor(() -> reset.getState() == Worker.State.SUCCEEDED && Parts.session(window).path().equals(demo));
            fx(() -> {
                window.select(Navigation.View.SNAPSHOTS);
                return null;
            });
            long t0 = System.nanoTime();
            Task<StoreSession> opening = fx(() -> window.model().open(store));
            waitFor(() -> opening.getState() == Worker.State.SUCCEEDED && Parts.session(window) != null
                    && Parts.session(window).packs().entryCount() == 1_000_000);
            long t1 = System.nanoTime();
            fx(() -> {
                window.select(Navigation.View.OBJECTS);
                return null;
            });
            waitFor(() -> rendered(Parts.index(window).table(), 0, firstId));
            long t2 = System.nanoTime();
            open[r] = ms(t1 - t0);
            firstRows[r] = ms(t2 - t0);
            for (int i = 0; i < 20; i++) {
                int row = random.nextInt(1_000_000);
                long s0 = System.nanoTime();
                fx(() -> {
                    Parts.index(window).table().scrollTo(row);
                    return null;
                });
                waitFor(() -> rendered(Parts.index(window).table(), row, ids[row]));
                scrolls.add(ms(System.nanoTime() - s0));
            }
        }
        System.out.printf("index, 1,000,000 entries in 100 packs: open (packs + merged index) median %.1f ms; "
                + "first rows shown after open() median %.1f ms (max %.1f); scroll to a random row, rows shown: median %.1f ms, max %.1f ms (%d scrolls)%n",
                median(open), median(firstRows), max(firstRows), median(scrolls), max(scrolls), scrolls.size());
    }

    /** True once a visible cell of {@code table} shows {@code text} for {@code row} (the row is on screen). */
    private static boolean rendered(javafx.scene.control.TableView<?> table, int row, String text) {
        if (table.getScene() == null) {
            return false;
        }
        for (var node : table.lookupAll(".table-cell")) {
            if (node instanceof IndexedCell<?> cell && cell.getIndex() == row && cell.isVisible() && text.equals(cell.getText())) {
                return true;
            }
        }
        return false;
    }

    // ---- the first preview of a 1 GiB object -------------------------------------------------------

    private void preview(int rounds) throws Exception {
        Path store = hugeObjectStore();
        Task<StoreSession> opening = fx(() -> window.model().open(store));
        waitFor(() -> opening.getState() == Worker.State.SUCCEEDED && Parts.session(window) != null && Parts.session(window).path().equals(store));
        fx(() -> {
            window.select(Navigation.View.OBJECTS);
            Parts.preview(window).parts().tabs().getSelectionModel().select(0);
            return null;
        });
        int huge = fx(() -> {
            var packs = Parts.session(window).packs();
            for (int row = 0; row < packs.entryCount(); row++) {
                if (packs.entryAt(row).compressedSize() > 1 << 20) {
                    return row;
                }
            }
            throw new IllegalStateException("no large object");
        });
        double[] first = new double[rounds];
        double[] hexEndCold = new double[rounds];
        double[] hexEndWarm = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            fx(() -> {
                Parts.index(window).table().getSelectionModel().select(1 - huge);
                return null;
            });
            waitFor(() -> Parts.preview(window).parts().text().lines().getItems().size() == 1);
            long t0 = System.nanoTime();
            fx(() -> {
                Parts.index(window).table().getSelectionModel().select(huge);
                return null;
            });
            waitFor(() -> Parts.preview(window).parts().text().lines().getItems().size() > 100 && visibleText(window));
            first[r] = ms(System.nanoTime() - t0);
            long end = (1L << 30) - 100;
            long t1 = System.nanoTime();
            fx(() -> {
                Parts.preview(window).parts().hex().goTo(Long.toString(end));
                return null;
            });
            waitFor(() -> hexShows(window, end - end % HexView.PAGE));
            hexEndCold[r] = ms(System.nanoTime() - t1);
            long middle = 1L << 29;
            long t2 = System.nanoTime();
            fx(() -> {
                Parts.preview(window).parts().hex().goTo(Long.toString(middle));
                return null;
            });
            waitFor(() -> hexShows(window, middle));
            hexEndWarm[r] = ms(System.nanoTime() - t2);
        }
        System.out.printf("preview of a 1 GiB object: first text window shown median %.1f ms (max %.1f); "
                + "hex, go to its last page, first time (blocks not yet learnt, unless the background scan already did) median %.1f ms; "
                + "then go to its middle median %.1f ms%n", median(first), max(first), median(hexEndCold), median(hexEndWarm));
    }

    private static boolean visibleText(MainWindow w) {
        return Parts.preview(w).parts().text().lines().lookupAll(".list-cell").stream()
                .anyMatch(n -> n instanceof IndexedCell<?> c && c.getIndex() == 0 && c.getText() != null && !c.getText().isEmpty());
    }

    private static boolean hexShows(MainWindow w, long page) {
        var items = Parts.preview(w).parts().hex().lines().getItems();
        return !items.isEmpty() && items.getFirst().startsWith(String.format("%0" + ObjectPreview.offsetDigits(1L << 30) + "x", page));
    }

    /** A store with one 1 GiB text-like object and one tiny one, written once by our PackWriter. */
    private Path hugeObjectStore() throws IOException {
        Path store = work.resolve("huge-object");
        if (Files.exists(store.resolve("complete"))) {
            return store;
        }
        Files.createDirectories(store.resolve("packs"));
        byte[] content = new byte[1 << 30];
        var random = new SplittableRandom(3);
        byte[] line = new byte[80];
        for (int at = 0; at < content.length; at += line.length) {
            for (int i = 0; i < line.length - 1; i++) {
                line[i] = (byte) (random.nextInt(4) == 0 ? 'a' + random.nextInt(26) : "log entry    ".charAt(i % 13));
            }
            line[line.length - 1] = '\n';
            System.arraycopy(line, 0, content, at, Math.min(line.length, content.length - at));
        }
        try (PackWriter writer = new PackWriter(store.resolve("packs"))) {
            writer.add(content);
            writer.add("tiny\n".getBytes());
            writer.finish();
        }
        Files.createFile(store.resolve("complete"));
        return store;
    }

    // ---- responsiveness while restoring ------------------------------------------------------------

    private void responsiveness(Path big, int rounds) throws Exception {
        Task<StoreSession> opening = fx(() -> window.model().open(big));
        waitFor(() -> opening.getState() == Worker.State.SUCCEEDED && Parts.session(window) != null && Parts.session(window).path().equals(big));
        fx(() -> {
            window.select(Navigation.View.SNAPSHOTS);
            return null;
        });
        StoreSession session = fx(() -> Parts.session(window));
        List<ManifestEntry> entries = session.catalog().orElseThrow().files(session.snapshots().getFirst());
        for (int r = 0; r < rounds; r++) {
            Path target = work.resolve("restore-" + r);
            delete(target);
            RestorePlan plan = RestorePlanner.plan(session.packs(), RestoreItems.of(entries), target, false);
            var busy = new Gaps();
            busy.start();
            long t0 = System.nanoTime();
            Task<RestoreResult> restore = fx(() -> window.restores().run(session, "bench", plan));
            waitFor(() -> restore.isDone());
            double seconds = (System.nanoTime() - t0) / 1e9;
            busy.stop();
            if (!fx(() -> restore.getState() == Worker.State.SUCCEEDED && restore.getValue().written() == plan.filesToWrite())) {
                throw new IllegalStateException("the restore did not complete");
            }
            var idle = new Gaps();
            idle.start();
            Thread.sleep((long) (seconds * 1000));
            idle.stop();
            System.out.printf("restore %d: %,d files, %.0f MB in %.2f s (%.2f GB/s) | while restoring: longest pulse gap %.1f ms (from %.0f ms on), "
                    + "longest probe delay %.1f ms, probes %d | idle, same length: longest pulse gap %.1f ms, longest probe delay %.1f ms%n",
                    r + 1, plan.filesToWrite(), plan.bytesToWrite() / 1e6, seconds, plan.bytesToWrite() / 1e9 / seconds,
                    busy.maxPulseGap, busy.maxPulseAt, busy.maxProbeDelay, busy.probes, idle.maxPulseGap, idle.maxProbeDelay);
            delete(target);
        }
    }

    // ---- a snapshot of 20,000 files -------------------------------------------------------------------

    /** Switches between two snapshots of a large store: until the new tree is painted, and the longest pulse gap meanwhile. */
    private void tree(Path store, int rounds) throws Exception {
        Task<StoreSession> opening = fx(() -> window.model().open(store));
        waitFor(() -> opening.getState() == Worker.State.SUCCEEDED && Parts.session(window) != null && Parts.session(window).path().equals(store));
        fx(() -> {
            window.select(Navigation.View.SNAPSHOTS);
            return null;
        });
        waitFor(() -> Parts.snapshots(window).fileTree().getRoot() != null);
        int files = fx(() -> Parts.snapshots(window).fileTree().getRoot().getValue().files());
        double[] shown = new double[rounds];
        double[] gaps = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            int row = 1 + r % 2;
            var gap = new Gaps();
            gap.start();
            var before = fx(() -> Parts.snapshots(window).fileTree().getRoot());
            long t0 = System.nanoTime();
            fx(() -> {
                Parts.snapshots(window).snapshotTable().getSelectionModel().select(row);
                return null;
            });
            waitFor(() -> Parts.snapshots(window).fileTree().getRoot() != before && Parts.snapshots(window).fileTree().lookupAll(".tree-table-row-cell").stream()
                    .anyMatch(n -> n instanceof IndexedCell<?> c && c.getIndex() == 0 && c.getItem() != null));
            shown[r] = ms(System.nanoTime() - t0);
            Thread.sleep(100);
            gap.stop();
            gaps[r] = gap.maxPulseGap;
        }
        System.out.printf("snapshot of %,d files: selected until its tree is painted median %.1f ms (max %.1f); longest pulse gap meanwhile median %.1f ms (max %.1f)%n",
                files, median(shown), max(shown), median(gaps), max(gaps));
    }

    /** The longest gap between pulses (an AnimationTimer) and the longest delay of a runLater posted every 10 ms. */
    private static final class Gaps {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private volatile double maxPulseGap;
        private volatile double maxPulseAt;
        private final long started = System.nanoTime();
        private volatile double maxProbeDelay;
        private volatile int probes;
        private long lastPulse;
        private AnimationTimer timer;
        private Thread prober;

        void start() throws Exception {
            fx(() -> {
                timer = new AnimationTimer() {
                    @Override
                    public void handle(long now) {
                        long t = System.nanoTime();
                        if (lastPulse != 0 && ms(t - lastPulse) > maxPulseGap) {
                            maxPulseGap = ms(t - lastPulse);
                            maxPulseAt = ms(lastPulse - started);
                        }
                        lastPulse = t;
                    }
                };
                timer.start();
                return null;
            });
            prober = Thread.ofPlatform().daemon().start(() -> {
                while (running.get()) {
                    long posted = System.nanoTime();
                    Platform.runLater(() -> {
                        maxProbeDelay = Math.max(maxProbeDelay, ms(System.nanoTime() - posted));
                        probes++;
                    });
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }

        void stop() throws Exception {
            running.set(false);
            prober.join();
            fx(() -> {
                timer.stop();
                return null;
            });
        }
    }

    // ---- helpers -----------------------------------------------------------------------------------

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static double median(List<Double> v) {
        return median(v.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static double max(double[] v) {
        return Arrays.stream(v).max().orElse(0);
    }

    private static double max(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }

    private static <T> T fx(Callable<T> action) throws Exception {
        return Fx.call(action, 60);
    }

    private static void waitFor(BooleanSupplier condition) throws Exception {
        Fx.waitFor("the window, at " + StackWalker.getInstance().walk(f -> f.skip(1).findFirst().orElseThrow()), condition, 60);
    }

    private static void delete(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

}

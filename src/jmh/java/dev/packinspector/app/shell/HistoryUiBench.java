package dev.packinspector.app.shell;

import dev.packinspector.app.common.Settings;
import dev.packinspector.app.common.Theme;
import dev.packinspector.app.shell.MainWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * Issue 7 in the real window: how long after the index is ready Search shows its results,
 * Compare its tree of two 100,000-file snapshots, and Space its chart and treemap, on a store of
 * many snapshots (the generator's {@code history --files 100000 --snapshots 100}); medians of
 * 5 rounds. Run by {@code src/jmh/run-benchmarks.sh --history-ui STORE}, on any glass platform
 * (the Headless one needs no display).
 */
public final class HistoryUiBench {
    private static final int ROUNDS = 5;

    static MainWindow window;
    static Stage stage;

    public static void main(String[] args) throws Exception {
        Platform.startup(() -> { });
        var prefs = Preferences.userRoot().node("dev/packinspector-bench/" + UUID.randomUUID());
        Path home = Files.createTempDirectory("pack-inspector-bench-");
        fx(() -> {
            Theme.apply(javafx.application.ColorScheme.LIGHT);
            stage = new Stage();
            window = new MainWindow(stage, new Settings(prefs), null, home);
            stage.setWidth(1440);
            stage.setHeight(860);
            stage.show();
            return null;
        });
        long t0 = System.nanoTime();
        fx(() -> window.model().open(Path.of(args[0])));
        waitFor(() -> Parts.session(window) != null);
        long t1 = System.nanoTime();
        waitFor(() -> Parts.search(window).ready());
        long t2 = System.nanoTime();
        System.out.printf("open %.2f s, index ready %.2f s later: %s%n", (t1 - t0) / 1e9, (t2 - t1) / 1e9, fx(() -> ((javafx.scene.control.Label) Parts.search(window).lookup("#search-summary")).getText()));
        for (String q : new String[] {"cursor_00", "*.md", "blob_2/data_0*", "json"}) {
            double[] ms = new double[ROUNDS];
            for (int round = 0; round < ROUNDS; round++) {
                fx(() -> { window.select(Navigation.View.SEARCH); Parts.search(window).query().set(""); return null; });
                Thread.sleep(300);
                long s = System.nanoTime();
                fx(() -> { Parts.search(window).query().set(q); Parts.search(window).searchNow(); return null; });
                waitFor(() -> Parts.search(window).results().getRoot() != null && !Parts.search(window).results().getRoot().getChildren().isEmpty());
                ms[round] = (System.nanoTime() - s) / 1e6;
            }
            System.out.printf("search %-16s shown after %.0f ms median, %.0f max (%s)%n", q, median(ms), max(ms),
                    fx(() -> ((javafx.scene.control.Label) Parts.search(window).lookup("#search-summary")).getText()));
        }
        fx(() -> { window.select(Navigation.View.COMPARE); return null; });
        waitFor(() -> Parts.compare(window).diff() != null);
        var snaps = fx(() -> Parts.compare(window).choices());
        for (int[] pair : new int[][] {{97, 98}, {0, 99}}) {
            double[] ms = new double[ROUNDS];
            for (int round = 0; round < ROUNDS; round++) {
                long s = System.nanoTime();
                var before = fx(() -> Parts.compare(window).diff());
                fx(() -> { Parts.compare(window).compare(snaps.get(pair[0]), snaps.get(pair[1])); return null; });
                waitFor(() -> Parts.compare(window).diff() != before && Parts.compare(window).diff() != null
                        && Parts.compare(window).diff().from() == snaps.get(pair[0]) && Parts.compare(window).diff().to() == snaps.get(pair[1]));
                ms[round] = (System.nanoTime() - s) / 1e6;
                int changes = fx(() -> Parts.compare(window).diff().changes().size());
                if (round == ROUNDS - 1) {
                    System.out.printf("compare %d->%d shown after %.0f ms median, %.0f max: %d changes%n", pair[0], pair[1], median(ms), max(ms), changes);
                }
                fx(() -> { Parts.compare(window).compare(snaps.get(5), snaps.get(6)); return null; });
                waitFor(() -> Parts.compare(window).diff() != null && Parts.compare(window).diff().to() == snaps.get(6));
            }
        }
        long s = System.nanoTime();
        fx(() -> { window.select(Navigation.View.SPACE); return null; });
        waitFor(() -> Parts.space(window).report() != null && Parts.space(window).treemap().folder() != null);
        System.out.printf("space shown after %.0f ms%n", (System.nanoTime() - s) / 1e6);
        fx(() -> {
            stage.hide(); // the window saves its settings and stops its tasks
            return null;
        });
        prefs.removeNode();
        Platform.exit();
        System.exit(0);
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    static double max(double[] values) {
        return java.util.Arrays.stream(values).max().orElse(0);
    }

    static <T> T fx(Callable<T> c) throws Exception {
        var f = new CompletableFuture<T>();
        Platform.runLater(() -> {
            try {
                f.complete(c.call());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f.get();
    }

    static void waitFor(BooleanSupplier b) throws Exception {
        long end = System.nanoTime() + 120_000_000_000L;
        while (!fx(b::getAsBoolean)) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("timeout");
            }
            Thread.sleep(2);
        }
    }
}

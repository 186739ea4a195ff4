package dev.packinspector.app;

import dev.packinspector.Errors;
import dev.packinspector.app.common.Fx;
import dev.packinspector.app.common.Settings;
import dev.packinspector.app.common.Theme;
import dev.packinspector.app.shell.DemoStore;
import dev.packinspector.app.shell.MainWindow;
import dev.packinspector.app.shell.Tour;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * {@code pack-inspector --self-test [STORE...]}: proves an installed application works. It opens the
 * real window (on the display, or on JavaFX's Headless platform where there is none), then opens
 * each store in turn in that one window (the demo store, written for the purpose, when none is
 * named) and walks it as {@link Tour} does: every view, every preview tab, the restore plan of the
 * newest snapshot (cancelled, nothing written). It prints how long the first window took and one
 * line per store (its path, what it visited, what it counted, its damage if any), and exits 0 if
 * the window did all of it, 1 naming the first error it showed or logged (an exception nobody
 * caught, a warning JavaFX logged) if not. A damaged store is no failure: its damage is in its line.
 * It touches neither the user's settings nor their stores.
 */
public final class SelfTest {
    private static final long TIMEOUT_SECONDS = 120;

    private final PrintStream out;
    private final Logged logged;
    private MainWindow window;
    private Stage stage;
    /** Whether JavaFX started: {@link Platform#exit} is only for a toolkit that did. */
    private boolean started;

    private SelfTest(PrintStream out, Logged logged) {
        this.out = out;
        this.logged = logged;
    }

    /** Runs the self-test over {@code stores} (the demo store when empty); returns the exit code. */
    public static int run(List<Path> stores, PrintStream out) {
        if (System.getenv("DISPLAY") == null && System.getenv("WAYLAND_DISPLAY") == null && System.getProperty("glass.platform") == null) {
            System.setProperty("glass.platform", "Headless");
            System.setProperty("prism.order", "sw");
        }
        Path scratch = null;
        Preferences prefs = Preferences.userRoot().node("dev/packinspector-selftest/" + UUID.randomUUID());
        Logged logged = Logged.watch();
        var test = new SelfTest(out, logged);
        try {
            scratch = Files.createTempDirectory("pack-inspector-selftest-");
            List<Path> targets = stores.isEmpty() ? List.of(DemoStore.write(scratch.resolve("demo-store"))) : stores;
            test.check(targets, scratch, new Settings(prefs));
            logged.failIfAny();
            out.println("self-test: ok");
            return 0;
        } catch (AssertionError e) {
            out.println("self-test: FAILED: " + e.getMessage());
            return 1;
        } catch (Exception e) {
            out.println("self-test: FAILED: " + Errors.sentence(e));
            return 1;
        } finally {
            logged.stop();
            try {
                prefs.removeNode();
            } catch (BackingStoreException | IllegalStateException e) {
                // nothing was saved there
            }
            delete(scratch);
            if (test.started) {
                // (JavaFX's exit waits forever for a toolkit that failed to start: no display)
                Platform.exit();
            }
        }
    }

    private void check(List<Path> stores, Path scratch, Settings settings) throws Exception {
        Instant processStart = ProcessHandle.current().info().startInstant().orElse(Instant.now());
        var shown = new CompletableFuture<Instant>();
        Platform.startup(() -> { });
        started = true;
        fx(() -> {
            Theme.followSystem();
            stage = new Stage();
            stage.setOnShown(e -> Platform.runLater(() -> shown.complete(Instant.now())));
            window = new MainWindow(stage, settings, null, Files.createDirectories(scratch.resolve("no-stores")));
            window.show();
            return null;
        });
        Instant first = shown.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        out.printf("self-test: window shown %d ms after the process started (%s platform)%n",
                Duration.between(processStart, first).toMillis(), System.getProperty("glass.platform", "default"));
        try {
            var tour = new Tour(window, scratch.resolve("restore-plans"), TIMEOUT_SECONDS);
            for (Path store : stores) {
                Tour.Line line = tour.walk(store);
                logged.failIfAny();
                out.println("self-test: " + line.text());
            }
        } finally {
            // closed here, failed or not: closing saves the window's place into settings that are removed next
            fx(() -> {
                stage.close();
                return null;
            });
        }
    }

    private static <T> T fx(java.util.concurrent.Callable<T> action) throws Exception {
        return Fx.call(action, TIMEOUT_SECONDS);
    }

    private static void delete(Path root) {
        if (root == null) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException e) {
            // a temp folder: the system cleans it up in the end
        }
    }
}

package dev.packinspector.app;

import dev.packinspector.Errors;
import dev.packinspector.app.common.Format;
import dev.packinspector.app.common.Fx;
import dev.packinspector.app.common.Settings;
import dev.packinspector.app.common.Theme;
import dev.packinspector.app.preview.PreviewPane;
import dev.packinspector.app.session.StoreSession;
import dev.packinspector.app.shell.DemoStore;
import dev.packinspector.app.shell.MainWindow;
import dev.packinspector.app.shell.Navigation;
import dev.packinspector.app.snapshots.SnapshotsView;
import dev.packinspector.catalog.ManifestEntry;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * {@code pack-inspector --self-test [STORE]}: proves an installed application works. It opens the
 * real window (on the display, or on JavaFX's Headless platform where there is none), opens the
 * store (or writes and opens the demo store), shows a snapshot's files and previews one, prints
 * what it saw and how long the first window took, and exits: 0 if all of it worked, 1 if not.
 * It touches neither the user's settings nor their stores.
 */
public final class SelfTest {
    private static final long TIMEOUT_SECONDS = 60;

    private final PrintStream out;
    private MainWindow window;
    private Stage stage;

    private SelfTest(PrintStream out) {
        this.out = out;
    }

    /** Runs the self-test; returns the exit code. */
    public static int run(Path store, PrintStream out) {
        if (System.getenv("DISPLAY") == null && System.getenv("WAYLAND_DISPLAY") == null && System.getProperty("glass.platform") == null) {
            System.setProperty("glass.platform", "Headless");
            System.setProperty("prism.order", "sw");
        }
        Path scratch = null;
        Preferences prefs = Preferences.userRoot().node("dev/packinspector-selftest/" + UUID.randomUUID());
        try {
            scratch = Files.createTempDirectory("pack-inspector-selftest-");
            Path target = store;
            if (target == null) {
                target = DemoStore.write(scratch.resolve("demo-store"));
            }
            new SelfTest(out).check(target, scratch, new Settings(prefs));
            out.println("self-test: ok");
            return 0;
        } catch (AssertionError e) {
            out.println("self-test: FAILED: " + e.getMessage());
            return 1;
        } catch (Exception e) {
            out.println("self-test: FAILED: " + Errors.sentence(e));
            return 1;
        } finally {
            try {
                prefs.removeNode();
            } catch (BackingStoreException | IllegalStateException e) {
                // nothing was saved there
            }
            delete(scratch);
            Platform.exit();
        }
    }

    private void check(Path store, Path scratch, Settings settings) throws Exception {
        Instant processStart = ProcessHandle.current().info().startInstant().orElse(Instant.now());
        var shown = new CompletableFuture<Instant>();
        Platform.startup(() -> { });
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

        var opening = fx(() -> window.model().open(store));
        waitFor("the store to open", opening::isDone);
        if (fx(opening::getException) != null) {
            throw new AssertionError("cannot open " + store + ": " + Errors.sentence(fx(opening::getException)));
        }
        var session = window.model().session();
        waitFor("the store to be shown", () -> session.get() != null && session.get().path().equals(store.toAbsolutePath().normalize()));
        StoreSession s = fx(session::get);
        var snapshots = (SnapshotsView) fx(() -> stage.getScene().lookup("#snapshots-view"));
        var preview = (PreviewPane) fx(() -> stage.getScene().lookup("#preview"));
        out.printf("self-test: opened %s: %s, %s, %s%n", s.path(), Format.count(s.packs().packs().size(), "pack"),
                Format.count(s.packs().entryCount(), "object"), Format.count(s.snapshots().size(), "snapshot"));
        if (s.packs().entryCount() == 0) {
            throw new AssertionError("the store holds no objects");
        }
        if (!s.snapshots().isEmpty()) {
            waitFor("the newest snapshot's files", () -> snapshots.fileTree().getRoot() != null
                    && !snapshots.fileTree().getRoot().getChildren().isEmpty());
            ManifestEntry file = fx(() -> snapshots.selectedEntries().stream()
                    .filter(e -> e.usable() && e.size() > 0 && (e.mode() & 0170000) == 0100000).min(Comparator.comparingLong(ManifestEntry::size)).orElseThrow());
            fx(() -> {
                snapshots.fileTree().getSelectionModel().clearSelection();
                window.select(Navigation.View.SNAPSHOTS);
                return null;
            });
            fx(() -> {
                window.preview().file(file);
                return null;
            });
            waitFor("the preview of " + file.path(), () -> preview.shown().location() != null && preview.shown().integrity().startsWith("verified"));
            out.printf("self-test: previewed %s (%s), content verified%n", file.path(), Format.bytes(file.size()));
        }
        fx(() -> {
            stage.close();
            return null;
        });
    }

    private static <T> T fx(java.util.concurrent.Callable<T> action) throws Exception {
        return Fx.call(action, TIMEOUT_SECONDS);
    }

    private static void waitFor(String what, BooleanSupplier condition) throws Exception {
        Fx.waitFor(what, condition, TIMEOUT_SECONDS);
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

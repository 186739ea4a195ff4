package dev.packinspector.app.shell;

import dev.packinspector.Fixtures;
import dev.packinspector.app.common.Fx;
import dev.packinspector.app.common.Settings;
import dev.packinspector.app.common.TaskPanel;
import dev.packinspector.app.common.Theme;
import dev.packinspector.app.history.CompareView;
import dev.packinspector.app.history.SearchView;
import dev.packinspector.app.restore.RestoreFlow;
import dev.packinspector.app.shell.MainWindow;
import dev.packinspector.app.snapshots.FileNode;
import dev.packinspector.history.SnapshotDiff;
import dev.packinspector.restore.RestoreItems;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.scene.control.TreeItem;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;

/**
 * Not a test: drives the real window through its main views and writes a PNG of each into a
 * folder (the README's screenshots). Run by {@code docs/screenshots/take.sh}, light and dark.
 */
public final class ScreenshotTour {
    private final Path out;
    private final String suffix;
    private MainWindow window;
    private Stage stage;

    private ScreenshotTour(Path out, String suffix) {
        this.out = out;
        this.suffix = suffix;
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/screenshots");
        Files.createDirectories(out);
        String theme = System.getProperty("packinspector.theme", "light");
        Platform.startup(() -> { });
        try {
            new ScreenshotTour(out, theme).run();
        } finally {
            Platform.exit();
        }
    }

    private void run() throws Exception {
        Path emptyHome = Files.createTempDirectory("pack-inspector-tour-");
        var prefs = Preferences.userRoot().node("dev/packinspector-tour/" + UUID.randomUUID());
        fx(() -> {
            Theme.apply(javafx.application.ColorScheme.LIGHT);
            stage = new Stage();
            window = new MainWindow(stage, new Settings(prefs), null, emptyHome.resolve(".chkpt/stores"));
            // -Dpackinspector.size=1024x700 for the small screen's set (docs/screenshots/1024x700)
            String[] size = System.getProperty("packinspector.size", "1440x860").split("x");
            stage.setWidth(Double.parseDouble(size[0]));
            stage.setHeight(Double.parseDouble(size[1]));
            stage.show();
            return null;
        });
        shot("start");

        fx(() -> window.model().open(Fixtures.store("basic")));
        waitFor(() -> WindowDriver.session(window) != null && WindowDriver.snapshots(window).fileTree().getRoot() != null);
        fx(() -> {
            var tree = WindowDriver.snapshots(window).fileTree();
            TreeItem<FileNode> docs = child(tree.getRoot(), "docs");
            docs.setExpanded(true);
            TreeItem<FileNode> file = docs.getChildren().stream().filter(i -> !i.getValue().folder()).findFirst().orElseThrow();
            tree.getSelectionModel().select(file);
            return null;
        });
        waitFor(() -> !WindowDriver.preview(window).parts().text().lines().getItems().isEmpty());
        shot("snapshots");

        Path target = Files.createTempDirectory("pack-inspector-tour-restore-");
        fx(() -> {
            WindowDriver.tasks(window).showAfter(javafx.util.Duration.ZERO);
            WindowDriver.snapshots(window).fileTree().getSelectionModel().clearSelection();
            window.restores().restoreTo(WindowDriver.session(window), RestoreFlow.name(WindowDriver.snapshots(window).selectedSnapshot()),
                    RestoreItems.of(WindowDriver.snapshots(window).selectedEntries()), target);
            return null;
        });
        waitFor(() -> dialog() != null);
        Thread.sleep(300);
        WritableImage plan = fx(() -> dialog().getScene().snapshot(null));
        write(plan, "restore-plan");
        fx(() -> {
            var pane = (javafx.scene.control.DialogPane) dialog().getScene().getRoot();
            ((javafx.scene.control.Button) pane.lookupButton(RestoreFlow.RESTORE)).fire();
            return null;
        });
        waitFor(() -> !WindowDriver.tasks(window).busy() && !WindowDriver.tasks(window).getChildren().isEmpty() && report() != null);
        shot("restored");
        Thread.sleep(300);
        write(fx(() -> report().getScene().snapshot(null)), "restore-report");
        fx(() -> {
            report().close();
            return null;
        });
        fx(() -> {
            WindowDriver.tasks(window).getChildren().clear();
            WindowDriver.tasks(window).showAfter(TaskPanel.SHOW_AFTER);
            return null;
        });

        fx(() -> {
            var tree = WindowDriver.snapshots(window).fileTree();
            TreeItem<FileNode> assets = child(tree.getRoot(), "assets");
            assets.setExpanded(true);
            tree.getSelectionModel().select(assets.getChildren().getFirst());
            WindowDriver.preview(window).parts().tabs().getSelectionModel().select(1);
            return null;
        });
        waitFor(() -> !WindowDriver.preview(window).parts().hex().lines().getItems().isEmpty());
        shot("hex");

        fx(() -> {
            window.select(Navigation.View.OBJECTS);
            WindowDriver.index(window).filter("3");
            WindowDriver.index(window).table().getSelectionModel().select(1);
            WindowDriver.preview(window).parts().tabs().getSelectionModel().select(3);
            return null;
        });
        waitFor(() -> WindowDriver.preview(window).shown().location() != null);
        Thread.sleep(400);
        shot("index");

        fx(() -> window.model().open(Fixtures.store("real/head-basic")));
        waitFor(() -> WindowDriver.session(window) != null && WindowDriver.session(window).path().endsWith("head-basic"));
        fx(() -> {
            window.select(Navigation.View.PACKS);
            return null;
        });
        shot("packs");

        String root = Fixtures.manifest("real/head-basic").get("snapshots").get(0).get("root_tree_hash").asText();
        fx(() -> {
            window.select(Navigation.View.OBJECTS);
            WindowDriver.index(window).filter(root);
            WindowDriver.index(window).table().getSelectionModel().select(0);
            return null;
        });
        waitFor(() -> !WindowDriver.preview(window).parts().listing().getItems().isEmpty());
        shot("tree");

        fx(() -> window.model().open(Fixtures.store("basic")));
        waitFor(() -> WindowDriver.session(window) != null && WindowDriver.session(window).path().endsWith("basic"));

        fx(() -> {
            window.select(Navigation.View.SEARCH);
            WindowDriver.search(window).query().set("module_0");
            return null;
        });
        waitFor(() -> WindowDriver.search(window).results().getRoot() != null && !WindowDriver.search(window).results().getRoot().getChildren().isEmpty());
        fx(() -> {
            var results = WindowDriver.search(window).results();
            TreeItem<SearchView.Row> changed = results.getRoot().getChildren().stream()
                    .filter(i -> i.getChildren().size() > 1).findFirst().orElseThrow();
            changed.setExpanded(true);
            results.getSelectionModel().select(changed.getChildren().get(1));
            return null;
        });
        waitFor(() -> WindowDriver.preview(window).shown().location() != null);
        Thread.sleep(400);
        shot("search");

        fx(() -> {
            window.select(Navigation.View.COMPARE);
            return null;
        });
        waitFor(() -> WindowDriver.compare(window).diff() != null && WindowDriver.compare(window).tree().getRoot() != null);
        fx(() -> {
            // a changed file, so that its diff shows beneath the changes
            var tree = WindowDriver.compare(window).tree();
            TreeItem<CompareView.DiffNode> changed = firstChanged(tree.getRoot());
            if (changed != null) {
                tree.getSelectionModel().select(changed);
                tree.scrollTo(tree.getRow(changed));
            }
            return null;
        });
        waitFor(() -> WindowDriver.compare(window).diffView().diff() != null || !WindowDriver.compare(window).diffView().message().isEmpty());
        Thread.sleep(300);
        shot("compare");

        fx(() -> {
            window.select(Navigation.View.SPACE);
            return null;
        });
        waitFor(() -> WindowDriver.space(window).report() != null && WindowDriver.space(window).treemap().folder() != null);
        Thread.sleep(600);
        shot("space");

        fx(() -> window.model().open(Fixtures.store("corrupt/bad_magic")));
        waitFor(() -> WindowDriver.session(window) != null && WindowDriver.session(window).path().endsWith("bad_magic"));
        fx(() -> {
            window.select(Navigation.View.PROBLEMS);
            return WindowDriver.problems(window).verify();
        });
        waitFor(() -> !WindowDriver.tasks(window).busy() && WindowDriver.problems(window).tree().size() > 1);
        shot("problems");

        fx(() -> window.model().open(Fixtures.store("corrupt/content_hash_mismatch")));
        waitFor(() -> WindowDriver.session(window) != null && WindowDriver.session(window).path().endsWith("content_hash_mismatch")
                && WindowDriver.snapshots(window).fileTree().getRoot() != null);
        fx(() -> {
            window.select(Navigation.View.SNAPSHOTS);
            var tree = WindowDriver.snapshots(window).fileTree();
            tree.getSelectionModel().select(child(tree.getRoot(), "hello.txt"));
            return null;
        });
        waitFor(() -> !WindowDriver.preview(window).shown().damagedBanner().isEmpty());
        shot("damaged");

        fx(() -> {
            window.model().openDemo();
            return null;
        });
        waitFor(() -> WindowDriver.session(window) != null && WindowDriver.session(window).path().endsWith("demo-store") && WindowDriver.snapshots(window).fileTree().getRoot() != null);
        fx(() -> {
            var tree = WindowDriver.snapshots(window).fileTree();
            TreeItem<FileNode> assets = child(tree.getRoot(), "assets");
            assets.setExpanded(true);
            tree.getSelectionModel().select(child(assets, "logo.png"));
            WindowDriver.preview(window).parts().tabs().getSelectionModel().select(2);
            return null;
        });
        Thread.sleep(800);
        shot("image");
        fx(() -> {
            stage.close();
            return null;
        });
        prefs.removeNode();
    }

    private static TreeItem<CompareView.DiffNode> firstChanged(TreeItem<CompareView.DiffNode> at) {
        if (at.getValue() != null && at.getValue().change() != null && at.getValue().change().kind() == SnapshotDiff.Kind.CHANGED) {
            return at;
        }
        for (TreeItem<CompareView.DiffNode> c : at.getChildren()) {
            TreeItem<CompareView.DiffNode> found = firstChanged(c);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static TreeItem<FileNode> child(TreeItem<FileNode> parent, String name) {
        return parent.getChildren().stream().filter(i -> i.getValue().name().equals(name)).findFirst().orElseThrow();
    }

    /** The restore plan dialog, once it is showing. */
    private static Stage dialog() {
        return javafx.stage.Window.getWindows().stream().filter(w -> w instanceof Stage s && s.getTitle() != null && s.getTitle().startsWith("Restore "))
                .map(w -> (Stage) w).findFirst().orElse(null);
    }

    /** The report of a finished restore, once it is showing. */
    private static Stage report() {
        return javafx.stage.Window.getWindows().stream().filter(w -> w instanceof Stage s && "Restore finished".equals(s.getTitle()))
                .map(w -> (Stage) w).findFirst().orElse(null);
    }

    private void shot(String name) throws Exception {
        Thread.sleep(300);
        fx(() -> null);
        write(fx(() -> stage.getScene().snapshot(null)), name);
    }

    private void write(WritableImage image, String name) throws IOException {
        Path file = out.resolve(name + "-" + suffix + ".png");
        try {
            javax.imageio.ImageIO.write(toAwt(image), "png", file.toFile());
        } catch (IOException e) {
            throw new IOException("cannot write " + file, e);
        }
        System.out.println("wrote " + file);
    }

    private static java.awt.image.BufferedImage toAwt(WritableImage image) {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int[] argb = new int[w * h];
        image.getPixelReader().getPixels(0, 0, w, h, javafx.scene.image.PixelFormat.getIntArgbInstance(), argb, 0, w);
        var out = new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_INT_ARGB);
        out.setRGB(0, 0, w, h, argb, 0, w);
        return out;
    }

    private static <T> T fx(Callable<T> action) throws Exception {
        return Fx.call(action, 30);
    }

    private static void waitFor(BooleanSupplier condition) throws Exception {
        Fx.waitFor("the window", condition, 30);
    }
}

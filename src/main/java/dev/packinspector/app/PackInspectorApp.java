package dev.packinspector.app;

import dev.packinspector.app.common.Settings;
import dev.packinspector.app.common.Theme;
import dev.packinspector.app.shell.MainWindow;
import dev.packinspector.app.shell.StoreFinder;
import dev.packinspector.workspace.ChkptHome;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application: one main window, a store from the command line opened at once. */
public final class PackInspectorApp extends Application {
    @Override
    public void start(Stage stage) {
        Theme.followSystem();
        for (int size : new int[] {16, 24, 32, 48, 64, 128, 256}) {
            var icon = PackInspectorApp.class.getResource("icons/icon-" + size + ".png");
            if (icon != null) {
                stage.getIcons().add(new javafx.scene.image.Image(icon.toExternalForm()));
            }
        }
        var window = new MainWindow(stage, Settings.user(), getHostServices(), StoreFinder.storesRoot(), ChkptHome.ofThisProcess());
        window.show();
        List<String> args = getParameters().getUnnamed();
        if (!args.isEmpty()) {
            window.model().open(Path.of(args.getFirst()));
        }
    }
}

package dev.packinspector.app;

import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application: one main window, a store from the command line opened at once. */
public final class PackInspectorApp extends Application {
    @Override
    public void start(Stage stage) {
        Theme.followSystem();
        var window = new MainWindow(stage, Settings.user(), getHostServices(), StoreFinder.storesRoot());
        window.show();
        List<String> args = getParameters().getUnnamed();
        if (!args.isEmpty()) {
            window.open(Path.of(args.getFirst()));
        }
    }
}

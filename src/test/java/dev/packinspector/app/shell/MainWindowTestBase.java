package dev.packinspector.app.shell;

import dev.packinspector.app.shell.MainWindow;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * Each test gets a fresh main window with throwaway settings and an empty stores root (so the
 * start page shows no user's stores), closed afterwards.
 */
abstract class MainWindowTestBase {
    @TempDir
    Path emptyStoresRoot;
    WindowDriver ui;
    FxRobot robot;

    @BeforeEach
    void startWindow() {
        ui = WindowDriver.start(emptyStoresRoot);
        robot = ui.robot;
    }

    @AfterEach
    void closeWindow() {
        if (ui != null) {
            ui.close();
        }
    }

    MainWindow window() {
        return ui.window();
    }
}

package dev.packinspector.app.shell;

import dev.packinspector.app.common.Settings;
import javafx.scene.control.SplitPane;
import javafx.stage.Stage;

/** Where the window was and how big, and where its divider sat: kept between runs. */
final class Placement {
    private Placement() {
    }

    /** Puts {@code stage} where it was last (its size is the scene's, already restored). */
    static void restore(Stage stage, Settings settings) {
        double x = settings.number("x", Double.NaN);
        double y = settings.number("y", Double.NaN);
        if (!Double.isNaN(x) && !Double.isNaN(y)) {
            stage.setX(x);
            stage.setY(y);
        }
    }

    static void save(Stage stage, SplitPane split, Settings settings) {
        settings.put("width", stage.getWidth());
        settings.put("height", stage.getHeight());
        settings.put("x", stage.getX());
        settings.put("y", stage.getY());
        settings.put("divider", split.getDividerPositions()[0]);
        settings.flush();
    }
}

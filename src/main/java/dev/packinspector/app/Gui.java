package dev.packinspector.app;

import javafx.application.Application;

/** Starts the desktop application; the only way into the app layer from the launcher. */
public final class Gui {
    private Gui() {
    }

    /** Opens the window; {@code args} may name a store folder to open at once. Returns when it closes. */
    public static void launch(String... args) {
        Application.launch(PackInspectorApp.class, args);
    }
}

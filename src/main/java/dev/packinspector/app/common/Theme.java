package dev.packinspector.app.common;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.application.ColorScheme;
import javafx.application.Platform;

/** Follows the system's light or dark preference, live, with AtlantaFX's Primer themes ({@code -Dpackinspector.theme=dark|light} overrides it). */
public final class Theme {
    private Theme() {
    }

    public static void followSystem() {
        var prefs = Platform.getPreferences();
        apply(prefs.getColorScheme());
        prefs.colorSchemeProperty().addListener((obs, old, scheme) -> apply(scheme));
    }

    public static void apply(ColorScheme scheme) {
        String forced = System.getProperty("packinspector.theme", "");
        boolean dark = forced.isEmpty() ? scheme == ColorScheme.DARK : forced.equalsIgnoreCase("dark");
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
    }
}

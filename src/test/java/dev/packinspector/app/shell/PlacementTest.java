package dev.packinspector.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.packinspector.app.shell.Placement.Bounds;
import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window opens wholly on a screen: the first time at a size that fits it, later where it was if that still fits. */
class PlacementTest {
    private static final Rectangle2D SMALL = new Rectangle2D(0, 0, 1024, 700);
    private static final Rectangle2D LARGE = new Rectangle2D(0, 0, 1920, 1080);
    /** A second monitor to the right of the large one, its visual bounds below a 32 px top panel. */
    private static final Rectangle2D RIGHT = new Rectangle2D(1920, 32, 1280, 992);

    @Test
    void theFirstStartFitsASmallScreenAndIsCentredOnALargeOne() {
        assertEquals(new Bounds(0, 0, 1024, 700), Placement.fit(Bounds.NONE, List.of(SMALL)));
        assertEquals(new Bounds(260, 110, 1400, 860), Placement.fit(Bounds.NONE, List.of(LARGE, RIGHT)));
    }

    @Test
    void aPlaceThatStillFitsIsKept() {
        var saved = new Bounds(100, 50, 1200, 800);
        assertEquals(saved, Placement.fit(saved, List.of(LARGE)));
        var onTheRight = new Bounds(2000, 100, 1000, 700);
        assertEquals(onTheRight, Placement.fit(onTheRight, List.of(LARGE, RIGHT)));
    }

    @Test
    void aSizeFromALargerScreenIsCutToTodaysScreen() {
        assertEquals(new Bounds(0, 0, 1024, 700), Placement.fit(new Bounds(300, 200, 1900, 1050), List.of(SMALL)));
    }

    @Test
    void aPlaceOnAnUnpluggedMonitorComesBackToThePrimary() {
        // last on the right-hand monitor, which is gone: nothing of it overlaps the screen left
        Bounds b = Placement.fit(new Bounds(2100, 100, 1000, 700), List.of(LARGE));
        assertEquals(new Bounds(920, 100, 1000, 700), b);
        assertInside(b, LARGE);
        // far above and to the left of every screen
        assertInside(Placement.fit(new Bounds(-5000, -3000, 800, 600), List.of(SMALL)), SMALL);
    }

    @Test
    void aWindowMostlyOnOneMonitorIsPulledWhollyOntoIt() {
        // straddling the two monitors, most of it on the right one, and above its panel
        Bounds b = Placement.fit(new Bounds(1800, 0, 1000, 700), List.of(LARGE, RIGHT));
        assertEquals(new Bounds(1920, 32, 1000, 700), b);
    }

    @Test
    void nonsenseSavedSizesFallBackToSensibleOnes() {
        assertEquals(new Bounds(0, 0, 1024, 700), Placement.fit(new Bounds(0, 0, 0, -5), List.of(SMALL)));
        Bounds tiny = Placement.fit(new Bounds(10, 10, 50, 40), List.of(LARGE));
        assertEquals(Placement.MIN_WIDTH, tiny.width());
        assertEquals(Placement.MIN_HEIGHT, tiny.height());
        assertEquals(new Bounds(0, 0, 1024, 700), Placement.fit(new Bounds(Double.NaN, 5, Double.NaN, Double.NaN), List.of(SMALL)));
    }

    @Test
    void aFreshProfileOpensTheWindowWhollyOnTheScreen(@TempDir Path noStores) {
        try (var ui = WindowDriver.start(noStores, prefs -> { })) {
            Rectangle2D screen = WindowDriver.onFx(() -> Screen.getPrimary().getVisualBounds());
            Bounds shown = WindowDriver.onFx(() -> new Bounds(ui.stage().getX(), ui.stage().getY(), ui.stage().getWidth(), ui.stage().getHeight()));
            assertInside(shown, screen);
            assertEquals(Math.min(Placement.WIDTH, screen.getWidth()), shown.width(), "the default width, or the screen's if less");
            assertEquals(Math.min(Placement.HEIGHT, screen.getHeight()), shown.height(), "the default height, or the screen's if less");
        }
    }

    @Test
    void aRememberedPlaceOffEveryScreenIsPulledBackOntoOne(@TempDir Path noStores) {
        try (var ui = WindowDriver.start(noStores, prefs -> {
            prefs.putDouble("x", 6000);
            prefs.putDouble("y", -4000);
            prefs.putDouble("width", 5000);
            prefs.putDouble("height", 3000);
        })) {
            Rectangle2D screen = WindowDriver.onFx(() -> Screen.getPrimary().getVisualBounds());
            Bounds shown = WindowDriver.onFx(() -> new Bounds(ui.stage().getX(), ui.stage().getY(), ui.stage().getWidth(), ui.stage().getHeight()));
            assertInside(shown, screen);
            assertEquals(screen.getWidth(), shown.width());
            assertEquals(screen.getHeight(), shown.height());
        }
    }

    private static void assertInside(Bounds b, Rectangle2D screen) {
        assertTrue(b.x() >= screen.getMinX() && b.y() >= screen.getMinY() && b.x() + b.width() <= screen.getMaxX()
                && b.y() + b.height() <= screen.getMaxY(), b + " lies wholly on " + screen);
    }
}

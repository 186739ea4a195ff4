package dev.packinspector.app.shell;

import dev.packinspector.app.common.Settings;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * Where the window opens and how big, and where its divider sits: kept between runs, and always
 * wholly on a screen. The first size is {@value #WIDTH}×{@value #HEIGHT}, cut to the screen; a
 * remembered size or place that no longer fits (a smaller screen, an unplugged monitor) is pulled
 * back onto the screen that holds most of it.
 */
final class Placement {
    static final double WIDTH = 1400;
    static final double HEIGHT = 860;
    /** The smallest size kept: below it nothing reads (a screen smaller still wins). */
    static final double MIN_WIDTH = 640;
    static final double MIN_HEIGHT = 480;

    /** A window's place; NaN where it is not known (no saved place yet). */
    record Bounds(double x, double y, double width, double height) {
        static final Bounds NONE = new Bounds(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    private Placement() {
    }

    /**
     * Where a window last at {@code saved} opens, given the {@code screens}' visual bounds (the
     * primary first): the saved size (else the default), cut to the screen that holds most of the
     * saved place (the primary if none does), and moved, if need be, until it lies wholly on it;
     * centred on that screen when no place was saved.
     */
    static Bounds fit(Bounds saved, List<Rectangle2D> screens) {
        List<Rectangle2D> all = screens.isEmpty() ? List.of(new Rectangle2D(0, 0, WIDTH, HEIGHT)) : screens;
        double w = usable(saved.width()) ? Math.max(MIN_WIDTH, saved.width()) : WIDTH;
        double h = usable(saved.height()) ? Math.max(MIN_HEIGHT, saved.height()) : HEIGHT;
        boolean placed = Double.isFinite(saved.x()) && Double.isFinite(saved.y());
        Rectangle2D screen = all.getFirst();
        if (placed) {
            double best = 0;
            for (Rectangle2D s : all) {
                double overlap = overlap(s, saved.x(), saved.y(), w, h);
                if (overlap > best) {
                    best = overlap;
                    screen = s;
                }
            }
        }
        w = Math.min(w, screen.getWidth());
        h = Math.min(h, screen.getHeight());
        double x = placed ? clamp(saved.x(), screen.getMinX(), screen.getMaxX() - w) : screen.getMinX() + (screen.getWidth() - w) / 2;
        double y = placed ? clamp(saved.y(), screen.getMinY(), screen.getMaxY() - h) : screen.getMinY() + (screen.getHeight() - h) / 2;
        return new Bounds(x, y, w, h);
    }

    /** Puts {@code stage} where it was last, sized as it was (or maximized), wholly on a screen of today's. */
    static void restore(Stage stage, Settings settings) {
        var saved = new Bounds(settings.number("x", Double.NaN), settings.number("y", Double.NaN), settings.number("width", Double.NaN),
                settings.number("height", Double.NaN));
        Bounds b = fit(saved, screens());
        stage.setX(b.x());
        stage.setY(b.y());
        stage.setWidth(b.width());
        stage.setHeight(b.height());
        stage.setMinWidth(Math.min(MIN_WIDTH, b.width()));
        stage.setMinHeight(Math.min(MIN_HEIGHT, b.height()));
        stage.setMaximized(settings.number("maximized", 0) > 0);
    }

    /** Keeps the window's place (its place before it was maximized, if it is) and its panes' (as {@code split} keeps them). */
    static void save(Stage stage, PreviewSplit split, Settings settings) {
        settings.put("maximized", stage.isMaximized() ? 1 : 0);
        if (!stage.isMaximized() && !stage.isIconified()) {
            settings.put("width", stage.getWidth());
            settings.put("height", stage.getHeight());
            settings.put("x", stage.getX());
            settings.put("y", stage.getY());
        }
        split.save(settings);
        settings.flush();
    }

    /** The screens' visual bounds, the primary first. */
    private static List<Rectangle2D> screens() {
        var out = new ArrayList<Rectangle2D>();
        Screen primary = Screen.getPrimary();
        out.add(primary.getVisualBounds());
        for (Screen s : Screen.getScreens()) {
            if (!s.equals(primary)) {
                out.add(s.getVisualBounds());
            }
        }
        return out;
    }

    private static boolean usable(double size) {
        return Double.isFinite(size) && size > 0;
    }

    private static double overlap(Rectangle2D s, double x, double y, double w, double h) {
        double ow = Math.min(s.getMaxX(), x + w) - Math.max(s.getMinX(), x);
        double oh = Math.min(s.getMaxY(), y + h) - Math.max(s.getMinY(), y);
        return ow > 0 && oh > 0 ? ow * oh : 0;
    }

    private static double clamp(double v, double min, double max) {
        return Math.max(min, Math.min(v, Math.max(min, max)));
    }
}

package dev.packinspector.app.history;

import dev.packinspector.app.common.Format;
import dev.packinspector.history.Folder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;

/**
 * A squarified treemap of one folder's sub-folders (and its own files as one cell), each cell's
 * area its bytes; cells holding bytes unique to the snapshot are tinted. Clicking a folder cell
 * hands it to {@code open}. Lays out again when resized.
 */
public final class Treemap extends Pane {
    private final Consumer<Folder> open;
    private Folder folder;

    Treemap(Consumer<Folder> open) {
        this.open = open;
        setId("treemap");
        setMinSize(200, 150);
    }

    void show(Folder folder) {
        this.folder = folder;
        getChildren().clear();
        if (folder == null) {
            return;
        }
        long inSubfolders = folder.children().stream().mapToLong(Folder::bytes).sum();
        for (Folder child : folder.children()) {
            if (child.bytes() > 0) {
                getChildren().add(cell(child.name() + "/", child.bytes(), child.uniqueBytes(), child.files(), child));
            }
        }
        long own = folder.bytes() - inSubfolders;
        if (own > 0) {
            long ownUnique = Math.max(0, folder.uniqueBytes() - folder.children().stream().mapToLong(Folder::uniqueBytes).sum());
            getChildren().add(cell("files here", own, ownUnique, folder.files() - folder.children().stream().mapToInt(Folder::files).sum(), null));
        }
        requestLayout();
    }

    public Folder folder() {
        return folder;
    }

    private StackPane cell(String name, long bytes, long unique, int files, Folder target) {
        var label = new Label(name + "\n" + Format.bytes(bytes));
        label.setWrapText(true);
        var cell = new StackPane(label);
        cell.getStyleClass().add("treemap-cell");
        if (unique > 0) {
            cell.getStyleClass().add("unique");
        }
        cell.setUserData(bytes);
        cell.setMinSize(0, 0);
        label.setMinSize(0, 0);
        Tooltip.install(cell, new Tooltip(name + "\n" + Format.bytes(bytes) + " in " + Format.count(files, "file") + "\n"
                + Format.bytes(unique) + " unique to this snapshot" + (target != null && !target.children().isEmpty() ? "\nclick to open" : "")));
        if (target != null && !target.children().isEmpty()) {
            cell.setOnMouseClicked(e -> open.accept(target));
        }
        return cell;
    }

    @Override
    protected void layoutChildren() {
        List<javafx.scene.Node> cells = new ArrayList<>(getChildren());
        cells.sort((a, b) -> Long.compare((long) b.getUserData(), (long) a.getUserData()));
        double[] sizes = cells.stream().mapToDouble(c -> (long) c.getUserData()).toArray();
        List<Rectangle2D> rects = squarify(sizes, new Rectangle2D(0, 0, getWidth(), getHeight()));
        for (int i = 0; i < cells.size(); i++) {
            Rectangle2D r = rects.get(i);
            cells.get(i).resizeRelocate(r.getMinX(), r.getMinY(), r.getWidth(), r.getHeight());
            cells.get(i).setVisible(r.getWidth() >= 2 && r.getHeight() >= 2);
        }
    }

    /** Squarified layout (Bruls, Huizing, van Wijk): rows of cells along the shorter side, keeping cells near square. Sizes sorted, largest first. */
    static List<Rectangle2D> squarify(double[] sizes, Rectangle2D area) {
        var out = new ArrayList<Rectangle2D>();
        double total = 0;
        for (double s : sizes) {
            total += s;
        }
        if (sizes.length == 0 || total <= 0 || area.getWidth() <= 0 || area.getHeight() <= 0) {
            for (int i = 0; i < sizes.length; i++) {
                out.add(new Rectangle2D(area.getMinX(), area.getMinY(), 0, 0));
            }
            return out;
        }
        double scale = area.getWidth() * area.getHeight() / total;
        double x = area.getMinX();
        double y = area.getMinY();
        double w = area.getWidth();
        double h = area.getHeight();
        int start = 0;
        while (start < sizes.length) {
            double side = Math.min(w, h);
            int end = start + 1;
            double sum = sizes[start] * scale;
            double worst = worst(sizes, start, end, sum, side, scale);
            while (end < sizes.length) {
                double next = sum + sizes[end] * scale;
                double nextWorst = worst(sizes, start, end + 1, next, side, scale);
                if (nextWorst > worst) {
                    break;
                }
                sum = next;
                worst = nextWorst;
                end++;
            }
            double thickness = side > 0 ? sum / side : 0;
            double along = 0;
            for (int i = start; i < end; i++) {
                double length = sum > 0 ? sizes[i] * scale / sum * side : 0;
                out.add(w >= h ? new Rectangle2D(x, y + along, thickness, length) : new Rectangle2D(x + along, y, length, thickness));
                along += length;
            }
            if (w >= h) {
                x += thickness;
                w -= thickness;
            } else {
                y += thickness;
                h -= thickness;
            }
            start = end;
        }
        return out;
    }

    /** The worst aspect ratio of cells {@code [from, to)} laid in one row of area {@code sum} along {@code side}. */
    private static double worst(double[] sizes, int from, int to, double sum, double side, double scale) {
        double max = 0;
        double min = Double.MAX_VALUE;
        for (int i = from; i < to; i++) {
            max = Math.max(max, sizes[i] * scale);
            min = Math.min(min, sizes[i] * scale);
        }
        if (sum <= 0 || min <= 0) {
            return Double.MAX_VALUE;
        }
        double s2 = side * side;
        double sum2 = sum * sum;
        return Math.max(s2 * max / sum2, sum2 / (s2 * min));
    }
}

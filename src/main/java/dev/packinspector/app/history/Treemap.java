package dev.packinspector.app.history;

import dev.packinspector.app.common.Format;
import dev.packinspector.catalog.ManifestEntry;
import dev.packinspector.history.Folder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * A squarified treemap of one folder: its sub-folders and its own files, as Filelight and Baobab
 * show them, each cell's area its bytes; cells holding bytes unique to the snapshot are tinted.
 * Clicking a folder hands it to {@code open}, a file to {@code preview}. A cell is labelled only
 * where its name fits on one line (cut with an ellipsis), its size beneath where there is room
 * for a second; every cell tells all on hover. Lays out again when resized.
 */
public final class Treemap extends Pane {
    /** At most this many cells; the smallest beyond them share one. */
    static final int MAX_CELLS = 150;
    /** A cell narrower than this shows no label: a letter and an ellipsis tell nothing. */
    public static final double MIN_LABEL_WIDTH = 36;

    private final Consumer<Folder> open;
    private final Consumer<ManifestEntry> preview;
    private Folder folder;
    private final List<Item> items = new ArrayList<>();

    /** One cell: a folder, a file, or the smallest of them lumped together (both null). */
    public record Item(String name, long bytes, long uniqueBytes, int files, Folder folder, Folder.File file) {
    }

    Treemap(Consumer<Folder> open, Consumer<ManifestEntry> preview) {
        this.open = open;
        this.preview = preview;
        setId("treemap");
        setMinSize(200, 150);
    }

    void show(Folder folder) {
        this.folder = folder;
        getChildren().clear();
        items.clear();
        if (folder == null) {
            return;
        }
        var all = new ArrayList<Item>();
        for (Folder child : folder.children()) {
            all.add(new Item(child.name() + "/", child.bytes(), child.uniqueBytes(), child.files(), child, null));
        }
        for (Folder.File f : folder.ownFiles()) {
            all.add(new Item(f.name(), f.bytes(), f.unique() ? f.bytes() : 0, 1, null, f));
        }
        all.removeIf(i -> i.bytes() <= 0);
        all.sort(Comparator.comparingLong(Item::bytes).reversed());
        if (all.size() > MAX_CELLS) {
            List<Item> rest = all.subList(MAX_CELLS - 1, all.size());
            var lumped = new Item(Format.count(rest.size(), "more item"), rest.stream().mapToLong(Item::bytes).sum(),
                    rest.stream().mapToLong(Item::uniqueBytes).sum(), rest.stream().mapToInt(Item::files).sum(), null, null);
            all = new ArrayList<>(all.subList(0, MAX_CELLS - 1));
            all.add(lumped);
        }
        items.addAll(all);
        for (Item i : items) {
            getChildren().add(cell(i));
        }
        requestLayout();
    }

    public Folder folder() {
        return folder;
    }

    /** The cells shown, largest first. */
    public List<Item> items() {
        return List.copyOf(items);
    }

    /** The cell of {@code item} (for tests: click it, read its labels). */
    public StackPane cellOf(Item item) {
        return (StackPane) getChildren().get(items.indexOf(item));
    }

    private StackPane cell(Item item) {
        var name = label(item.name().strip());
        var size = label(Format.bytes(item.bytes()));
        size.getStyleClass().add("treemap-size");
        var labels = new VBox(name, size);
        labels.setAlignment(Pos.TOP_LEFT);
        labels.setPadding(new Insets(2, 4, 2, 4));
        labels.setMinSize(0, 0);
        labels.setMouseTransparent(true);
        var cell = new StackPane(labels);
        cell.setAlignment(Pos.TOP_LEFT);
        cell.getStyleClass().addAll("treemap-cell", item.file() != null ? "file" : "folder");
        if (item.uniqueBytes() > 0) {
            cell.getStyleClass().add("unique");
        }
        cell.setUserData(item);
        cell.setMinSize(0, 0);
        boolean opens = item.folder() != null;
        boolean previews = item.file() != null;
        String what = previews ? item.file().entry().path() : item.folder() != null ? item.folder().path() + "/" : "the smallest files and folders";
        Tooltip.install(cell, new Tooltip(what + "\n" + Format.bytes(item.bytes()) + (previews ? "" : " in " + Format.count(item.files(), "file"))
                + "\n" + Format.bytes(item.uniqueBytes()) + " unique to this snapshot" + (opens ? "\nclick to open" : previews ? "\nclick to preview" : "")));
        if (opens) {
            cell.setOnMouseClicked(e -> open.accept(item.folder()));
        } else if (previews) {
            cell.setOnMouseClicked(e -> preview.accept(item.file().entry()));
        }
        return cell;
    }

    private static Label label(String text) {
        var l = new Label(text);
        l.setWrapText(false);
        l.setTextOverrun(OverrunStyle.ELLIPSIS);
        l.setMinWidth(0);
        l.setMaxWidth(Double.MAX_VALUE);
        return l;
    }

    @Override
    protected void layoutChildren() {
        // cells are in item order, largest first, as squarify wants them
        List<Node> cells = new ArrayList<>(getChildren());
        double[] sizes = cells.stream().mapToDouble(c -> ((Item) c.getUserData()).bytes()).toArray();
        List<Rectangle2D> rects = squarify(sizes, new Rectangle2D(0, 0, getWidth(), getHeight()));
        for (int i = 0; i < cells.size(); i++) {
            Rectangle2D r = rects.get(i);
            Node cell = cells.get(i);
            cell.resizeRelocate(r.getMinX(), r.getMinY(), r.getWidth(), r.getHeight());
            cell.setVisible(r.getWidth() >= 2 && r.getHeight() >= 2);
            fitLabels((StackPane) cell, r.getWidth(), r.getHeight());
        }
    }

    /** The name where one line of it fits (ellipsized if need be), the size too where a second line fits; else neither. */
    private static void fitLabels(StackPane cell, double width, double height) {
        var labels = (VBox) cell.getChildren().getFirst();
        Label name = (Label) labels.getChildren().get(0);
        Label size = (Label) labels.getChildren().get(1);
        double line = Math.ceil(name.getFont().getSize() * 1.35);
        double padding = labels.getPadding().getTop() + labels.getPadding().getBottom();
        boolean one = width >= MIN_LABEL_WIDTH && height >= line + padding;
        name.setVisible(one);
        size.setVisible(one && height >= 2 * line + padding);
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

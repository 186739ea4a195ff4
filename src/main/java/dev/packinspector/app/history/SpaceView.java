package dev.packinspector.app.history;

import dev.packinspector.app.common.Columns;
import dev.packinspector.app.common.Format;
import dev.packinspector.app.common.Tasks;
import dev.packinspector.app.session.PreviewModel;
import dev.packinspector.history.Folder;
import dev.packinspector.history.SpaceReport.PackSpace;
import dev.packinspector.history.SpaceReport.SnapshotSpace;
import dev.packinspector.history.SpaceReport;
import dev.packinspector.history.StoreIndex;
import dev.packinspector.store.PackSet;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/**
 * Where the store's space goes: a bar per snapshot of the stored bytes unique to it (what
 * deleting it would free) and shared with others; a treemap of the chosen snapshot's folders and
 * files (tinted where they hold unique bytes; click a folder to go in, a file to preview it); and
 * per pack the ratio and the entries no snapshot uses.
 */
public final class SpaceView extends BorderPane {
    private static final double MB = 1 << 20;

    private final Tasks tasks;
    /** The report, then the chosen snapshot's folders, being worked out: a newer index or choice cancels it. */
    private final Tasks.Latest working = new Tasks.Latest();
    /** Bars lie along the width, one a snapshot, newest on top: their labels read across however many there are. */
    private final StackedBarChart<Number, String> chart = new StackedBarChart<>(new NumberAxis(), new CategoryAxis());
    private final Treemap treemap;
    private final Label where = new Label();
    private final Button up = new Button("Up");
    private final TableView<PackSpace> packs = new TableView<>();
    private final Label summary = new Label();
    private SpaceReport report;
    private SnapshotSpace chosen;
    /** The chosen snapshot's root folder. */
    private Folder root;

    SpaceView(Tasks tasks, PreviewModel preview) {
        this.tasks = tasks;
        this.treemap = new Treemap(this::openFolder, preview::file);
        setId("space-view");
        chart.setId("space-chart");
        chart.setAnimated(false);
        chart.setLegendVisible(true);
        chart.setPrefHeight(260);
        chart.setMinHeight(120);
        ((NumberAxis) chart.getXAxis()).setLabel("MB stored per snapshot");
        summary.getStyleClass().add("muted");
        summary.setId("space-summary");
        where.setId("treemap-path");
        up.setId("treemap-up");
        up.setTooltip(new Tooltip("Back to the folder above"));
        up.setOnAction(e -> goUp());
        up.setDisable(true);
        up.setMinWidth(Region.USE_PREF_SIZE);
        where.setMinWidth(0);
        var crumbs = new HBox(8, up, where);
        crumbs.setAlignment(Pos.CENTER_LEFT);
        var map = new BorderPane(treemap);
        map.setTop(crumbs);
        BorderPane.setMargin(crumbs, new Insets(0, 0, 6, 0));
        packs.setId("space-packs");
        // what no snapshot uses, under one header: "Unused entries" and "Unused bytes" were cut to "Unused e…"
        var unused = new TableColumn<PackSpace, Object>("Unused");
        unused.getColumns().setAll(List.of(Columns.number("Entries", 70, p -> Format.count(p.unusedEntries()), PackSpace::unusedEntries),
                Columns.number("Bytes", 80, p -> Format.bytes(p.unusedStoredBytes()), PackSpace::unusedStoredBytes)));
        packs.getColumns().setAll(List.of(Columns.name("Pack", 140, PackSpace::name), Columns.number("Entries", 70, p -> Format.count(p.entries()), PackSpace::entries),
                Columns.number("Data", 80, p -> Format.bytes(p.dataBytes()), PackSpace::dataBytes),
                Columns.number("Content used", 100, p -> Format.bytes(p.contentBytes()), PackSpace::contentBytes),
                Columns.number("Ratio", 60, p -> p.ratio() > 0 ? String.format(Locale.ROOT, "%.2f", p.ratio()) : "—", PackSpace::ratio), unused));
        headersFit(packs.getColumns());
        packs.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        // a narrow window (1024 px) leaves out what Packs shows anyway, rather than scroll what no snapshot uses out of sight
        var shown = packs.getColumns();
        var leaves = new java.util.ArrayList<TableColumn<PackSpace, ?>>(shown.subList(0, 5));
        leaves.addAll(unused.getColumns());
        Columns.dropWhenNarrow(packs, leaves, List.of(shown.get(3), shown.get(4), shown.get(2)));
        packs.setPlaceholder(new Label("No readable packs"));
        // chart, treemap and packs share the height as the user likes: at 700 px there is not room for all at their best
        var parts = new SplitPane(chart, map, packs);
        parts.setOrientation(javafx.geometry.Orientation.VERTICAL);
        parts.setDividerPositions(0.34, 0.76);
        var top = new VBox(4, summary);
        top.setPadding(new Insets(8, 8, 0, 8));
        setTop(top);
        setCenter(parts);
        BorderPane.setMargin(parts, new Insets(8));
    }

    /** No column narrower than its header's words: the table scrolls sideways rather than cut them. */
    private static <S> void headersFit(List<? extends TableColumn<S, ?>> columns) {
        Font bold = Font.font(Font.getDefault().getFamily(), FontWeight.BOLD, Font.getDefault().getSize() + 1);
        for (TableColumn<S, ?> c : columns) {
            if (c.getColumns().isEmpty()) {
                var words = new Text(c.getText());
                words.setFont(bold);
                c.setMinWidth(Math.max(c.getMinWidth(), Math.ceil(words.getLayoutBounds().getWidth()) + 30));
                c.setPrefWidth(Math.max(c.getPrefWidth(), c.getMinWidth()));
            } else {
                headersFit(c.getColumns());
            }
        }
    }

    /** Works the report out for {@code index} (null while it is built) over {@code packSet}. */
    void index(StoreIndex index, PackSet packSet, String state) {
        working.cancel();
        report = null;
        chosen = null;
        root = null;
        chart.getData().clear();
        treemap.show(null);
        packs.getItems().clear();
        summary.setText(state);
        if (index == null) {
            return;
        }
        tasks.job("Attributing space", p -> SpaceReport.of(index, packSet)).quiet().in(working).onSuccess(this::show).run();
    }

    public SpaceReport report() {
        return report;
    }

    public Treemap treemap() {
        return treemap;
    }

    public StackedBarChart<Number, String> chart() {
        return chart;
    }

    private void show(SpaceReport r) {
        report = r;
        var unique = new XYChart.Series<Number, String>();
        unique.setName("Unique to the snapshot");
        var shared = new XYChart.Series<Number, String>();
        shared.setName("Shared with others");
        var labels = new java.util.HashSet<String>();
        for (SnapshotSpace s : r.snapshots()) {
            String label = barLabel(s.snapshot(), labels);
            unique.getData().add(new XYChart.Data<>(s.uniqueStoredBytes() / MB, label, s));
            shared.getData().add(new XYChart.Data<>(s.sharedStoredBytes() / MB, label, s));
        }
        chart.getData().setAll(List.of(unique, shared));
        for (XYChart.Series<Number, String> series : chart.getData()) {
            for (XYChart.Data<Number, String> d : series.getData()) {
                SnapshotSpace s = (SnapshotSpace) d.getExtraValue();
                if (d.getNode() != null) {
                    Tooltip.install(d.getNode(), new Tooltip(Format.snapshot(s.snapshot()) + "\nid " + s.snapshot().id() + "\n"
                            + Format.count(s.files(), "file") + ", "
                            + Format.bytes(s.bytes()) + " content\n" + Format.bytes(s.storedBytes()) + " stored, "
                            + Format.bytes(s.uniqueStoredBytes()) + " only here (deleting it frees that)\nclick for its folders"));
                    d.getNode().setOnMouseClicked(e -> choose(s));
                }
            }
        }
        packs.getItems().setAll(r.packs());
        long unused = r.packs().stream().mapToLong(PackSpace::unusedStoredBytes).sum();
        summary.setText(Format.count(r.snapshots().size(), "snapshot") + " · " + Format.count(r.packs().size(), "pack")
                + (unused > 0 ? " · " + Format.bytes(unused) + " in entries no snapshot uses" : "") + " · click a bar to see its folders");
        if (!r.snapshots().isEmpty()) {
            choose(r.snapshots().getLast());
        }
    }

    /**
     * A bar's label: the snapshot's message, else its time (the whole name and id are on hover);
     * made unique, as bars of one label would fall into one category.
     */
    private static String barLabel(dev.packinspector.catalog.Snapshot s, java.util.Set<String> taken) {
        String label = s.message() == null || s.message().isBlank() ? Format.time(s.createdAt()) : Format.middle(s.message().strip(), 24);
        String unique = label;
        for (int n = 2; !taken.add(unique); n++) {
            unique = label + " (" + n + ")";
        }
        return unique;
    }

    /** Shows {@code s}'s folders in the treemap, worked out off the FX thread (100,000 files take tens of milliseconds). */
    void choose(SnapshotSpace s) {
        chosen = s;
        SpaceReport from = report;
        tasks.job("Measuring folders", p -> from.folders(s.snapshot())).quiet().in(working).onSuccess(folders -> {
            root = folders;
            openFolder(root);
        }).run();
    }

    private void openFolder(Folder f) {
        treemap.show(f);
        up.setDisable(f.path().isEmpty());
        where.setText(Format.snapshot(chosen.snapshot()) + "   /" + f.path() + "   " + Format.bytes(f.bytes()) + ", "
                + Format.bytes(f.uniqueBytes()) + " unique to this snapshot");
        where.setTooltip(new Tooltip("id " + chosen.snapshot().id()));
    }

    private void goUp() {
        Folder at = treemap.folder();
        if (at == null || at.path().isEmpty() || root == null) {
            return;
        }
        String parent = at.path().contains("/") ? at.path().substring(0, at.path().lastIndexOf('/')) : "";
        Folder f = root;
        for (String part : parent.isEmpty() ? new String[0] : parent.split("/", -1)) {
            f = f.children().stream().filter(c -> c.name().equals(part)).findFirst().orElse(f);
        }
        openFolder(f);
    }
}

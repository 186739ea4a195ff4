package dev.packinspector.app.history;

import dev.packinspector.app.common.Format;
import dev.packinspector.app.common.Tasks;
import dev.packinspector.app.session.PreviewModel;
import dev.packinspector.catalog.ManifestEntry;
import dev.packinspector.catalog.Snapshot;
import dev.packinspector.history.ContentFinder;
import dev.packinspector.history.PathQuery;
import dev.packinspector.history.PathVersions;
import dev.packinspector.history.SearchResult;
import dev.packinspector.history.StoreIndex;
import java.util.List;
import javafx.animation.PauseTransition;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * Search across every snapshot at once: paths matching the query (text or glob), each with its
 * versions and the snapshots holding them, which is also a path's history. Select a version to
 * preview it, restore it, or compare it with another version of the path. Dropped local files
 * show here too: where the store holds their content.
 */
public final class SearchView extends BorderPane {
    static final int LIMIT = 2_000;
    private static final String PROMPT = "Type in the find field above (Ctrl+F) to search every snapshot's paths, "
            + "or drop files on the window to find their content";

    interface Actions {
        void restore(ManifestEntry version, Snapshot from);

        /** Show the line diff of two versions of one path, {@code older} first. */
        void compare(PathVersions.Version older, PathVersions.Version newer);

        /** How many objects (blobs and trees) of the store have ids starting with {@code hexPrefix}. */
        int objectsWithPrefix(String hexPrefix);

        /** Show those objects (in Objects, filtered). */
        void showObjects(String hexPrefix);
    }

    /** A row: a path, one of its versions, a dropped file, or a place that file's content is used. */
    public sealed interface Row permits PathRow, VersionRow, FileRow, UseRow, Note {
    }

    public record PathRow(PathVersions path) implements Row {
    }

    public record VersionRow(PathVersions.Version version, int number) implements Row {
    }

    public record FileRow(ContentFinder.Found found) implements Row {
    }

    record UseRow(StoreIndex.Use use) implements Row {
    }

    record Note(String text) implements Row {
    }

    private final Tasks tasks;
    private final PreviewModel preview;
    /** What the results' selection put in the preview, cleared with that selection. */
    private PreviewModel.Target previewed;
    /** Objects whose ids start with the query, when it looks like an id: a link to them in Objects. */
    private final ObjectsLink objects;
    /** Enter was pressed before the results came: open the first as soon as they do. */
    private boolean openWhenShown;
    /** The search running: a newer query or index cancels it. */
    private final Tasks.Latest searching = new Tasks.Latest();
    private final Actions actions;
    /** What to find: the main find field's text (one field for the whole window, so the query is never shown twice). */
    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final Label summary = new Label();
    private final TreeTableView<Row> results = new TreeTableView<>();
    private final Button restore = new Button("Restore version…");
    private final Button compare = new Button("Compare versions");
    private final PauseTransition pause = new PauseTransition(Duration.millis(150));
    private StoreIndex index;
    /** The query whose results are shown (null: none are). */
    private String shownQuery;
    private String indexState = "";

    SearchView(Tasks tasks, PreviewModel preview, Actions actions) {
        this.tasks = tasks;
        this.preview = preview;
        this.actions = actions;
        this.objects = new ObjectsLink(actions::objectsWithPrefix, actions::showObjects);
        setId("search-view");
        pause.setOnFinished(e -> search());
        query.addListener((obs, old, text) -> pause.playFromStart());
        summary.setId("search-summary");
        summary.getStyleClass().add("muted");

        results.setId("search-results");
        results.setShowRoot(false);
        results.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        SearchColumns.install(results, this::title, SearchView::object, SearchView::where);
        results.setPlaceholder(new Label(PROMPT));
        results.getSelectionModel().selectedItemProperty().addListener((obs, old, item) -> selected(item));

        restore.setId("restore-version");
        restore.setTooltip(new Tooltip("Restore the selected version of the file into a folder you choose"));
        restore.setOnAction(e -> restoreSelected());
        compare.setId("compare-versions");
        compare.setTooltip(new Tooltip("Line-by-line differences between two selected versions of a path (or one and the version before it)"));
        compare.setOnAction(e -> compareSelected());
        restore.setDisable(true);
        compare.setDisable(true);
        results.getSelectionModel().getSelectedItems().addListener((javafx.collections.ListChangeListener<TreeItem<Row>>) c -> updateButtons());

        SearchSelection.nameSnapshots(results);
        var top = new VBox(6, summary, objects);
        top.setPadding(new Insets(8));
        var buttons = new HBox(8, restore, compare);
        buttons.setAlignment(Pos.CENTER_LEFT);
        buttons.setPadding(new Insets(6, 8, 8, 8));
        setTop(top);
        setCenter(results);
        setBottom(buttons);
    }

    /** The index of the open store (null while it is built); {@code state} says how far that is. */
    void index(StoreIndex index, String state) {
        searching.cancel();
        this.index = index;
        this.indexState = state;
        if (index == null) {
            results.setRoot(null);
            shownQuery = null;
            summary.setText(state);
        } else if (!query.get().isBlank()) {
            search();
        } else {
            summary.setText(state);
        }
    }

    /** What Search finds: the main find field's text, bound to it by the shell. */
    public StringProperty query() {
        return query;
    }

    /** True once the snapshots are indexed, so a query can be answered. */
    public boolean ready() {
        return index != null;
    }

    /** Searches for the query at once, without waiting for the typing to pause. */
    public void searchNow() {
        search();
    }

    /** The query whose results are shown, or null. */
    public String shownQuery() {
        return shownQuery;
    }

    public TreeTableView<Row> results() {
        return results;
    }

    /** Shows {@code path}'s history: searches for exactly it. */
    public void showHistory(String path) {
        query.set(path);
        search();
    }

    private void search() {
        pause.stop();
        searching.cancel();
        StoreIndex searched = index;
        String text = query.get();
        if (searched == null) {
            return;
        }
        objects.lookUp(text);
        if (text.isBlank()) {
            results.setRoot(null);
            results.setPlaceholder(new Label(PROMPT));
            shownQuery = null;
            summary.setText(indexState);
            return;
        }
        tasks.job("Searching", p -> {
            long start = System.nanoTime();
            return new Timed<>(searched.search(PathQuery.of(text), LIMIT), System.nanoTime() - start);
        }).quiet().in(searching).onSuccess(r -> {
            shownQuery = text;
            show(r.value(), r.nanos());
            if (openWhenShown) {
                openWhenShown = false;
                openFirst();
            }
        }).run();
    }

    /** The text of the link to objects by id, or null when none is shown. */
    public String objectLink() {
        return objects.prefix() == null ? null : objects.getText();
    }

    /**
     * Opens the first result: the first path found as the latest snapshot holding it has it (previewed, the focus in
     * the results), else the objects whose ids start with the query. Before the results of the
     * query typed have come, does so when they come.
     */
    public void openFirst() {
        if (index == null || query.get().isBlank()) {
            return;
        }
        if (!query.get().equals(shownQuery)) {
            openWhenShown = true;
            search();
            return;
        }
        TreeItem<Row> root = results.getRoot();
        if (root != null && !root.getChildren().isEmpty()) {
            TreeItem<Row> first = root.getChildren().getFirst();
            first.setExpanded(true);
            TreeItem<Row> newest = first.getChildren().stream().filter(i -> i.getValue() instanceof VersionRow v
                    && v.version() == SearchSelection.latest(((PathRow) first.getValue()).path(), index)).findFirst().orElse(first);
            results.getSelectionModel().clearAndSelect(results.getRow(newest));
            results.scrollTo(results.getRow(first));
            results.requestFocus();
        } else if (objects.prefix() != null) {
            actions.showObjects(objects.prefix());
        }
    }

    /** Puts the focus in the results (on the first, if none is selected), or on the link to objects if there are none. */
    public void focusResults() {
        TreeItem<Row> root = results.getRoot();
        if (root != null && !root.getChildren().isEmpty()) {
            if (results.getSelectionModel().isEmpty()) {
                results.getSelectionModel().clearAndSelect(0);
            }
            results.requestFocus();
        } else if (objects.prefix() != null) {
            objects.requestFocus();
        }
    }

    private void show(SearchResult r, long nanos) {
        var root = new TreeItem<Row>();
        for (PathVersions p : r.paths()) {
            var item = new TreeItem<Row>(new PathRow(p));
            int n = 1;
            for (PathVersions.Version v : p.versions()) {
                item.getChildren().add(new TreeItem<>(new VersionRow(v, n++)));
            }
            // a handful of results open up to show their versions
            item.setExpanded(r.paths().size() <= 20);
            root.getChildren().add(item);
        }
        results.setRoot(root);
        results.setPlaceholder(new Label(r.matches() == 0 ? "No path in any snapshot matches “" + r.query().text() + "”" : PROMPT));
        summary.setText((r.matches() == 0 ? "No path matches “" + r.query().text() + "”"
                : Format.count(r.matches(), "path") + " match “" + r.query().text() + "”"
                + (r.truncated() ? ", the first " + Format.count(r.paths().size()) + " shown" : ""))
                + (r.query().isGlob() ? " (glob)" : "") + String.format(java.util.Locale.ROOT, " · %.0f ms", nanos / 1e6));
    }

    /** Shows every snapshot path that uses object {@code id} (the Objects view's "Show uses"). */
    public void showUses(dev.packinspector.store.ObjectId id) {
        query.set("");
        shownQuery = null;
        pause.stop();
        searching.cancel();
        if (index == null) {
            results.setRoot(null);
            summary.setText("The uses of object " + id.shortHex(12) + " are known once the snapshots are indexed: " + indexState);
            return;
        }
        List<StoreIndex.Use> uses = index.usesOf(id);
        var root = new TreeItem<Row>();
        var object = new TreeItem<Row>(new Note("object " + id.toHex()));
        uses.forEach(u -> object.getChildren().add(new TreeItem<>(new UseRow(u))));
        object.setExpanded(true);
        root.getChildren().add(object);
        results.setRoot(root);
        summary.setText("Object " + id.shortHex(12) + ": " + (uses.isEmpty() ? "used by no snapshot" : "used by " + Format.count(uses.size(), "path")
                + " in " + Format.count(uses.stream().map(u -> u.snapshot().id()).distinct().count(), "snapshot")));
    }

    /** Shows where the content of dropped local files is in the store. */
    void showContent(List<ContentFinder.Found> found) {
        query.set("");
        shownQuery = null;
        pause.stop();
        searching.cancel();
        var root = new TreeItem<Row>();
        int inStore = 0;
        for (ContentFinder.Found f : found) {
            var item = new TreeItem<Row>(new FileRow(f));
            for (StoreIndex.Use u : f.uses()) {
                item.getChildren().add(new TreeItem<>(new UseRow(u)));
            }
            if (f.uses().isEmpty() && f.kept() != null) {
                item.getChildren().add(new TreeItem<>(new Note(f.kept() + ", used by no snapshot")));
            }
            item.setExpanded(found.size() <= 20);
            inStore += f.inStore() ? 1 : 0;
            root.getChildren().add(item);
        }
        results.setRoot(root);
        summary.setText("Content of " + Format.count(found.size(), "dropped file") + ": " + inStore + " in the store, "
                + (found.size() - inStore) + " not");
    }

    private void selected(TreeItem<Row> item) {
        Row row = item == null ? null : item.getValue();
        if (row instanceof VersionRow v) {
            previewed = preview.file(v.version().entry());
        } else if (row instanceof PathRow p && !p.path().versions().isEmpty()) {
            // a path stands for its newest version
            previewed = preview.file(SearchSelection.latest(p.path(), index).entry());
        } else if (row instanceof FileRow f && f.found().id() != null && f.found().inStore() && !f.found().uses().isEmpty()) {
            StoreIndex.Use use = f.found().uses().getFirst();
            previewed = preview.file(new ManifestEntry(use.path(), f.found().id(), f.found().size(), use.mode(), null));
        } else {
            // no selection (new results, another store), or a row that is no file
            preview.clear(previewed);
        }
    }

    private void updateButtons() {
        restore.setDisable(SearchSelection.versions(results).size() != 1);
        compare.setDisable(SearchSelection.comparison(results) == null);
    }

    private void restoreSelected() {
        List<VersionRow> versions = SearchSelection.versions(results);
        if (versions.size() == 1) {
            PathVersions.Version v = versions.getFirst().version();
            actions.restore(v.entry(), v.snapshots().getLast());
        }
    }

    private void compareSelected() {
        PathVersions.Version[] pair = SearchSelection.comparison(results);
        if (pair != null) {
            actions.compare(pair[0], pair[1]);
        }
    }

    // ---- cells ----------------------------------------------------------------------------------

    private String title(Row row) {
        return switch (row) {
            case PathRow p -> p.path().path();
            case VersionRow v -> "v" + v.number() + " · " + Format.snapshot(v.version().snapshots().getFirst());
            case FileRow f -> f.found().file().toString();
            case UseRow u -> u.use().path();
            case Note n -> n.text();
        };
    }

    private static String object(Row row) {
        return switch (row) {
            case VersionRow v -> v.version().entry().blob() == null ? "—" : v.version().entry().blob().shortHex(10);
            case FileRow f -> f.found().id() == null ? "" : f.found().id().shortHex(10);
            default -> "";
        };
    }

    private static String where(Row row) {
        return switch (row) {
            case PathRow p -> Format.count(p.path().versions().size(), "version");
            case VersionRow v -> SnapshotNames.of(v.version().snapshots());
            case FileRow f -> f.found().problem() != null ? f.found().problem()
                    : f.found().inStore() ? "in the store" + (f.found().uses().isEmpty() ? "" : ", " + Format.count(
                            f.found().uses().stream().map(u -> u.snapshot().id()).distinct().count(), "snapshot")) : "not in the store";
            case UseRow u -> Format.snapshot(u.use().snapshot());
            default -> "";
        };
    }
}

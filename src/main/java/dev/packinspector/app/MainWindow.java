package dev.packinspector.app;

import dev.packinspector.catalog.ManifestEntry;
import dev.packinspector.catalog.Snapshot;
import dev.packinspector.restore.RestoreItem;
import dev.packinspector.store.ObjectId;
import dev.packinspector.store.ObjectLocation;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.application.HostServices;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * The main window: navigation on the left (the store's parts with counts), the selected part in
 * the centre, the preview on the right, running tasks and the status line at the bottom. Every
 * slow step runs as a background task; the window never waits.
 */
final class MainWindow implements WindowCommands.Actions {
    enum View {
        SNAPSHOTS("Snapshots"), PACKS("Packs"), OBJECTS("Objects"), PROBLEMS("Problems"), SEARCH("Search"), COMPARE("Compare"),
        SPACE("Space");

        private final String title;

        View(String title) {
            this.title = title;
        }

        String title() {
            return title;
        }
    }

    private static final Pattern OBJECT = Pattern.compile("object ([0-9a-f]{32})");
    private static final Pattern PACK = Pattern.compile("pack-([0-9a-f]{16})");

    private final Stage stage;
    private final Settings settings;
    private final HostServices host;
    private final BackgroundTasks executor = new BackgroundTasks();
    private final StatusLine status = new StatusLine();
    private final TaskPanel tasks = new TaskPanel(executor, status);
    private final RestoreFlow restores;
    private final ExportFlow exports;
    private final ObjectExport export;
    private final PreviewPane preview;
    private final IndexView index;
    private final PacksView packsView = new PacksView();
    private final StoreFilesView packsPane = new StoreFilesView(packsView);
    private final SnapshotsView snapshots;
    private final ProblemsView problems;
    private final InsightViews insight;
    private final ListView<View> nav = new ListView<>();
    private final BorderPane centre = new BorderPane();
    private final BorderPane root = new BorderPane();
    private final StackPane body = new StackPane();
    private final SplitPane split;
    private final Path storesRoot;
    private FolderChooser chooser = FolderChooser.system();
    private StoreSession session;
    private long opens;
    private boolean closed;
    /** True until a store is open: what needs one is disabled. */
    private final javafx.beans.property.BooleanProperty noStore = new javafx.beans.property.SimpleBooleanProperty(true);
    private ManifestEntry previewEntry;

    MainWindow(Stage stage, Settings settings, HostServices host, Path storesRoot) {
        this.storesRoot = storesRoot;
        this.stage = stage;
        this.settings = settings;
        this.host = host;
        this.preview = new PreviewPane(executor, tasks, this::saveObject, this::openObject, this::damagedObjectSeen);
        this.index = new IndexView(tasks, new IndexView.Actions() {
            @Override
            public void select(ObjectLocation at) {
                showLocation(at);
            }

            @Override
            public void selectTree(ObjectId id) {
                previewEntry = null;
                preview.showTree(session, id, null);
            }

            @Override
            public void restore(List<ObjectId> ids) {
                restoreObjects(ids);
            }

            @Override
            public List<File> dragOut(List<ObjectId> ids) {
                return restoreForDrag(RestoreItems.objects(ids));
            }
        });
        this.problems = new ProblemsView(tasks, this::goTo);
        this.restores = new RestoreFlow(tasks, problems::addRestoreProblems);
        this.exports = new ExportFlow(tasks, problems::addRestoreProblems);
        this.export = new ObjectExport(() -> session, tasks, status, problems::addRestoreProblems, host, stage);
        this.snapshots = new SnapshotsView(tasks, new SnapshotsView.Actions() {
            @Override
            public void select(ManifestEntry entry) {
                showEntry(entry);
            }

            @Override
            public void folder(String summary) {
                previewEntry = null;
                preview.clear(summary);
            }

            @Override
            public void restore(Snapshot s, List<ManifestEntry> entries) {
                restores.restore(session, RestoreItems.describe(s, entries), RestoreItems.of(entries));
            }

            @Override
            public void restoreInto(Snapshot s, List<ManifestEntry> entries, Path folder) {
                restores.restoreTo(session, RestoreItems.describe(s, entries), RestoreItems.of(entries), folder);
            }

            @Override
            public List<File> dragOut(Snapshot s, List<ManifestEntry> entries) {
                return restoreForDrag(RestoreItems.of(entries));
            }

            @Override
            public void history(String path) {
                MainWindow.this.select(View.SEARCH);
                insight.search().showHistory(path);
            }
        });
        this.insight = new InsightViews(tasks, () -> session, this::showEntry, new InsightViews.Actions() {
            @Override
            public void restore(ManifestEntry version, Snapshot from) {
                restores.restore(session, RestoreItems.describe(from, List.of(version)), RestoreItems.of(List.of(version)));
            }

            @Override
            public void compare(ManifestEntry older, ManifestEntry newer) {
                CompareWindow.show(stage, tasks, session.packs(), older, newer, older.blob().shortHex(8), newer.blob().shortHex(8));
            }
        });
        nav.setId("nav");
        nav.getItems().setAll(View.values());
        nav.setCellFactory(v -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(View item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : navLabel(item));
            }
        });
        nav.getSelectionModel().selectedItemProperty().addListener((obs, old, v) -> showView(v));
        problems.rows().addListener((javafx.collections.ListChangeListener<Problem>) c -> nav.refresh());
        nav.setPrefWidth(170);
        split = new SplitPane(centre, preview);
        split.setDividerPositions(settings.number("divider", 0.55));
        var left = new BorderPane(nav);
        root.setTop(new VBox(WindowCommands.menus(this, settings::recentStores, noStore), WindowCommands.toolbar(this, noStore)));
        root.setLeft(left);
        // Running tasks float over the bottom-right corner: a row coming or going repaints only
        // itself, never re-lays out the views (measured: a full repaint is 60+ ms without a GPU).
        StackPane.setAlignment(tasks, javafx.geometry.Pos.BOTTOM_RIGHT);
        StackPane.setMargin(tasks, new Insets(0, 16, 12, 0));
        body.getChildren().setAll(new javafx.scene.layout.Region(), tasks);
        root.setCenter(body);
        root.setBottom(status);
        BorderPane.setMargin(left, new Insets(0));
        showStartPage();
        var scene = new Scene(root, settings.number("width", 1400), settings.number("height", 860));
        scene.getStylesheets().add(MainWindow.class.getResource("pack-inspector.css").toExternalForm());
        scene.setOnDragOver(e -> {
            if (e.getGestureSource() == null && e.getDragboard().hasFiles()
                    && (droppedFolder(e.getDragboard()) != null || session != null)) {
                e.acceptTransferModes(TransferMode.COPY, TransferMode.LINK);
            }
        });
        scene.setOnDragDropped(e -> {
            e.setDropCompleted(dropped(e.getDragboard()));
            e.consume();
        });
        restores.owner(stage);
        exports.owner(stage);
        stage.setScene(scene);
        stage.setTitle("Pack Inspector");
        stage.setOnHidden(e -> close());
    }

    /**
     * A store dropped on the window opens; other files and folders dropped while a store is open
     * are looked up by content. True if the drop was taken.
     */
    private boolean dropped(Dragboard board) {
        Path folder = droppedFolder(board);
        if (folder != null && (session == null || StoreFinder.looksLikeStore(folder))) {
            open(folder);
            return true;
        }
        if (session == null || !board.hasFiles()) {
            return false;
        }
        findContent(board.getFiles().stream().map(File::toPath).toList());
        return true;
    }

    /** Looks up the content of local files in the open store and shows the answer in Search. */
    void findContent(List<Path> files) {
        select(View.SEARCH);
        insight.findContent(files);
    }

    /** The one folder a drag carries, or null. */
    static Path droppedFolder(Dragboard board) {
        if (board.hasFiles() && board.getFiles().size() == 1 && board.getFiles().getFirst().isDirectory()) {
            return board.getFiles().getFirst().toPath();
        }
        return null;
    }

    // ---- commands (menus, toolbar, shortcuts) ---------------------------------------------------------

    @Override
    public void openStore(Path store) {
        open(store);
    }

    @Override
    public void quit() {
        stage.close();
    }

    @Override
    public void show(View view) {
        select(view);
    }

    @Override
    public void find(String prefix) {
        select(View.OBJECTS);
        if (prefix == null) {
            index.filterField().requestFocus();
        } else {
            index.filter(prefix);
        }
    }

    @Override
    public void searchAll() {
        select(View.SEARCH);
        insight.search().queryField().requestFocus();
    }

    @Override
    public void about() {
        status.info("Pack Inspector 0.1.0: browse, verify and restore chkpt stores");
    }

    void show() {
        double x = settings.number("x", Double.NaN);
        double y = settings.number("y", Double.NaN);
        if (!Double.isNaN(x) && !Double.isNaN(y)) {
            stage.setX(x);
            stage.setY(y);
        }
        stage.show();
    }

    // ---- opening -------------------------------------------------------------------------------

    void chooser(FolderChooser c) {
        this.chooser = c;
        restores.chooser(c);
    }

    @Override
    public void chooseStore() {
        Path folder = chooser.choose(stage, "Open a chkpt store or packs folder");
        if (folder != null) {
            open(folder);
        }
    }

    Task<StoreSession> open(Path given) {
        // absolute, so the title, the recent stores and Refresh mean the same from any working folder
        Path folder = given.toAbsolutePath().normalize();
        long request = ++opens;
        return tasks.run(new Task<StoreSession>() {
            {
                updateTitle("Opening " + folder.getFileName());
                updateMessage(folder.toString());
            }

            @Override
            protected StoreSession call() throws Exception {
                return StoreSession.open(folder);
            }

            @Override
            protected void succeeded() {
                // only the store asked for last is shown, and nothing once the window has closed
                if (request == opens && !closed) {
                    showSession(getValue());
                } else {
                    closeLater(getValue());
                }
            }
        }, s -> request == opens && !closed ? "Opened " + s.path() + ": " + Format.count(s.packs().packs().size(), "pack") + ", "
                + Format.count(s.packs().entryCount(), "object") + ", " + Format.count(s.snapshots().size(), "snapshot") : null);
    }

    private void closeLater(StoreSession s) {
        Thread.ofVirtual().name("pack-inspector-close").start(s::close);
    }

    @Override
    public void openDemo() {
        tasks.run(new Task<Path>() {
            {
                updateTitle("Writing the demo store");
            }

            @Override
            protected Path call() throws Exception {
                return DemoStore.write(Files.createTempDirectory("pack-inspector-demo-").resolve("demo-store"));
            }

            @Override
            protected void succeeded() {
                open(getValue());
            }
        }, p -> "Demo store written to " + p);
    }

    @Override
    public void refresh() {
        if (session != null) {
            open(session.path());
        }
    }

    private void showSession(StoreSession s) {
        StoreSession old = session;
        session = s;
        noStore.set(false);
        settings.addRecent(s.path());
        executor.submit(new Task<Void>() {
            @Override
            protected Void call() {
                settings.flush();
                return null;
            }
        });
        stage.setTitle("Pack Inspector — " + s.path());
        snapshots.show(s);
        packsView.show(s);
        packsPane.show(s);
        index.show(IndexRows.of(s.packs(), s.trees()));
        problems.show(s);
        insight.load(s);
        preview.clear("Select a file or an index entry to preview it");
        long data = s.packs().packs().stream().mapToLong(p -> Math.max(0, p.dataBytes())).sum();
        long content = s.contentBytesByPack().values().stream().mapToLong(Long::longValue).sum();
        status.totals(Format.count(s.packs().packs().size(), "pack") + " · " + Format.count(s.packs().entryCount(), "object") + " · "
                + Format.bytes(data) + " on disk" + (content > 0 ? " · " + Format.bytes(content) + " content · ratio "
                + String.format(java.util.Locale.ROOT, "%.2f", (double) content / Math.max(1, data)) : ""));
        nav.refresh();
        if (nav.getSelectionModel().getSelectedItem() == null || old == null || !old.path().equals(s.path())) {
            nav.getSelectionModel().select(s.snapshots().isEmpty() ? View.PACKS : View.SNAPSHOTS);
        } else {
            showView(nav.getSelectionModel().getSelectedItem());
        }
        if (old != null) {
            closeLater(old);
        }
    }

    private void showStartPage() {
        body.getChildren().set(0, new javafx.scene.control.ScrollPane(new StartPage(storesRoot, StoreFinder.find(storesRoot),
                settings.recentStores(), this::open, this::chooseStore, this::openDemo)));
    }

    // ---- views ---------------------------------------------------------------------------------

    private String navLabel(View v) {
        if (session == null) {
            return v.title();
        }
        long n = switch (v) {
            case SNAPSHOTS -> session.snapshots().size();
            case PACKS -> session.packs().packs().size() + (session.trees().folderExists() ? 1 : 0);
            case OBJECTS -> session.packs().entryCount() + Math.max(0, session.trees().treeCount());
            case PROBLEMS -> problems.count();
            case SEARCH, COMPARE, SPACE -> -1;
        };
        if (n < 0) {
            return v.title();
        }
        return v.title() + "   " + Format.count(n);
    }

    void showView(View v) {
        if (session == null || v == null) {
            return;
        }
        Node content = switch (v) {
            case SNAPSHOTS -> snapshots;
            case PACKS -> packsPane;
            case OBJECTS -> index;
            case PROBLEMS -> problems;
            case SEARCH -> insight.search();
            case COMPARE -> insight.compare();
            case SPACE -> insight.space();
        };
        centre.setCenter(content);
        if (body.getChildren().getFirst() != split) {
            body.getChildren().set(0, split);
        }
    }

    void select(View v) {
        nav.getSelectionModel().select(v);
    }

    @Override
    public void verify() {
        if (session != null) {
            select(View.PROBLEMS);
            problems.verify();
        }
    }

    /** Restores the selection of the view shown: objects in Objects, else files and folders of the snapshot. */
    @Override
    public void restore() {
        if (session != null && nav.getSelectionModel().getSelectedItem() == View.OBJECTS && !index.selectedIds().isEmpty()) {
            restoreObjects(index.selectedIds());
            return;
        }
        if (session == null || snapshots.selectedSnapshot() == null) {
            status.info("Open a store and select a snapshot to restore");
            return;
        }
        List<ManifestEntry> entries = snapshots.selectedEntries();
        restores.restore(session, RestoreItems.describe(snapshots.selectedSnapshot(), entries), RestoreItems.of(entries));
    }

    /** Exports the files and folders selected in Snapshots (the whole snapshot when none is). */
    @Override
    public void export() {
        if (session == null || snapshots.selectedSnapshot() == null) {
            status.info("Open a store and select a snapshot to export");
            return;
        }
        List<ManifestEntry> entries = snapshots.selectedEntries();
        exports.export(session, snapshots.selectedSnapshot(), RestoreItems.describe(snapshots.selectedSnapshot(), entries),
                RestoreItems.of(entries));
    }

    private void goTo(String problem) {
        Matcher object = OBJECT.matcher(problem);
        Matcher pack = PACK.matcher(problem);
        if (object.find()) {
            select(View.OBJECTS);
            index.filter(object.group(1));
        } else if (pack.find()) {
            select(View.PACKS);
            String name = pack.group(1);
            packsView.getItems().stream().filter(p -> p.name().equals(name)).findFirst().ifPresent(p -> packsView.getSelectionModel().select(p));
        }
    }

    private void damagedObjectSeen(String what, Throwable e) {
        problems.damaged(what, e);
    }

    private void showEntry(ManifestEntry entry) {
        previewEntry = entry;
        if (entry.blob() == null) {
            preview.clear(entry.path() + ": " + entry.problem());
        } else {
            preview.show(session, entry.blob(), entry);
        }
    }

    private void showLocation(ObjectLocation at) {
        previewEntry = null;
        preview.show(session, at.id(), null);
    }

    // ---- restoring and exporting ---------------------------------------------------------------------

    private void restoreObjects(List<ObjectId> ids) {
        if (session != null && !ids.isEmpty()) {
            restores.restore(session, ids.size() == 1 ? "object " + ids.getFirst().shortHex(12) : Format.count(ids.size(), "object"),
                    RestoreItems.objects(ids));
        }
    }

    /** What a drag out of the window carries: the items restored into a temp folder (null if too large). */
    List<File> restoreForDrag(List<RestoreItem> items) {
        return export.forDrag(items);
    }

    private void saveObject() {
        ObjectId id = previewId();
        if (id != null) {
            export.save(id, previewName(id), previewSize(id));
        }
    }

    private void openObject() {
        ObjectId id = previewId();
        if (id != null) {
            export.open(id, previewName(id), previewSize(id));
        }
    }

    private ObjectId previewId() {
        ObjectLocation at = preview.location();
        return at == null ? null : at.id();
    }

    private String previewName(ObjectId id) {
        return previewEntry != null && id.equals(previewEntry.blob()) ? Path.of(previewEntry.path()).getFileName().toString() : id.toHex();
    }

    private long previewSize(ObjectId id) {
        return previewEntry != null && id.equals(previewEntry.blob()) ? previewEntry.size() : -1;
    }

    // ---- for tests -------------------------------------------------------------------------------

    StoreSession session() {
        return session;
    }

    StatusLine status() {
        return status;
    }

    TaskPanel tasks() {
        return tasks;
    }

    IndexView index() {
        return index;
    }

    StoreFilesView packsPane() {
        return packsPane;
    }

    PacksView packsView() {
        return packsView;
    }

    SnapshotsView snapshots() {
        return snapshots;
    }

    PreviewPane preview() {
        return preview;
    }

    ProblemsView problems() {
        return problems;
    }

    SearchView search() {
        return insight.search();
    }

    View navSelection() {
        return nav.getSelectionModel().getSelectedItem();
    }

    CompareView compare() {
        return insight.compare();
    }

    SpaceView space() {
        return insight.space();
    }

    StoreInsight insight() {
        return insight.index();
    }

    RestoreFlow restores() {
        return restores;
    }

    ExportFlow exports() {
        return exports;
    }

    private void close() {
        closed = true;
        settings.put("width", stage.getWidth());
        settings.put("height", stage.getHeight());
        settings.put("x", stage.getX());
        settings.put("y", stage.getY());
        settings.put("divider", split.getDividerPositions()[0]);
        settings.flush();
        // Closing the window stops what it started: restores and verifies end cleanly, leaving no partial file.
        tasks.cancelAll();
        insight.close();
        snapshots.close();
        preview.clear("");
        executor.close();
        if (session != null) {
            session.close();
        }
    }
}

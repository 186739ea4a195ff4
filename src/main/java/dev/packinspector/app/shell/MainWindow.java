package dev.packinspector.app.shell;

import dev.packinspector.app.common.FolderChooser;
import dev.packinspector.app.common.SaveChooser;
import dev.packinspector.app.common.Settings;
import dev.packinspector.app.common.StatusLine;
import dev.packinspector.app.common.Tasks;
import dev.packinspector.app.history.InsightViews;
import dev.packinspector.app.history.WorkspaceView;
import dev.packinspector.app.objects.IndexView;
import dev.packinspector.app.packs.PacksView;
import dev.packinspector.app.packs.StoreFilesView;
import dev.packinspector.app.preview.PreviewPane;
import dev.packinspector.app.problems.Problem;
import dev.packinspector.app.problems.ProblemsView;
import dev.packinspector.app.restore.MountFlow;
import dev.packinspector.app.restore.ObjectExport;
import dev.packinspector.app.restore.RestoreFlow;
import dev.packinspector.app.session.PreviewModel;
import dev.packinspector.app.session.StoreInsight;
import dev.packinspector.app.shell.Navigation.View;
import dev.packinspector.app.snapshots.SnapshotsView;
import dev.packinspector.workspace.ChkptHome;
import dev.packinspector.workspace.Trash;
import java.nio.file.Path;
import javafx.application.HostServices;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * The main window, wiring only: navigation on the left (the store's parts with counts), the
 * selected part in the centre, the preview on the right, running tasks and the status line at
 * the bottom. Every view observes {@link WindowModel#session()}; nothing is pushed into one.
 */
public final class MainWindow {
    private final Stage stage;
    private final Settings settings;
    private final StatusLine status = new StatusLine();
    private final Tasks tasks = new Tasks(status);
    /** The models every view observes. */
    private final WindowModel model;
    private final PreviewModel preview;
    private final Navigation nav;
    private final Commands commands;
    private final RestoreFlow restores;
    private final ObjectExport export;
    private final MountFlow mounts;
    private final Documents documents;
    /** The views a problem or a path's history goes to. */
    private final PacksView packs;
    private final IndexView index;
    private final InsightViews history;
    private final PreviewSplit split;

    /**
     * Builds the window on {@code stage}: {@code settings} keeps its place and the recent stores,
     * {@code host} opens saved objects in their applications (null in tests), and the start page
     * looks for stores in {@code storesRoot}; a workspace folder opened is taken to its store as
     * this process's environment says ({@link ChkptHome#ofThisProcess}).
     */
    public MainWindow(Stage stage, Settings settings, HostServices host, Path storesRoot) {
        this(stage, settings, host, storesRoot, ChkptHome.ofThisProcess());
    }

    /** As above, with the workspace folders' stores where {@code home} says. */
    public MainWindow(Stage stage, Settings settings, HostServices host, Path storesRoot, ChkptHome home) {
        this(stage, settings, host, storesRoot, home, Trash::ofThisProcess);
    }

    /** As above, a rollback moving what goes to {@code trash}. */
    public MainWindow(Stage stage, Settings settings, HostServices host, Path storesRoot, ChkptHome home, Trash.Source trash) {
        this.stage = stage;
        this.settings = settings;
        this.model = new WindowModel(tasks, settings, home);
        var session = model.session();
        this.preview = new PreviewModel(session);
        var insight = new StoreInsight(tasks, session);
        this.packs = new PacksView(session);
        var problems = new ProblemsView(tasks, session, this::goTo);
        this.nav = new Navigation(session, problems.rows());
        // what a restore refused goes to its report, not to the store's Problems; Open folder asks the system's file manager
        this.documents = new Documents(host);
        this.restores = new RestoreFlow(tasks, stage, documents::accept);
        this.export = new ObjectExport(session::get, tasks, status, documents, stage);
        this.mounts = new MountFlow(tasks, status, documents::accept, MountFlow.defaultRoot());
        var links = new FeatureLinks(session, restores, export, mounts, model::shortName, new Jumps(nav, status));
        this.index = new IndexView(tasks, session, preview, links);
        this.history = new InsightViews(tasks, session, insight, preview, links);
        var snapshots = new SnapshotsView(tasks, session, preview, links);
        var previewPane = new PreviewPane(tasks, session, preview, () -> withPreviewed(export::save), () -> withPreviewed(export::open),
                problems::damaged);
        nav.add(View.SNAPSHOTS, snapshots);
        var chooseWorkspace = FolderChooser.remembering(settings, "workspace", null);
        var workspace = new WorkspaceView(tasks, session, model.workspace(), preview, trash, new WorkspaceView.Actions() {
            @Override
            public Path chooseFolder() {
                return chooseWorkspace.choose(stage, "Choose the folder chkpt saved into this store");
            }

            @Override
            public void link(Path folder) {
                model.linkWorkspace(folder);
            }
        });
        nav.add(View.WORKSPACE, workspace);
        nav.add(View.PACKS, new StoreFilesView(packs, session));
        nav.add(View.OBJECTS, index);
        nav.add(View.PROBLEMS, problems);
        nav.add(View.SEARCH, history.views().search());
        nav.add(View.COMPARE, history.views().compare());
        nav.add(View.SPACE, history.views().space());
        // each folder dialog opens where the last one of its kind was chosen; the first store dialog in chkpt's stores folder
        restores.chooser(FolderChooser.remembering(settings, "restore", null));
        restores.saveChooser(SaveChooser.remembering(settings, "export"));
        export.saveChooser(SaveChooser.remembering(settings, "save-object"));
        this.commands = new Commands(stage, model, nav, status, new Commands.Views(snapshots, index, problems, history, restores, mounts),
                FolderChooser.remembering(settings, "store", storesRoot));
        split = new PreviewSplit(nav.centre(), previewPane, settings);
        previewPane.hideWith(() -> split.previewShown().set(false));
        var noStore = Bindings.isNull(session);
        var root = new BorderPane();
        root.setTop(new VBox(WindowCommands.menus(commands, model::recentStores, model::storeName, noStore, split.previewShown()), WindowCommands.toolbar(commands, noStore)));
        root.setLeft(nav.list());
        root.setCenter(new Body(session, () -> StartPage.of(storesRoot, model, commands::chooseStore), split, tasks.panel()));
        root.setBottom(status);
        // an error stands until the user moves on: to another store, another view or another command (Tasks)
        nav.list().getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> status.dismissError());
        session.addListener((obs, old, now) -> {
            status.dismissError();
            stage.setTitle(now == null ? "Pack Inspector" : "Pack Inspector — " + now.path());
            status.totals(now == null ? "" : now.totals());
        });
        var scene = new Scene(root); // sized by Placement, to fit the screen
        scene.getStylesheets().add(MainWindow.class.getResource("pack-inspector.css").toExternalForm());
        WindowDrops.install(scene, session, model.chkptHome(), model::open, files -> {
            nav.select(View.SEARCH);
            history.findContent(files);
        });
        stage.setScene(scene);
        stage.setTitle("Pack Inspector");
        stage.setOnHidden(e -> close());
    }

    /** Shows a problem's object in Objects, or else its pack in Packs. */
    private void goTo(Problem p) {
        if (p.object() != null) {
            nav.select(View.OBJECTS);
            index.filter(p.object().toHex());
        } else if (p.pack() != null) {
            nav.select(View.PACKS);
            packs.select(p.pack());
        }
    }

    /** What Save as… and Open act on: the object previewed, named after its file. */
    private void withPreviewed(ObjectExport.Action action) {
        PreviewModel.Blob b = preview.blob();
        if (b != null) {
            action.on(b.id(), b.fileName(), b.knownSize());
        }
    }

    /** The window's state, for whoever drives it (the self-test, tests). */
    public WindowModel model() {
        return model;
    }

    /** What the preview shows, for whoever drives the window. */
    public PreviewModel preview() {
        return preview;
    }

    public void select(View v) {
        nav.select(v);
    }

    // ---- for tests, in this package: a view by its place in the navigation, a node by id, the flows

    Node view(View v) {
        return nav.view(v);
    }

    /** The node with CSS id {@code id} ("#preview", "#tasks", "#status"), shown or not. */
    Node part(String id) {
        Node n = split.lookup(id);
        return n != null ? n : stage.getScene().lookup(id);
    }

    View selected() {
        return nav.selected();
    }

    Commands commands() {
        return commands;
    }

    RestoreFlow restores() {
        return restores;
    }

    ObjectExport export() {
        return export;
    }

    Documents documents() {
        return documents;
    }

    MountFlow mounts() {
        return mounts;
    }

    void chooser(FolderChooser c) {
        commands.chooser(c);
        restores.chooser(c);
    }

    public void show() {
        Placement.restore(stage, settings);
        stage.show();
    }

    private void close() {
        Placement.save(stage, split, settings);
        // Closing the window stops what it started: mounts are unmounted, restores and verifies end cleanly, leaving no partial file.
        mounts.close();
        tasks.close();
        model.close();
    }
}

package dev.packinspector.app.shell;

import dev.packinspector.app.common.FolderChooser;
import dev.packinspector.app.common.StatusLine;
import dev.packinspector.app.history.InsightViews;
import dev.packinspector.app.objects.IndexView;
import dev.packinspector.app.problems.ProblemsView;
import dev.packinspector.app.restore.MountFlow;
import dev.packinspector.app.restore.RestoreFlow;
import dev.packinspector.app.session.StoreSession;
import dev.packinspector.app.shell.Navigation.View;
import dev.packinspector.app.snapshots.SnapshotsView;
import dev.packinspector.catalog.Snapshot;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.TextField;
import javafx.stage.Stage;

/** What the menus, the toolbar and their shortcuts do: each command asks the model or the view it concerns. */
final class Commands implements WindowCommands.Actions {
    private final Stage stage;
    private final WindowModel model;
    private final Navigation nav;
    private final StatusLine status;
    private final Views views;
    private final Help help;
    private FolderChooser chooser;
    private BooleanBinding noSnapshot;
    private BooleanBinding noSelection;

    /** The views the commands act on. */
    record Views(SnapshotsView snapshots, IndexView index, ProblemsView problems, InsightViews history, RestoreFlow restores, MountFlow mounts) {
    }

    /** {@code chooser} asks for the store to open. */
    Commands(Stage stage, WindowModel model, Navigation nav, StatusLine status, Views views, FolderChooser chooser) {
        this.stage = stage;
        this.chooser = chooser;
        this.help = new Help(stage);
        this.model = model;
        this.nav = nav;
        this.status = status;
        this.views = views;
        views.history().onShowObjects(this::find);
        watchSelections();
    }

    void chooser(FolderChooser c) {
        chooser = c;
    }

    @Override
    public void chooseStore() {
        Path folder = chooser.choose(stage, "Open a folder saved with chkpt, a chkpt store or a packs folder");
        if (folder != null) {
            model.open(folder);
        }
    }

    @Override
    public void openDemo() {
        model.openDemo();
    }

    @Override
    public void openStore(Path store) {
        model.open(store);
    }

    @Override
    public void refresh() {
        model.refresh();
    }

    @Override
    public void quit() {
        stage.close();
    }

    @Override
    public void show(View view) {
        nav.select(view);
    }

    @Override
    public void find(String prefix) {
        if (prefix == null) {
            if (stage.getScene() != null && stage.getScene().lookup("#find") instanceof TextField field) {
                field.requestFocus();
                field.selectAll();
            }
        } else {
            nav.select(View.OBJECTS);
            views.index().filter(prefix);
        }
    }

    @Override
    public StringProperty findText() {
        return views.history().views().search().query();
    }

    @Override
    public void findTyped() {
        if (nav.selected() != View.SEARCH) {
            nav.select(View.SEARCH);
        }
    }

    @Override
    public void openFirstFound() {
        nav.select(View.SEARCH);
        views.history().views().search().openFirst();
    }

    @Override
    public void focusFound() {
        nav.select(View.SEARCH);
        views.history().views().search().focusResults();
    }

    @Override
    public void searchAll() {
        nav.select(View.SEARCH);
        find(null); // Search's query is the main find field's text
    }

    /** Mounts the store shown (once) and opens the mount in the file manager. */
    @Override
    public void mount() {
        StoreSession now = model.session().get();
        if (now != null) {
            views.mounts().show(now.path(), model.shortName(now.path()), "");
        }
    }

    @Override
    public void verify() {
        if (model.session().get() != null) {
            nav.select(View.PROBLEMS);
            views.problems().verify();
        }
    }

    /** Restores the whole of the snapshot selected in Snapshots, whichever view is shown. */
    @Override
    public void restoreSnapshot() {
        withSnapshot("restore", views.restores()::restoreSnapshot);
    }

    /** Does {@code work} with the open store and the snapshot selected in Snapshots, or says what to select to {@code verb} one. */
    private void withSnapshot(String verb, java.util.function.BiConsumer<StoreSession, Snapshot> work) {
        StoreSession s = model.session().get();
        Snapshot snapshot = views.snapshots().selectedSnapshot();
        if (s == null || snapshot == null) {
            status.info("Open a store and select a snapshot to " + verb);
        } else {
            work.accept(s, snapshot);
        }
    }

    /** Restores what the view shown has selected: objects in Objects, files and folders in Snapshots. */
    @Override
    public void restoreSelection() {
        StoreSession s = model.session().get();
        if (s != null && nav.selected() == View.OBJECTS && !views.index().selectedIds().isEmpty()) {
            views.restores().restoreObjects(s, views.index().selectedIds());
        } else if (s != null && nav.selected() == View.SNAPSHOTS && views.snapshots().selectedSnapshot() != null
                && !views.snapshots().selectedFiles().isEmpty()) {
            views.restores().restoreFiles(s, views.snapshots().selectedSnapshot(), views.snapshots().selectedFiles());
        } else {
            status.info("Select files or folders in Snapshots, or objects in Objects, to restore them");
        }
    }

    @Override
    public void exportSnapshot() {
        withSnapshot("export", views.restores()::exportSnapshot);
    }

    /** Exports the files and folders selected in Snapshots. */
    @Override
    public void exportSelection() {
        StoreSession s = model.session().get();
        if (s == null || views.snapshots().selectedSnapshot() == null || views.snapshots().selectedFiles().isEmpty()) {
            status.info("Select files or folders in Snapshots to export them");
        } else {
            views.restores().export(s, views.snapshots().selectedSnapshot(), views.snapshots().selectedFiles());
        }
    }

    @Override
    public ObservableBooleanValue noSnapshot() {
        return noSnapshot;
    }

    @Override
    public ObservableBooleanValue noSelection() {
        return noSelection;
    }

    /** No snapshot selected (or no store); nothing selected in the view shown that Restore selection… would restore. */
    private void watchSelections() {
        var snapshot = views.snapshots().snapshotTable().getSelectionModel().selectedItemProperty();
        noSnapshot = Bindings.createBooleanBinding(() -> model.session().get() == null || snapshot.get() == null, model.session(), snapshot);
        var files = views.snapshots().fileTree().getSelectionModel().getSelectedItems();
        var objects = views.index().table().getSelectionModel().getSelectedItems();
        noSelection = Bindings.createBooleanBinding(() -> {
            if (model.session().get() == null) {
                return true;
            }
            View shown = nav.selected();
            return shown == View.OBJECTS ? objects.isEmpty() : shown != View.SNAPSHOTS || snapshot.get() == null || files.isEmpty();
        }, model.session(), snapshot, files, objects, nav.selectedView());
    }

    @Override
    public void clearRecent() {
        model.clearRecent();
    }

    @Override
    public void shortcuts(List<WindowCommands.Shortcut> shortcuts) {
        help.shortcuts(shortcuts);
    }

    @Override
    public void readme() {
        help.readme();
    }

    @Override
    public void about() {
        help.about();
    }
}

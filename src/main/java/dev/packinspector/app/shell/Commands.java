package dev.packinspector.app.shell;

import dev.packinspector.app.common.FolderChooser;
import dev.packinspector.app.common.StatusLine;
import dev.packinspector.app.history.InsightViews;
import dev.packinspector.app.objects.IndexView;
import dev.packinspector.app.problems.ProblemsView;
import dev.packinspector.app.restore.RestoreFlow;
import dev.packinspector.app.session.StoreSession;
import dev.packinspector.app.shell.Navigation.View;
import dev.packinspector.app.snapshots.SnapshotsView;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.StringProperty;
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

    /** The views the commands act on. */
    record Views(SnapshotsView snapshots, IndexView index, ProblemsView problems, InsightViews history, RestoreFlow restores) {
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
    }

    void chooser(FolderChooser c) {
        chooser = c;
    }

    @Override
    public void chooseStore() {
        Path folder = chooser.choose(stage, "Open a chkpt store or packs folder");
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
        return views.history().views().search().queryField().textProperty();
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
        views.history().views().search().queryField().requestFocus();
    }

    @Override
    public void verify() {
        if (model.session().get() != null) {
            nav.select(View.PROBLEMS);
            views.problems().verify();
        }
    }

    /** Restores the selection of the view shown: objects in Objects, else files and folders of the snapshot. */
    @Override
    public void restore() {
        StoreSession s = model.session().get();
        if (s != null && nav.selected() == View.OBJECTS && !views.index().selectedIds().isEmpty()) {
            views.restores().restoreObjects(s, views.index().selectedIds());
        } else if (s == null || views.snapshots().selectedSnapshot() == null) {
            status.info("Open a store and select a snapshot to restore");
        } else {
            views.restores().restoreFiles(s, views.snapshots().selectedSnapshot(), views.snapshots().selectedEntries());
        }
    }

    /** Exports the files and folders selected in Snapshots (the whole snapshot when none is). */
    @Override
    public void export() {
        StoreSession s = model.session().get();
        if (s == null || views.snapshots().selectedSnapshot() == null) {
            status.info("Open a store and select a snapshot to export");
        } else {
            views.restores().export(s, views.snapshots().selectedSnapshot(), views.snapshots().selectedEntries());
        }
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

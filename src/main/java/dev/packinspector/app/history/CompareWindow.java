package dev.packinspector.app.history;

import dev.packinspector.app.common.Dialogs;
import dev.packinspector.app.common.Tasks;
import dev.packinspector.catalog.ManifestEntry;
import dev.packinspector.store.PackSet;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.stage.Stage;
import javafx.stage.Window;

/** A window with the line diff of two versions of a file, read and compared in the background. */
public final class CompareWindow {
    private CompareWindow() {
    }

    /**
     * Opens the window at once and fills it when the comparison is ready; the versions are named
     * {@code olderName} and {@code newerName} (their snapshots, as users know them) and
     * {@code ids} says which snapshots those are, on hover. Returns the diff shown, for tests.
     */
    public static DiffView show(Window owner, Tasks tasks, PackSet packs, ManifestEntry older, ManifestEntry newer, String olderName,
            String newerName, String ids, DiffView.Mode mode) {
        String path = (newer != null ? newer : older).path();
        var title = new Label(olderName + "  →  " + newerName);
        title.setId("diff-title");
        title.setTooltip(new Tooltip(ids));
        title.setMinWidth(0);
        var view = new DiffView(title);
        view.mode(mode);
        var stage = new Stage();
        stage.setTitle(path + " — " + olderName + " → " + newerName);
        // the window's own loads: closing it cancels them
        var loading = new Tasks.Latest();
        stage.setOnHidden(e -> loading.cancel());
        Dialogs.show(stage, new Scene(view, 980, 680), owner);
        view.compare(tasks, loading, packs, older, newer);
        return view;
    }
}

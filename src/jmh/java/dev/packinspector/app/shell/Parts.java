package dev.packinspector.app.shell;

import dev.packinspector.app.history.CompareView;
import dev.packinspector.app.history.SearchView;
import dev.packinspector.app.history.SpaceView;
import dev.packinspector.app.objects.IndexView;
import dev.packinspector.app.preview.PreviewPane;
import dev.packinspector.app.session.StoreSession;
import dev.packinspector.app.snapshots.SnapshotsView;

/** The window's parts the UI benchmarks drive: views by their place in the navigation, the preview by its id. */
final class Parts {
    private Parts() {
    }

    static StoreSession session(MainWindow w) {
        return w.model().session().get();
    }

    static SnapshotsView snapshots(MainWindow w) {
        return (SnapshotsView) w.view(Navigation.View.SNAPSHOTS);
    }

    static IndexView index(MainWindow w) {
        return (IndexView) w.view(Navigation.View.OBJECTS);
    }

    static SearchView search(MainWindow w) {
        return (SearchView) w.view(Navigation.View.SEARCH);
    }

    static CompareView compare(MainWindow w) {
        return (CompareView) w.view(Navigation.View.COMPARE);
    }

    static SpaceView space(MainWindow w) {
        return (SpaceView) w.view(Navigation.View.SPACE);
    }

    static PreviewPane preview(MainWindow w) {
        return (PreviewPane) w.part("#preview");
    }
}

package dev.packinspector.app;

import dev.packinspector.catalog.ManifestEntry;
import dev.packinspector.catalog.Snapshot;
import dev.packinspector.history.ContentFinder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.concurrent.Task;

/**
 * The views that ask across snapshots (Search, Compare, Space) and the index they share, built
 * in the background each time a store is shown; and find-by-content for dropped files.
 */
final class InsightViews {
    /** What the views ask of the window. */
    interface Actions {
        void restore(ManifestEntry version, Snapshot from);

        void compare(ManifestEntry older, ManifestEntry newer);
    }

    private final TaskPanel tasks;
    private final Supplier<StoreSession> session;
    private final StoreInsight index;
    private final SearchView search;
    private final CompareView compare;
    private final SpaceView space;

    InsightViews(TaskPanel tasks, Supplier<StoreSession> session, Consumer<ManifestEntry> preview, Actions actions) {
        this.tasks = tasks;
        this.session = session;
        this.index = new StoreInsight(tasks);
        this.search = new SearchView(tasks, new SearchView.Actions() {
            @Override
            public void select(ManifestEntry version) {
                preview.accept(version);
            }

            @Override
            public void restore(ManifestEntry version, Snapshot from) {
                actions.restore(version, from);
            }

            @Override
            public void compare(ManifestEntry older, ManifestEntry newer) {
                actions.compare(older, newer);
            }
        });
        this.compare = new CompareView(tasks, preview);
        this.space = new SpaceView(tasks);
        index.index().addListener((obs, old, built) -> indexChanged());
        index.state().addListener((obs, old, state) -> {
            if (index.index().get() == null) {
                indexChanged();
            }
        });
    }

    /** Starts indexing the store now shown; the views wait for it. */
    void load(StoreSession s) {
        index.load(s);
    }

    private void indexChanged() {
        var built = index.index().get();
        String state = index.state().get();
        search.index(built, state);
        compare.index(built, state);
        StoreSession s = session.get();
        space.index(built, s == null ? null : s.packs(), state);
    }

    /** Looks up the content of local files in the open store and shows the answer in Search. */
    void findContent(List<Path> files) {
        StoreSession at = session.get();
        var built = index.index().get();
        tasks.run(new Task<List<ContentFinder.Found>>() {
            @Override
            protected List<ContentFinder.Found> call() throws Exception {
                updateTitle("Finding content");
                var found = new ArrayList<ContentFinder.Found>();
                ContentFinder.find(files, at.packs(), built, this::isCancelled, f -> {
                    found.add(f);
                    updateMessage(Format.count(found.size(), "file") + " hashed");
                });
                return found;
            }

            @Override
            protected void succeeded() {
                if (at == session.get()) {
                    search.showContent(getValue());
                }
            }
        }, found -> found.stream().filter(ContentFinder.Found::inStore).count() + " of "
                + Format.count(found.size(), "file") + " found in the store" + (built == null ? " (snapshots not indexed yet)" : ""));
    }

    StoreInsight index() {
        return index;
    }

    SearchView search() {
        return search;
    }

    CompareView compare() {
        return compare;
    }

    SpaceView space() {
        return space;
    }

    void close() {
        index.close();
    }
}

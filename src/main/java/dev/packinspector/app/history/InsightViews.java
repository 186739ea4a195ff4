package dev.packinspector.app.history;

import dev.packinspector.app.common.Format;
import dev.packinspector.app.common.Tasks;
import dev.packinspector.app.session.PreviewModel;
import dev.packinspector.app.session.StoreInsight;
import dev.packinspector.app.session.StoreSession;
import dev.packinspector.catalog.ManifestEntry;
import dev.packinspector.catalog.Snapshot;
import dev.packinspector.history.ContentFinder;
import dev.packinspector.history.PathVersions;
import dev.packinspector.store.ObjectId;
import dev.packinspector.store.tree.TreePack;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.value.ObservableValue;

/**
 * The views that ask across snapshots (Search, Compare, Space), fed by the index of the open
 * store as it is built; and find-by-content for dropped files.
 */
public final class InsightViews {
    /** What the views ask of the window. */
    public interface Actions {
        void restore(ManifestEntry version, Snapshot from);
    }

    private final Tasks tasks;
    private final ObservableValue<StoreSession> session;
    private final StoreInsight index;
    private final Views views;
    /** Finding dropped files' content: another store cancels it. */
    private final Tasks.Latest finding = new Tasks.Latest();
    /** Where "show these objects" goes (the window's Objects view); set by the shell. */
    private Consumer<String> showObjects = prefix -> { };

    /** The views of {@code session}'s store, asking {@code index}; selecting a version previews it in {@code preview}. */
    public InsightViews(Tasks tasks, ObservableValue<StoreSession> session, StoreInsight index, PreviewModel preview, Actions actions) {
        this.tasks = tasks;
        this.session = session;
        this.index = index;
        var search = new SearchView(tasks, preview, new SearchView.Actions() {
            @Override
            public void restore(ManifestEntry version, Snapshot from) {
                actions.restore(version, from);
            }

            @Override
            public void compare(PathVersions.Version older, PathVersions.Version newer) {
                compareVersions(older, newer);
            }

            @Override
            public int objectsWithPrefix(String hexPrefix) {
                return objectCount(hexPrefix);
            }

            @Override
            public void showObjects(String hexPrefix) {
                showObjects.accept(hexPrefix);
            }
        });
        this.views = new Views(search, new CompareView(tasks, preview), new SpaceView(tasks, preview));
        index.index().addListener((obs, old, built) -> indexChanged());
        index.state().addListener((obs, old, state) -> {
            if (index.index().get() == null) {
                indexChanged();
            }
        });
        session.addListener((obs, old, now) -> finding.cancel());
    }

    private void indexChanged() {
        var built = index.index().get();
        String state = index.state().get();
        views.search().index(built, state);
        StoreSession s = session.getValue();
        views.compare().index(built, s == null ? null : s.packs(), state);
        views.space().index(built, s == null ? null : s.packs(), state);
    }

    /** Where the link to objects by id leads (the shell shows them in Objects). */
    public void onShowObjects(Consumer<String> show) {
        showObjects = show;
    }

    /** The blobs and trees of the open store whose ids start with {@code hex}, as Objects lists them. */
    private int objectCount(String hex) {
        StoreSession s = session.getValue();
        if (s == null) {
            return 0;
        }
        int pad = 2 * ObjectId.BYTES - hex.length();
        int trees = s.trees().pack().map(TreePack::index).map(t -> t.bound(ObjectId.parse(hex + "f".repeat(pad)), true)
                - t.bound(ObjectId.parse(hex + "0".repeat(pad)), false)).orElse(0);
        return s.packs().rowsWithPrefix(hex).size() + trees;
    }

    /** Opens the line diff of two versions of a path, each named by the snapshot it first appeared in. */
    private void compareVersions(PathVersions.Version older, PathVersions.Version newer) {
        StoreSession s = session.getValue();
        if (s == null) {
            return;
        }
        Snapshot a = older.snapshots().getFirst();
        Snapshot b = newer.snapshots().getFirst();
        CompareWindow.show(views.search().getScene().getWindow(), tasks, s.packs(), older.entry(), newer.entry(), Format.snapshot(a),
                Format.snapshot(b), "older: " + a.id() + "\nnewer: " + b.id(), DiffView.Mode.UNIFIED);
    }

    /** Looks up the content of local files in the open store and shows the answer in Search. */
    public void findContent(List<Path> files) {
        StoreSession at = session.getValue();
        if (at == null) {
            return;
        }
        var built = index.index().get();
        tasks.job("Finding content", p -> {
            var found = new ArrayList<ContentFinder.Found>();
            ContentFinder.find(files, at.packs(), built, p::isCancelled, f -> {
                found.add(f);
                p.message(Format.count(found.size(), "file") + " hashed");
            });
            return found;
        }).in(finding).onSuccess(views.search()::showContent).report(found -> found.stream().filter(ContentFinder.Found::inStore).count() + " of "
                + Format.count(found.size(), "file") + " found in the store" + (built == null ? " (snapshots not indexed yet)" : "")).run();
    }

    /** The three views, to place in the window. */
    public record Views(SearchView search, CompareView compare, SpaceView space) {
    }

    public Views views() {
        return views;
    }
}

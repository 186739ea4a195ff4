package dev.packinspector.app.preview;

import dev.packinspector.store.ObjectId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import javafx.scene.control.TreeItem;
import org.controlsfx.control.BreadCrumbBar;

/**
 * Where the tree shown sits: the folders opened on the way to it, as a bread-crumb bar. A crumb
 * shows its tree again; a tree reached another way (from Objects) starts a new trail.
 */
final class TreeCrumbs extends BreadCrumbBar<TreeCrumbs.Crumb> {
    /** One tree on the trail: its label, its id and its path in a snapshot (null if unknown). */
    record Crumb(String label, ObjectId id, String path) {
    }

    private final List<Crumb> trail = new ArrayList<>();

    /** {@code show} shows a crumb's tree (through the preview's model). */
    TreeCrumbs(BiConsumer<ObjectId, String> show) {
        setId("preview-tree-crumbs");
        setAutoNavigationEnabled(false);
        setCrumbFactory(item -> new BreadCrumbButton(item.getValue() == null ? "" : item.getValue().label()));
        setOnCrumbAction(e -> show.accept(e.getSelectedCrumb().getValue().id(), e.getSelectedCrumb().getValue().path()));
    }

    /**
     * Tree {@code id} at {@code path} is shown: {@code openedAs}, the name of the folder opened in
     * the listing to reach it, extends the trail; null (reached otherwise) goes back along the trail
     * if the tree is on it, else starts a new one.
     */
    void shown(ObjectId id, String path, String openedAs) {
        int at = -1;
        for (int i = 0; i < trail.size(); i++) {
            if (trail.get(i).id().equals(id)) {
                at = i;
            }
        }
        if (openedAs != null && !trail.isEmpty()) {
            trail.add(new Crumb(openedAs, id, path));
        } else if (at >= 0 && openedAs == null) {
            trail.subList(at + 1, trail.size()).clear();
        } else {
            trail.clear();
            trail.add(new Crumb(path == null || path.isEmpty() ? "Tree " + id.shortHex(12) + "…" : path, id, path));
        }
        TreeItem<Crumb> last = BreadCrumbBar.buildTreeModel(trail.toArray(Crumb[]::new));
        setSelectedCrumb(last);
    }

    /** The labels of the trail, root first. */
    List<String> labels() {
        return trail.stream().map(Crumb::label).toList();
    }
}

package dev.packinspector.app.history;

import dev.packinspector.app.history.CompareView.DiffNode;
import dev.packinspector.history.SnapshotDiff.Change;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import javafx.scene.control.TreeItem;

/** The changes of a comparison as a tree of folders, and its rows, made as they are opened. */
final class ChangeTree {
    private ChangeTree() {
    }

    static TreeItem<DiffNode> item(DiffNode node) {
        var item = new DiffItem(node);
        // open what is small enough to read at a glance
        item.setExpanded(node.files() <= 200);
        return item;
    }

    /** Makes its children when first asked (opened or drawn): 87,000 changes would otherwise stall the FX thread. */
    private static final class DiffItem extends TreeItem<DiffNode> {
        private boolean built;

        DiffItem(DiffNode node) {
            super(node);
        }

        @Override
        public boolean isLeaf() {
            return getValue().change() != null;
        }

        @Override
        public javafx.collections.ObservableList<TreeItem<DiffNode>> getChildren() {
            if (!built) {
                built = true;
                var children = new ArrayList<TreeItem<DiffNode>>();
                for (DiffNode child : getValue().children()) {
                    children.add(item(child));
                }
                super.getChildren().setAll(children);
            }
            return super.getChildren();
        }
    }

    /** The changes kept, as folders (with their changed files and bytes) holding changes, in path order. */
    static DiffNode of(List<Change> changes, Predicate<Change> keep) {
        var root = new Builder("", "");
        for (Change c : changes) {
            if (keep.test(c)) {
                root.add(c.path().split("/", -1), 0, c);
            }
        }
        return root.build();
    }

    private static final class Builder {
        final String name;
        final String path;
        final Map<String, Builder> folders = new LinkedHashMap<>();
        final List<DiffNode> files = new ArrayList<>();
        int count;
        long bytes;

        Builder(String name, String path) {
            this.name = name;
            this.path = path;
        }

        void add(String[] parts, int at, Change c) {
            count++;
            bytes += c.bytes();
            if (at == parts.length - 1) {
                files.add(new DiffNode(parts[at], c.path(), c, List.of(), 1, c.bytes()));
                return;
            }
            String folder = parts[at];
            folders.computeIfAbsent(folder, f -> new Builder(f, path.isEmpty() ? f : path + "/" + f)).add(parts, at + 1, c);
        }

        DiffNode build() {
            var children = new ArrayList<DiffNode>();
            folders.values().forEach(b -> children.add(b.build()));
            children.addAll(files);
            return new DiffNode(name, path, null, children, count, bytes);
        }
    }
}

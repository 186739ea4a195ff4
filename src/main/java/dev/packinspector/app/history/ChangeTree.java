package dev.packinspector.app.history;

import dev.packinspector.app.common.Columns;
import dev.packinspector.app.common.FileKind;
import dev.packinspector.app.common.Format;
import dev.packinspector.app.common.Look;
import dev.packinspector.app.common.TreeColumns;
import dev.packinspector.app.common.TypeToFind;
import dev.packinspector.app.history.CompareView.DiffNode;
import dev.packinspector.catalog.ManifestEntry;
import dev.packinspector.history.SnapshotDiff.Change;
import dev.packinspector.history.SnapshotDiff.Kind;
import java.util.Locale;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;

/**
 * The changes of a comparison as a tree of folders, and its rows, made as they are opened; and
 * the columns Compare and Workspace show them in.
 */
final class ChangeTree {
    private ChangeTree() {
    }

    /**
     * Puts the columns of a tree of changes on {@code tree}: path (a folder with its count of
     * changes), change, bytes, and the two sides, titled {@code before} and {@code after}; each
     * row tinted by its kind.
     */
    static void columns(TreeTableView<DiffNode> tree, String before, String after) {
        var columns = new TreeColumns<DiffNode>(n -> n.change() == null);
        tree.getColumns().setAll(List.of(
                columns.sorted("Path", 320, Look.of(ChangeTree::name).withKind(ChangeTree::fileKind),
                        java.util.Comparator.comparing(DiffNode::name, Columns.NATURAL)),
                columns.sorted("Change", 200, ChangeTree::kind, java.util.Comparator.comparing(ChangeTree::kind)),
                columns.number("Bytes", 90, n -> Format.bytes(n.bytes()), DiffNode::bytes),
                columns.sorted(before, 180, Look.<DiffNode>of(n -> side(n, true)).withHover(n -> sideInFull(n, true)),
                        java.util.Comparator.comparingDouble(n -> sideBytes(n, true))),
                columns.sorted(after, 180, Look.<DiffNode>of(n -> side(n, false)).withHover(n -> sideInFull(n, false)),
                        java.util.Comparator.comparingDouble(n -> sideBytes(n, false)))));
        tree.getColumns().subList(3, 5).forEach(c -> c.getStyleClass().add("monospace"));
        TreeColumns.fit(tree, tree.getColumns().getFirst(), 160);
        var shownColumns = tree.getColumns();
        Columns.dropWhenNarrow(tree, shownColumns, List.of(shownColumns.get(2), shownColumns.get(3)));
        TypeToFind.install(tree, DiffNode::name);
        tree.setRowFactory(v -> new TreeTableRow<>() {
            @Override
            protected void updateItem(DiffNode node, boolean empty) {
                super.updateItem(node, empty);
                getStyleClass().removeAll("change-added", "change-removed", "change-renamed");
                if (!empty && node != null && node.change() != null) {
                    switch (node.change().kind()) {
                        case ADDED -> getStyleClass().add("change-added");
                        case REMOVED -> getStyleClass().add("change-removed");
                        case RENAMED -> getStyleClass().add("change-renamed");
                        default -> { }
                    }
                }
            }
        });
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

    static String word(Kind k) {
        return switch (k) {
            case ADDED -> "Added";
            case REMOVED -> "Removed";
            case CHANGED -> "Changed";
            case RENAMED -> "Renamed";
        };
    }

    static String name(DiffNode n) {
        if (n.change() == null) {
            return n.name() + "/   (" + Format.count(n.files(), "change") + ")";
        }
        return n.change().kind() == Kind.RENAMED ? n.name() + "  ← " + n.change().before().path() : n.name();
    }

    /** The kind of change in words; a changed mode shows both modes ("mode -rw-r--r-- → -rwxr-xr-x"). */
    static String kind(DiffNode n) {
        Change c = n.change();
        if (c == null) {
            return "";
        }
        String mode = DiffView.modeChange(c.before(), c.after());
        if (mode == null || c.kind() == Kind.ADDED || c.kind() == Kind.REMOVED) {
            return word(c.kind());
        }
        boolean sameContent = c.before().blob() != null && c.before().blob().equals(c.after().blob());
        return c.kind() == Kind.CHANGED && sameContent ? mode : word(c.kind()) + ", " + mode;
    }

    private static String side(DiffNode n, boolean before) {
        if (n.change() == null) {
            return "";
        }
        ManifestEntry e = before ? n.change().before() : n.change().after();
        return e == null ? "" : String.format(Locale.ROOT, "%7s  %s", Format.bytes(e.size()), Format.permissions(e.mode()));
    }

    /** One side of a change in words: size, object and mode (octal too), for the tooltip. */
    private static String sideInFull(DiffNode n, boolean before) {
        ManifestEntry e = n.change() == null ? null : before ? n.change().before() : n.change().after();
        return e == null ? null : Format.bytes(e.size()) + ", object " + (e.blob() == null ? "—" : e.blob().toHex()) + ", mode "
                + Format.permissions(e.mode()) + " (" + Format.mode(e.mode()) + ")";
    }

    private static double sideBytes(DiffNode n, boolean before) {
        ManifestEntry e = n.change() == null ? null : before ? n.change().before() : n.change().after();
        return e == null ? -1 : e.size();
    }

    static FileKind fileKind(DiffNode n) {
        if (n.change() == null) {
            return FileKind.FOLDER;
        }
        ManifestEntry e = n.change().after() != null ? n.change().after() : n.change().before();
        return e == null ? FileKind.FILE : FileKind.of(e.mode());
    }
}

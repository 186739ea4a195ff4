package dev.packinspector.store.tree;

import dev.packinspector.store.ObjectId;
import dev.packinspector.store.ProblemKind;
import dev.packinspector.store.StoreException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Walks a snapshot's trees from its root: every File and Symlink as a {@link TreeFile}, paths
 * joined with {@code /}, sorted by {@link TreeFile#PATH_ORDER} (the catalog manifest's order,
 * which depth-first order is not: {@code a.txt} sorts before {@code a/b}). Hostile trees are
 * refused, not followed: a name that is empty, {@code .}, {@code ..} or holds {@code /} or NUL; a
 * folder that contains itself; nesting deeper than {@link Limits#maxDepth()}; more entries than
 * {@link Limits#maxEntries()} (shared subtrees are legal, so a few small trees can describe an
 * endless walk). A tree the source lacks is {@link ProblemKind#TREE_MISSING}, naming its id and path.
 * Each walk decodes every distinct tree once. Thread-safe if its source is.
 */
public final class TreeWalk {
    private final TreeSource trees;
    private final Limits limits;

    /** How far a walk may go before it is taken for a hostile one. */
    public record Limits(int maxDepth, long maxEntries) {
        /**
         * Depth of PATH_MAX (4096 bytes) in one-byte names; 100 times the files of the largest
         * stores benchmarked, and about what a 2 GB heap holds as {@link TreeFile}s.
         */
        public static final Limits DEFAULT = new Limits(4096, 10_000_000);
    }

    public TreeWalk(TreeSource trees) {
        this(trees, Limits.DEFAULT);
    }

    public TreeWalk(TreeSource trees, Limits limits) {
        this.trees = trees;
        this.limits = limits;
    }

    /** Every file and symlink beneath {@code root}; the first problem met is thrown. */
    public List<TreeFile> files(ObjectId root) throws StoreException {
        return new Walker(Walker.STRICT).all(root, "");
    }

    /**
     * Every file and symlink that can be reached beneath {@code root}; each problem is reported to
     * {@code problems} and what it spoils is left out (a bad entry, a missing or damaged subtree, or
     * the rest of the walk once a limit is passed). Never throws.
     */
    public List<TreeFile> files(ObjectId root, Consumer<StoreException> problems) {
        try {
            return new Walker(problems::accept).all(root, "");
        } catch (StoreException e) {
            throw new AssertionError("a lenient walk reports, it does not throw", e);
        }
    }

    /**
     * The files at or beneath {@code path} ({@code /}-separated; empty components ignored, an
     * empty path meaning the root), paths still in full: one file or symlink, or everything in a
     * folder. Empty if the snapshot has nothing at that path.
     *
     * @throws IllegalArgumentException if a component of {@code path} is {@code .} or {@code ..}
     */
    public Optional<List<TreeFile>> files(ObjectId root, String path) throws StoreException {
        List<String> names = new ArrayList<>();
        for (String name : path.split("/", -1)) {
            if (name.equals(".") || name.equals("..")) {
                throw new IllegalArgumentException("'" + path + "' is not a path inside a snapshot: it has a '" + name + "' component");
            }
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        var walker = new Walker(Walker.STRICT);
        ObjectId tree = root;
        String prefix = "";
        for (int i = 0; i < names.size(); i++) {
            if (i >= limits.maxDepth()) {
                return Optional.empty();
            }
            String name = names.get(i);
            TreeEntry entry = walker.load(tree, prefix).stream().filter(e -> e.name().equals(name)).findFirst().orElse(null);
            if (entry == null) {
                return Optional.empty();
            }
            prefix = Walker.join(prefix, entry.name());
            if (entry.kind() != TreeEntry.Kind.DIR) {
                return i == names.size() - 1 ? Optional.of(List.of(TreeFile.of(prefix, entry))) : Optional.empty();
            }
            tree = entry.id();
        }
        return Optional.of(walker.all(tree, prefix));
    }

    /** One walk: its decoded trees, the folders on the current path, and where problems go. */
    private final class Walker {
        interface Sink {
            void report(StoreException problem) throws StoreException;
        }

        static final Sink STRICT = problem -> {
            throw problem;
        };

        private record Frame(ObjectId id, String prefix, List<TreeEntry> entries, int[] next) {
        }

        private final Sink sink;
        private final Map<ObjectId, List<TreeEntry>> decoded = new HashMap<>();
        private final Set<ObjectId> onPath = new HashSet<>();
        private final ArrayDeque<Frame> stack = new ArrayDeque<>();
        private long entries;

        Walker(Sink sink) {
            this.sink = sink;
        }

        static String join(String prefix, String name) {
            return prefix.isEmpty() ? name : prefix + "/" + name;
        }

        private static String where(String prefix) {
            return prefix.isEmpty() ? "the root folder" : "folder '" + prefix + "'";
        }

        /** The tree's entries; null (after reporting) if it is missing or unreadable. */
        List<TreeEntry> load(ObjectId id, String prefix) throws StoreException {
            List<TreeEntry> known = decoded.get(id);
            if (known != null) {
                return known;
            }
            Optional<List<TreeEntry>> found;
            try {
                found = trees.find(id);
            } catch (StoreException e) {
                sink.report(e);
                return List.of();
            }
            if (found.isEmpty()) {
                sink.report(new StoreException(ProblemKind.TREE_MISSING, null, StoreException.NO_OFFSET,
                        "tree " + id + " (" + where(prefix) + ") is missing: the store holds no tree with that id"));
                return List.of();
            }
            decoded.put(id, found.get());
            return found.get();
        }

        List<TreeFile> all(ObjectId root, String prefix) throws StoreException {
            var out = new ArrayList<TreeFile>();
            enter(root, prefix);
            while (!stack.isEmpty()) {
                Frame frame = stack.peek();
                if (frame.next()[0] == frame.entries().size()) {
                    stack.pop();
                    onPath.remove(frame.id());
                    continue;
                }
                TreeEntry entry = frame.entries().get(frame.next()[0]++);
                if (++entries > limits.maxEntries()) {
                    sink.report(new StoreException(ProblemKind.TREE_STRUCTURE_INVALID, null, StoreException.NO_OFFSET,
                            "the walk passed " + limits.maxEntries() + " entries (at " + where(frame.prefix()) + "): its trees repeat"
                                    + " subtrees so often that it would not end; the rest is left out"));
                    break;
                }
                String bad = badName(entry.name());
                if (bad != null) {
                    sink.report(new StoreException(ProblemKind.TREE_STRUCTURE_INVALID, null, StoreException.NO_OFFSET,
                            "tree " + frame.id() + " (" + where(frame.prefix()) + ") lists an entry " + bad + "; it is left out"));
                    continue;
                }
                String path = join(frame.prefix(), entry.name());
                if (entry.kind() == TreeEntry.Kind.DIR) {
                    enter(entry.id(), path);
                } else {
                    out.add(TreeFile.of(path, entry));
                }
            }
            stack.clear();
            onPath.clear();
            out.sort((a, b) -> TreeFile.PATH_ORDER.compare(a.path(), b.path()));
            return out;
        }

        private void enter(ObjectId id, String prefix) throws StoreException {
            if (onPath.contains(id)) {
                sink.report(new StoreException(ProblemKind.TREE_STRUCTURE_INVALID, null, StoreException.NO_OFFSET,
                        "tree " + id + " (" + where(prefix) + ") contains itself: it is already a folder above it; it is left out"));
                return;
            }
            if (stack.size() >= limits.maxDepth()) {
                sink.report(new StoreException(ProblemKind.TREE_STRUCTURE_INVALID, null, StoreException.NO_OFFSET,
                        "tree " + id + " (" + where(prefix) + ") is nested more than " + limits.maxDepth() + " folders deep; it is left out"));
                return;
            }
            List<TreeEntry> list = load(id, prefix);
            onPath.add(id);
            stack.push(new Frame(id, prefix, list, new int[1]));
        }

        /** Why {@code name} cannot be a path component, or null if it can. */
        private static String badName(String name) {
            if (name.isEmpty()) {
                return "with an empty name";
            }
            if (name.equals(".") || name.equals("..")) {
                return "named '" + name + "'";
            }
            if (name.indexOf('/') >= 0) {
                return "whose name '" + name + "' holds a '/'";
            }
            if (name.indexOf('\0') >= 0) {
                return "whose name holds a NUL character";
            }
            return null;
        }
    }
}

package dev.packinspector.restore;

import dev.packinspector.catalog.Catalog;
import dev.packinspector.catalog.ManifestEntry;
import dev.packinspector.catalog.PathText;
import dev.packinspector.catalog.Snapshot;
import dev.packinspector.store.ObjectId;
import dev.packinspector.store.ProblemKind;
import dev.packinspector.store.StoreException;
import dev.packinspector.store.tree.TreeEntry;
import dev.packinspector.store.tree.TreeFile;
import dev.packinspector.store.tree.TreePackState;
import dev.packinspector.store.tree.TreeStore;
import dev.packinspector.store.tree.TreeWalk;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The tree half of {@code verify}: the tree pack checked like a blob pack (header, count, order,
 * bounds, each tree decoded strictly and its id recomputed), then each snapshot's
 * {@code root_tree_hash} walked and the walk compared with the snapshot's manifest in the catalog
 * (paths, ids, sizes, modes). A disagreement is one finding naming the snapshot and the first
 * differing paths; a walk spoiled by a damaged tree is a finding of that snapshot, which
 * {@link VerifyCauses} folds under the damage. Snapshots sharing a manifest and a root are walked
 * once, and a tree shared by several walks is read once. Findings name the pack {@value #PACK}. Not thread-safe; one run per instance.
 */
public final class TreeCheck {
    /** What tree findings name as their pack. */
    public static final String PACK = "trees";
    private static final int DIFFERENCES_NAMED = 3;

    private final TreeStore trees;
    private final Catalog catalog;
    private long walks;
    private boolean incomplete;
    private final List<Finding> notes = new ArrayList<>();

    /** Checks {@code trees} and, where {@code catalog} is not null, every snapshot's tree against its manifest. */
    public TreeCheck(TreeStore trees, Catalog catalog) {
        this.trees = trees;
        this.catalog = catalog;
    }

    /** Runs the check, reporting damage to {@code findings}; notes (harmless) are kept for {@link #notes()}. */
    public void check(Consumer<Finding> findings, BooleanSupplier cancelled) throws StoreException {
        if (trees.state() == TreePackState.INCOMPLETE) {
            incomplete = true;
        }
        trees.validate(e -> {
            Finding f = Finding.of(e, PACK, null);
            if (e.kind().note()) {
                notes.add(f);
            } else if (!e.kind().incomplete()) {
                findings.accept(f);
            }
        });
        if (catalog == null || trees.state() == TreePackState.INCOMPLETE) {
            return;
        }
        // snapshots share most of their trees: each is read (bounds, decode, id) once for all the walks
        var read = new HashMap<ObjectId, Optional<List<TreeEntry>>>();
        var walk = new TreeWalk(id -> {
            var known = read.get(id);
            if (known == null) {
                known = trees.find(id);
                read.put(id, known);
            }
            return known;
        });
        Set<String> done = new HashSet<>();
        for (Snapshot s : catalog.snapshots()) {
            if (cancelled.getAsBoolean()) {
                return;
            }
            if (s.rootTreeProblem() != null) {
                findings.accept(finding(ProblemKind.TREE_MISSING, s, "snapshot " + s.id() + ": " + s.rootTreeProblem()));
                continue;
            }
            if (s.rootTree() == null) {
                // catalogs from before the column, and synthetic stores: the manifest is the only copy
                continue;
            }
            String owner = catalog.manifestOwner(s);
            if (done.add(owner + "/" + s.rootTree().toHex())) {
                compare(s, walk, findings);
            }
        }
    }

    private void compare(Snapshot s, TreeWalk walk, Consumer<Finding> findings) throws StoreException {
        walks++;
        var problems = new ArrayList<StoreException>();
        List<TreeFile> walked = walk.files(s.rootTree(), problems::add);
        if (!problems.isEmpty()) {
            StoreException first = problems.getFirst();
            findings.accept(new Finding(first.kind(), first.file(), first.offset(), "snapshot " + s.id() + " cannot be walked from its root tree "
                    + s.rootTree() + ": " + first.getMessage() + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more problems)" : "")
                    + "; restore uses the catalog's manifest, which is unaffected", PACK, null, s.id(), null));
            return;
        }
        List<ManifestEntry> manifest = catalog.files(s);
        if (manifest.isEmpty() && s.totalFiles() > 0) {
            // no rows but files counted: chkpt restores such a snapshot from its tree, and so do we (SnapshotFiles)
            return;
        }
        List<String> differences = differences(walked, manifest);
        if (!differences.isEmpty()) {
            findings.accept(finding(ProblemKind.TREE_MANIFEST_MISMATCH, s, "snapshot " + s.id() + ": its tree (" + walked.size()
                    + " files) and its manifest in the catalog (" + manifest.size() + " files) disagree: " + String.join("; ", differences)));
        }
    }

    /** The first few differences between the walk and the manifest, both in path order. */
    static List<String> differences(List<TreeFile> walked, List<ManifestEntry> manifest) {
        var out = new ArrayList<String>();
        int i = 0;
        int j = 0;
        while ((i < walked.size() || j < manifest.size()) && out.size() < DIFFERENCES_NAMED) {
            int c = i == walked.size() ? 1 : j == manifest.size() ? -1 : TreeFile.PATH_ORDER.compare(walked.get(i).path(), manifest.get(j).path());
            if (c < 0) {
                out.add(PathText.quote(walked.get(i++).path()) + " is in the tree only");
            } else if (c > 0) {
                out.add(PathText.quote(manifest.get(j++).path()) + " is in the manifest only");
            } else {
                String d = entryDifference(walked.get(i++), manifest.get(j++));
                if (d != null) {
                    out.add(d);
                }
            }
        }
        if (out.size() == DIFFERENCES_NAMED && (i < walked.size() || j < manifest.size())) {
            out.add("…");
        }
        return out;
    }

    private static String entryDifference(TreeFile t, ManifestEntry m) {
        String path = PathText.quote(t.path());
        ObjectId id = m.objectId();
        if (id == null || !id.equals(t.id())) {
            return path + ": the tree says object " + t.id() + ", the manifest " + (id == null ? "none" : id);
        }
        if (t.size() != m.size()) {
            return path + ": the tree says " + Long.toUnsignedString(t.size()) + " bytes, the manifest " + m.size();
        }
        if (t.unsignedMode() != m.mode()) {
            return path + ": the tree says mode " + Long.toOctalString(t.unsignedMode()) + ", the manifest " + Long.toOctalString(m.mode());
        }
        return null;
    }

    private Finding finding(ProblemKind kind, Snapshot s, String message) {
        return new Finding(kind, catalog.file(), -1, catalog.file() + ": " + message, PACK, null, s.id(), null);
    }

    /** Snapshot walks compared with their manifests. */
    public long walks() {
        return walks;
    }

    /** True if chkpt was still writing the tree pack (nothing of it was checked). */
    public boolean incomplete() {
        return incomplete;
    }

    /** Harmless findings (records the index does not list, left by a stopped save). */
    public List<Finding> notes() {
        return List.copyOf(notes);
    }
}

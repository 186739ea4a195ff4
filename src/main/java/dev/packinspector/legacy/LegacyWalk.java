package dev.packinspector.legacy;

import dev.packinspector.store.ProblemKind;
import dev.packinspector.store.StoreException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A chkpt 0.1.x snapshot's files: its trees walked from the root, names joined with {@code /}
 * (LEGACY-FORMAT.md §5, §6: a snapshot's file list exists only as this walk). A tree that is
 * missing or does not decode is a problem naming the folder that needs it, and the walk goes on
 * beside it. Each tree is checked against its id as it is read ({@link LegacyStore#tree}), so a
 * folder cannot hold itself; one that did, or paths deeper than {@link #MAX_DEPTH}, would be
 * refused, not followed. Trees shared by folders and snapshots are read once per walker.
 *
 * <p>chkpt 0.1.x stores a {@code \} in a workspace name as {@code /} (LEGACY-FORMAT.md §13), which
 * leaves empty names in its trees. They are placed where chkpt's own restore puts them, a path
 * with its empty parts dropped: what an empty-named folder holds is in the folder around it
 * ({@code d/\x} comes back as {@code d/x}), walked after that folder's own entries. An empty-named
 * file, a name that ended in a backslash, would be the folder itself (chkpt's restore stops there,
 * "Is a directory"); it is given the folder's name with the backslash back ({@code trail\} in
 * the folder around {@code trail}). A path can so come twice (both {@code \x} and {@code x} were
 * in the workspace): both are listed, the folder's own entry first.
 */
public final class LegacyWalk {
    /** Folders deeper than this are not followed (Linux paths end at 4,096 bytes, so at 2,048 folders). */
    public static final int MAX_DEPTH = 2048;

    /** A file of the snapshot: its path, object, size and mode as the tree records them. */
    public record File(String path, LegacyId object, long size, int mode, LegacyTree.Kind kind) {
    }

    /** A tree that could not be read, and the folder that needed it ("" for the snapshot's root). */
    public record Problem(String folder, StoreException error) {
    }

    /** The files in path order (bytewise), and the trees that could not be read. */
    public record Files(List<File> files, List<Problem> problems) {
    }

    private final LegacyStore store;
    private final Map<LegacyId, Object> trees = new HashMap<>();

    public LegacyWalk(LegacyStore store) {
        this.store = store;
    }

    /** The files of {@code snapshot}. */
    public Files of(LegacySnapshot snapshot) {
        var files = new ArrayList<File>();
        var problems = new ArrayList<Problem>();
        walk(snapshot.rootTree(), "", new HashSet<>(), 0, files, problems);
        files.sort((x, y) -> java.util.Arrays.compareUnsigned(x.path().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                y.path().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return new Files(List.copyOf(files), List.copyOf(problems));
    }

    private void walk(LegacyId id, String folder, Set<LegacyId> above, int depth, List<File> files, List<Problem> problems) {
        String where = folder.isEmpty() ? "the snapshot's root folder" : "folder '" + folder + "'";
        if (depth > MAX_DEPTH) {
            problems.add(new Problem(folder, new StoreException(ProblemKind.TREE_STRUCTURE_INVALID, store.treeFile(id), StoreException.NO_OFFSET,
                    where + " is more than " + MAX_DEPTH + " folders deep: not followed")));
            return;
        }
        if (!above.add(id)) {
            problems.add(new Problem(folder, new StoreException(ProblemKind.TREE_STRUCTURE_INVALID, store.treeFile(id), StoreException.NO_OFFSET,
                    where + " holds its own tree " + id + ": a loop, not followed")));
            return;
        }
        try {
            LegacyTree tree;
            try {
                tree = read(id);
            } catch (StoreException e) {
                problems.add(new Problem(folder, new StoreException(e.kind(), e.file(), e.offset(), e.detail() + ", needed by " + where, e)));
                return;
            }
            var unnamed = new ArrayList<LegacyTree.Entry>();
            for (LegacyTree.Entry e : tree.entries()) {
                if (e.name().isEmpty() && e.kind() == LegacyTree.Kind.FOLDER) {
                    unnamed.add(e);
                } else if (e.kind() == LegacyTree.Kind.FOLDER) {
                    walk(e.id(), join(folder, e.name()), above, depth + 1, files, problems);
                } else {
                    files.add(new File(e.name().isEmpty() ? folder + "\\" : join(folder, e.name()), e.id(), e.size(), e.mode(), e.kind()));
                }
            }
            for (LegacyTree.Entry e : unnamed) {
                walk(e.id(), folder, above, depth + 1, files, problems);
            }
        } finally {
            above.remove(id);
        }
    }

    private static String join(String folder, String name) {
        return folder.isEmpty() ? name : folder + "/" + name;
    }

    /** The trees this walker has looked for so far, found sound or not. */
    public java.util.Set<LegacyId> walked() {
        return java.util.Set.copyOf(trees.keySet());
    }

    private LegacyTree read(LegacyId id) throws StoreException {
        Object known = trees.get(id);
        if (known instanceof LegacyTree t) {
            return t;
        }
        if (known instanceof StoreException e) {
            throw e;
        }
        try {
            LegacyTree t = store.tree(id);
            trees.put(id, t);
            return t;
        } catch (StoreException e) {
            trees.put(id, e);
            throw e;
        }
    }
}

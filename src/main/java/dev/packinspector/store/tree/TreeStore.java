package dev.packinspector.store.tree;

import dev.packinspector.store.ObjectId;
import dev.packinspector.store.ProblemKind;
import dev.packinspector.store.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A store's trees: its {@code trees/} folder with the tree pack in one of the {@link TreePackState
 * states} (absent, incomplete and damaged packs are states, never exceptions at open) and any loose
 * trees. A lookup asks the pack, then the loose files (as chkpt 7f7f180 does); when neither has the
 * tree and the pack cannot be used, the lookup fails with the pack's problem. Thread-safe until
 * {@link #close()}; pick up a pack chkpt rewrote since by opening a new one.
 */
public final class TreeStore implements TreeSource, AutoCloseable {
    public static final String FOLDER = "trees";

    private final Path folder;
    private final TreePackState state;
    private final TreePack pack;
    private final StoreException problem;
    private final LooseTrees loose;

    private TreeStore(Path folder, TreePackState state, TreePack pack, StoreException problem) {
        this.folder = folder;
        this.state = state;
        this.pack = pack;
        this.problem = problem;
        this.loose = new LooseTrees(folder);
    }

    /** The {@code trees/} folder of a store folder, or of the store around a bare {@code packs/} folder (it may not exist). */
    public static Path folderOf(Path storeOrPacks) {
        Path dir = storeOrPacks.toAbsolutePath().normalize();
        Path own = dir.resolve(FOLDER);
        Path parent = dir.getParent();
        if (!Files.isDirectory(own) && parent != null && dir.getFileName().toString().equals("packs")
                && Files.isDirectory(parent.resolve(FOLDER))) {
            return parent.resolve(FOLDER);
        }
        return own;
    }

    /** Opens the trees of {@code storeOrPacks} (a store folder or its {@code packs/} folder), read-only. */
    public static TreeStore open(Path storeOrPacks) {
        Path folder = folderOf(storeOrPacks);
        boolean dat = Files.exists(folder.resolve(TreePack.DAT));
        boolean idx = Files.exists(folder.resolve(TreePack.IDX));
        if (!dat && !idx) {
            return new TreeStore(folder, TreePackState.ABSENT, null, null);
        }
        if (dat != idx) {
            String have = dat ? TreePack.DAT : TreePack.IDX;
            String lacking = dat ? TreePack.IDX : TreePack.DAT;
            return new TreeStore(folder, TreePackState.INCOMPLETE, null, new StoreException(ProblemKind.TREE_PACK_INCOMPLETE,
                    folder.resolve(lacking), StoreException.NO_OFFSET, "the tree pack has " + have + " but no " + lacking
                            + " (chkpt was stopped in its first save that wrote trees, or a file was deleted); chkpt ignores it"));
        }
        try {
            return new TreeStore(folder, TreePackState.OK, TreePack.open(folder), null);
        } catch (StoreException e) {
            // a file renamed away between the look and the mapping: the same half-pack state as above
            TreePackState state = e.kind().incomplete() ? TreePackState.INCOMPLETE : TreePackState.UNREADABLE;
            return new TreeStore(folder, state, null, e);
        }
    }

    public Path folder() {
        return folder;
    }

    /** Whether there is a {@code trees/} folder at all. */
    public boolean folderExists() {
        return Files.isDirectory(folder);
    }

    public TreePackState state() {
        return state;
    }

    public Optional<TreePack> pack() {
        return Optional.ofNullable(pack);
    }

    /** Why the pack cannot be used ({@link TreePackState#INCOMPLETE} or {@link TreePackState#UNREADABLE}), else null. */
    public StoreException problem() {
        return problem;
    }

    /** The pack's notes (see {@link TreePack#notes()}); none when it is not open. */
    public List<StoreException> notes() {
        return pack == null ? List.of() : pack.notes();
    }

    /** Trees the pack's index lists, or -1 when the pack is not open. */
    public long treeCount() {
        return pack == null ? -1 : pack.treeCount();
    }

    /** Size of {@code trees.dat} where known, else -1. */
    public long dataBytes() {
        if (pack != null) {
            return pack.dataBytes();
        }
        try {
            return Files.size(folder.resolve(TreePack.DAT));
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    public Optional<List<TreeEntry>> find(ObjectId id) throws StoreException {
        Optional<List<TreeEntry>> found = pack == null ? Optional.empty() : pack.find(id);
        if (found.isEmpty() && folderExists()) {
            found = loose.find(id);
        }
        if (found.isEmpty() && problem != null) {
            throw problem;
        }
        return found;
    }

    /** Like {@link #find} but a tree that is nowhere is a {@link ProblemKind#TREE_MISSING} error. */
    public List<TreeEntry> read(ObjectId id) throws StoreException {
        return find(id).orElseThrow(() -> new StoreException(ProblemKind.TREE_MISSING, folder, StoreException.NO_OFFSET,
                "tree " + id + " is in neither the tree pack nor a loose tree file"));
    }

    /**
     * Full check, for {@code verify}: the pack's problem if it cannot be used, else {@link
     * TreePack#validate}; then every loose tree decoded and hashed. Notes come with {@link
     * ProblemKind#note()} kinds; an incomplete pack with {@link ProblemKind#incomplete()}.
     */
    public void validate(Consumer<StoreException> findings) {
        if (problem != null) {
            findings.accept(problem);
        }
        if (pack != null) {
            pack.validate(findings);
        }
        if (folderExists()) {
            loose.validate(findings);
        }
    }

    @Override
    public void close() {
        if (pack != null) {
            pack.close();
        }
    }
}

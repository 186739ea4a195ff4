package dev.packinspector.app.objects;

import dev.packinspector.store.ObjectId;
import dev.packinspector.store.ObjectLocation;
import dev.packinspector.store.PackSet;
import dev.packinspector.store.tree.TreeIndex;
import dev.packinspector.store.tree.TreePack;
import dev.packinspector.store.tree.TreeStore;

/**
 * The Objects view's rows: every blob pack entry in merged id order, then every tree of the tree
 * pack in id order, both read from their mappings by row number. UI-free; immutable while the
 * session that owns the packs is open.
 */
public final class IndexRows {
    /** One row: kind ({@code blob} or {@code tree}), id, pack, offset, stored length, and where a blob lives (null for a tree). */
    record Entry(String kind, ObjectId id, String pack, long offset, long compressedSize, ObjectLocation blob) {
        boolean tree() {
            return blob == null;
        }
    }

    static final IndexRows EMPTY = new IndexRows(null, null);

    private final PackSet packs;
    private final TreeIndex trees;
    private final int blobs;

    private IndexRows(PackSet packs, TreeIndex trees) {
        this.packs = packs;
        this.trees = trees;
        this.blobs = packs == null ? 0 : packs.entryCount();
    }

    public static IndexRows of(PackSet packs, TreeStore treeStore) {
        return new IndexRows(packs, treeStore == null ? null : treeStore.pack().map(TreePack::index).orElse(null));
    }

    int size() {
        return blobs + (trees == null ? 0 : trees.count());
    }

    Entry at(int row) {
        if (row < blobs) {
            ObjectLocation at = packs.entryAt(row);
            return new Entry("blob", at.id(), at.pack().name(), at.offset(), at.compressedSize(), at);
        }
        int p = row - blobs;
        return new Entry("tree", trees.id(p), "trees", trees.offset(p), trees.length(p), null);
    }

    /** The rows whose ids start with {@code hexPrefix} (lower-case hex, at most 32 digits): blobs, then trees. */
    RowList withPrefix(String hexPrefix) {
        if (packs == null) {
            return RowList.range(0, 0, false);
        }
        PackSet.RowRange blobRange = packs.rowsWithPrefix(hexPrefix);
        if (trees == null) {
            return RowList.range(blobRange.from(), blobRange.to(), false);
        }
        int pad = 2 * ObjectId.BYTES - hexPrefix.length();
        int from = trees.bound(ObjectId.parse(hexPrefix + "0".repeat(pad)), false);
        int to = trees.bound(ObjectId.parse(hexPrefix + "f".repeat(pad)), true);
        return RowList.runs(blobRange.from(), blobRange.to(), blobs + from, blobs + to);
    }
}

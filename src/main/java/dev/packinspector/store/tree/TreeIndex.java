package dev.packinspector.store.tree;

import dev.packinspector.store.IdRecords;
import dev.packinspector.store.ObjectId;
import dev.packinspector.store.ProblemKind;
import dev.packinspector.store.StoreException;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;

/**
 * {@code trees.idx} (TREES-FORMAT.md §3): 32-byte records (16-byte tree id, u64 LE offset of the
 * record in {@code trees.dat}, u64 LE object length), sorted by id, read from the mapping by
 * position. Unlike a blob pack's {@code .idx}, a length that is not whole records is damage, not a
 * write in progress: chkpt renames {@code trees.idx} into place. An empty index is accepted (an
 * empty pack). Immutable and thread-safe while its pack is open.
 */
public final class TreeIndex extends IdRecords {
    TreeIndex(Path file, MemorySegment records) throws StoreException {
        super(file, records, wholeRecords(file, records.byteSize()));
    }

    private static int wholeRecords(Path file, long size) throws StoreException {
        if (size % RECORD_BYTES != 0) {
            throw new StoreException(ProblemKind.TREE_PACK_CORRUPT, file, size - size % RECORD_BYTES,
                    "tree index is " + size + " bytes, not a whole number of 32-byte records");
        }
        return recordCount(file, size, ProblemKind.TREE_PACK_CORRUPT, "tree index has more records than a pack can hold");
    }

    /** Binary search, as chkpt looks trees up: the position of {@code id}, or -1. */
    public int find(ObjectId id) {
        int at = find(id.hi(), id.lo());
        return at < 0 ? -1 : at;
    }

    /** Strictly ascending ids, which binary search relies on. One sequential pass. */
    void checkOrder() throws StoreException {
        StoreException problem = orderProblem(ProblemKind.TREE_PACK_CORRUPT, "tree index record", "record");
        if (problem != null) {
            throw problem;
        }
    }
}

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
public final class TreeIndex {
    public static final int RECORD_BYTES = IdRecords.RECORD_BYTES;

    private final Path file;
    private final IdRecords records;

    TreeIndex(Path file, MemorySegment records) throws StoreException {
        long size = records.byteSize();
        if (size % RECORD_BYTES != 0) {
            throw new StoreException(ProblemKind.TREE_PACK_CORRUPT, file, size - size % RECORD_BYTES,
                    "tree index is " + size + " bytes, not a whole number of 32-byte records");
        }
        if (size / RECORD_BYTES > Integer.MAX_VALUE) {
            throw new StoreException(ProblemKind.TREE_PACK_CORRUPT, file, StoreException.NO_OFFSET, "tree index has more records than a pack can hold");
        }
        this.file = file;
        this.records = new IdRecords(records, (int) (size / RECORD_BYTES));
    }

    public Path file() {
        return file;
    }

    public int count() {
        return records.count();
    }

    public ObjectId id(int position) {
        return records.id(position);
    }

    /** Offset in {@code trees.dat} of the record's id field; the object starts 24 bytes later. */
    public long offset(int position) {
        return records.offset(position);
    }

    /** The object's length N (u64: negative means at least 2^63, which no data holds). */
    public long length(int position) {
        return records.length(position);
    }

    /** The first position whose id is {@code >= id} (or {@code > id} when {@code after}); {@link #count()} if none. */
    public int bound(ObjectId id, boolean after) {
        return records.bound(id, after);
    }

    /** Binary search, as chkpt looks trees up: the position of {@code id}, or -1. */
    public int find(ObjectId id) {
        int at = records.find(id.hi(), id.lo());
        return at < 0 ? -1 : at;
    }

    /** Strictly ascending ids, which binary search relies on. One sequential pass. */
    void checkOrder() throws StoreException {
        int i = records.firstOutOfOrder();
        if (i >= 0) {
            throw new StoreException(ProblemKind.TREE_PACK_CORRUPT, file, (long) i * RECORD_BYTES,
                    "tree index record " + i + " (" + id(i) + ") is not after record " + (i - 1) + (records.sameAsPrevious(i) ? " (duplicate id)" : ""));
        }
    }
}

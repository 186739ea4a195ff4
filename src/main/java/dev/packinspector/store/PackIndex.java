package dev.packinspector.store;

import java.lang.foreign.MemorySegment;
import java.nio.file.Path;

/**
 * A pack's sorted {@code .idx}: 32-byte records (16-byte id, u64 LE offset of the entry in
 * {@code .dat}, u64 LE compressed length), read straight from the file mapping by position, with
 * no per-entry objects. Opening checks only the size; {@link #checkOrder()} and the bounds checks
 * of {@link Pack} do the rest. Immutable and thread-safe while its pack is open.
 */
public final class PackIndex extends IdRecords {
    PackIndex(Path file, MemorySegment records) throws StoreException {
        super(file, records, wholeRecords(file, records.byteSize()));
    }

    /** An empty index or a partial record is a write in progress, as chkpt writes {@code .idx} in place. */
    private static int wholeRecords(Path file, long size) throws StoreException {
        if (size == 0 || size % RECORD_BYTES != 0) {
            throw new StoreException(ProblemKind.INDEX_SIZE_INVALID, file, StoreException.NO_OFFSET,
                    "index is " + size + " bytes, not a whole number of 32-byte records (chkpt may still be writing it)");
        }
        return recordCount(file, size, ProblemKind.INDEX_SIZE_INVALID, "index has more entries than a pack can hold");
    }

    /** The size of the entry's LZ4 frame: its {@link #length} field. */
    public long compressedSize(int position) {
        return length(position);
    }

    /** Binary search: the position of {@code id}, or {@code -(insertion point) - 1}. */
    public int find(ObjectId id) {
        return find(id.hi(), id.lo());
    }

    /** Checks that ids are strictly ascending, which binary search relies on. One sequential pass. */
    public void checkOrder() throws StoreException {
        StoreException problem = orderProblem(ProblemKind.INDEX_UNSORTED, "entry", "entry");
        if (problem != null) {
            throw problem;
        }
    }
}

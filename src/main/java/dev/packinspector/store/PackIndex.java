package dev.packinspector.store;

import java.lang.foreign.MemorySegment;
import java.nio.file.Path;

/**
 * A pack's sorted {@code .idx}: 32-byte records (16-byte id, u64 LE offset of the entry in
 * {@code .dat}, u64 LE compressed length), read straight from the file mapping by position, with
 * no per-entry objects. Opening checks only the size; {@link #checkOrder()} and the bounds checks
 * of {@link Pack} do the rest. Immutable and thread-safe while its pack is open.
 */
public final class PackIndex {
    public static final int RECORD_BYTES = IdRecords.RECORD_BYTES;

    private final Path file;
    private final IdRecords records;

    PackIndex(Path file, MemorySegment records) throws StoreException {
        long size = records.byteSize();
        if (size == 0 || size % RECORD_BYTES != 0) {
            throw new StoreException(ProblemKind.INDEX_SIZE_INVALID, file, StoreException.NO_OFFSET,
                    "index is " + size + " bytes, not a whole number of 32-byte records (chkpt may still be writing it)");
        }
        if (size / RECORD_BYTES > Integer.MAX_VALUE) {
            throw new StoreException(ProblemKind.INDEX_SIZE_INVALID, file, StoreException.NO_OFFSET,
                    "index has more entries than a pack can hold");
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

    /** First 8 bytes of the id at {@code position}, big-endian (for unsigned comparison). */
    public long idHi(int position) {
        return records.idHi(position);
    }

    public long idLo(int position) {
        return records.idLo(position);
    }

    public ObjectId id(int position) {
        return records.id(position);
    }

    /** Offset in {@code .dat} of the entry's id field; the payload starts 24 bytes later. */
    public long offset(int position) {
        return records.offset(position);
    }

    public long compressedSize(int position) {
        return records.length(position);
    }

    /** Binary search: the position of {@code id}, or {@code -(insertion point) - 1}. */
    public int find(long hi, long lo) {
        return records.find(hi, lo);
    }

    public int find(ObjectId id) {
        return find(id.hi(), id.lo());
    }

    /** Checks that ids are strictly ascending, which binary search relies on. One sequential pass. */
    public void checkOrder() throws StoreException {
        int i = records.firstOutOfOrder();
        if (i >= 0) {
            throw new StoreException(ProblemKind.INDEX_UNSORTED, file, (long) i * RECORD_BYTES,
                    "entry " + i + " (" + id(i) + ") is not after entry " + (i - 1) + (records.sameAsPrevious(i) ? " (duplicate id)" : ""));
        }
    }
}

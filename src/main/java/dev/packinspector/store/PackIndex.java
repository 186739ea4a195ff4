package dev.packinspector.store;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.file.Path;

/**
 * A pack's sorted {@code .idx}: 32-byte records (16-byte id, u64 LE offset of the entry in
 * {@code .dat}, u64 LE compressed length), read straight from the file mapping by position, with
 * no per-entry objects. Opening checks only the size; {@link #checkOrder()} and the bounds checks
 * of {@link Pack} do the rest. Immutable and thread-safe while its pack is open.
 */
public final class PackIndex {
    public static final int RECORD_BYTES = 32;
    private static final ValueLayout.OfLong LONG_BE = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);

    private final Path file;
    private final MemorySegment records;
    private final int count;

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
        this.records = records;
        this.count = (int) (size / RECORD_BYTES);
    }

    public Path file() {
        return file;
    }

    public int count() {
        return count;
    }

    /** First 8 bytes of the id at {@code position}, big-endian (for unsigned comparison). */
    public long idHi(int position) {
        return records.get(LONG_BE, (long) position * RECORD_BYTES);
    }

    public long idLo(int position) {
        return records.get(LONG_BE, (long) position * RECORD_BYTES + 8);
    }

    public ObjectId id(int position) {
        return new ObjectId(idHi(position), idLo(position));
    }

    /** Offset in {@code .dat} of the entry's id field; the payload starts 24 bytes later. */
    public long offset(int position) {
        return records.get(ByteSource.LONG_LE, (long) position * RECORD_BYTES + 16);
    }

    public long compressedSize(int position) {
        return records.get(ByteSource.LONG_LE, (long) position * RECORD_BYTES + 24);
    }

    /** Binary search: the position of {@code id}, or {@code -(insertion point) - 1}. */
    public int find(long hi, long lo) {
        int low = 0;
        int high = count - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int c = Long.compareUnsigned(idHi(mid), hi);
            if (c == 0) {
                c = Long.compareUnsigned(idLo(mid), lo);
            }
            if (c < 0) {
                low = mid + 1;
            } else if (c > 0) {
                high = mid - 1;
            } else {
                return mid;
            }
        }
        return -(low + 1);
    }

    public int find(ObjectId id) {
        return find(id.hi(), id.lo());
    }

    /** Checks that ids are strictly ascending, which binary search relies on. One sequential pass. */
    public void checkOrder() throws StoreException {
        for (int i = 1; i < count; i++) {
            int c = Long.compareUnsigned(idHi(i - 1), idHi(i));
            if (c == 0) {
                c = Long.compareUnsigned(idLo(i - 1), idLo(i));
            }
            if (c >= 0) {
                throw new StoreException(ProblemKind.INDEX_UNSORTED, file, (long) i * RECORD_BYTES,
                        "entry " + i + " (" + id(i) + ") is not after entry " + (i - 1) + (c == 0 ? " (duplicate id)" : ""));
            }
        }
    }
}

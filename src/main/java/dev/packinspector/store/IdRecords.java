package dev.packinspector.store;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.file.Path;

/**
 * An index file in the layout a blob pack's {@code .idx} ({@link PackIndex}) and the tree pack's
 * {@code trees.idx} share: 32-byte records of a 16-byte id, a u64 LE offset and a u64 LE length,
 * sorted by id (bytewise, unsigned), read straight from a mapping by position with no per-record
 * objects. This is the reading, searching and order check the two have in common; each checks its
 * own size and names its own problems. Immutable and thread-safe while the mapping is open.
 */
public abstract class IdRecords {
    public static final int RECORD_BYTES = 32;
    private static final ValueLayout.OfLong LONG_BE = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    private static final int LONGS_PER_RECORD = RECORD_BYTES / Long.BYTES;
    /** Records the order check copies at a time (32 KiB). */
    private static final int ORDER_BLOCK = 1024;

    private final Path file;
    private final MemorySegment records;
    private final int count;

    /** Reads the first {@code count} records of {@code records}, mapped from {@code file}; the subclass has checked the size. */
    protected IdRecords(Path file, MemorySegment records, int count) {
        this.file = file;
        this.records = records;
        this.count = count;
    }

    /**
     * The number of records in {@code size} bytes of whole records, or a {@code kind} problem saying
     * {@code tooMany} if there are more than an index can address.
     */
    protected static int recordCount(Path file, long size, ProblemKind kind, String tooMany) throws StoreException {
        if (size / RECORD_BYTES > Integer.MAX_VALUE) {
            throw new StoreException(kind, file, StoreException.NO_OFFSET, tooMany);
        }
        return (int) (size / RECORD_BYTES);
    }

    public final Path file() {
        return file;
    }

    public final int count() {
        return count;
    }

    /** First 8 bytes of the id at {@code position}, big-endian (for unsigned comparison). */
    public final long idHi(int position) {
        return records.get(LONG_BE, (long) position * RECORD_BYTES);
    }

    public final long idLo(int position) {
        return records.get(LONG_BE, (long) position * RECORD_BYTES + 8);
    }

    public final ObjectId id(int position) {
        return new ObjectId(idHi(position), idLo(position));
    }

    /** Offset in the data file of the record's id field; the object starts 24 bytes later. */
    public final long offset(int position) {
        return records.get(ByteSource.LONG_LE, (long) position * RECORD_BYTES + 16);
    }

    /** The object's length field (u64: negative means at least 2^63, which no data holds). */
    public final long length(int position) {
        return records.get(ByteSource.LONG_LE, (long) position * RECORD_BYTES + 24);
    }

    private int compare(int position, long hi, long lo) {
        int c = Long.compareUnsigned(idHi(position), hi);
        return c != 0 ? c : Long.compareUnsigned(idLo(position), lo);
    }

    /** Binary search: the position of the id {@code hi, lo}, or {@code -(insertion point) - 1}. */
    public final int find(long hi, long lo) {
        int low = 0;
        int high = count - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int c = compare(mid, hi, lo);
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

    /** The first position whose id is {@code >= id} (or {@code > id} when {@code after}); {@link #count()} if none. */
    public final int bound(ObjectId id, boolean after) {
        int low = 0;
        int high = count;
        while (low < high) {
            int mid = (low + high) >>> 1;
            int c = compare(mid, id.hi(), id.lo());
            if (c < 0 || (after && c == 0)) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /**
     * A {@code kind} problem at the first record whose id is not after the one before it (binary
     * search needs strictly ascending ids), {@code "<record> 3 (<id>) is not after <previous> 2"},
     * or null if the ids ascend. One sequential pass.
     */
    protected final StoreException orderProblem(ProblemKind kind, String record, String previous) {
        // the ids are copied out a block at a time: a plain array compares several times faster than
        // a segment read per field while the code is still interpreted or C1-compiled (every launch)
        long[] block = new long[ORDER_BLOCK * LONGS_PER_RECORD];
        long previousHi = 0;
        long previousLo = 0;
        for (int start = 0; start < count; start += ORDER_BLOCK) {
            int n = Math.min(ORDER_BLOCK, count - start);
            MemorySegment.copy(records, LONG_BE, (long) start * RECORD_BYTES, block, 0, n * LONGS_PER_RECORD);
            for (int k = 0; k < n; k++) {
                long hi = block[k * LONGS_PER_RECORD];
                long lo = block[k * LONGS_PER_RECORD + 1];
                int i = start + k;
                if (i > 0) {
                    int c = Long.compareUnsigned(hi, previousHi);
                    c = c != 0 ? c : Long.compareUnsigned(lo, previousLo);
                    if (c <= 0) {
                        return new StoreException(kind, file, (long) i * RECORD_BYTES,
                                record + " " + i + " (" + id(i) + ") is not after " + previous + " " + (i - 1) + (c == 0 ? " (duplicate id)" : ""));
                    }
                }
                previousHi = hi;
                previousLo = lo;
            }
        }
        return null;
    }
}

package dev.packinspector.store;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * The record layout a blob pack's {@code .idx} and the tree pack's {@code trees.idx} share:
 * 32-byte records of a 16-byte id, a u64 LE offset and a u64 LE length, sorted by id (bytewise,
 * unsigned), read straight from a mapping by position. The two indexes check their own sizes and
 * name their own problems; this is the reading and searching they have in common. Immutable and
 * thread-safe while the mapping is open.
 */
public final class IdRecords {
    public static final int RECORD_BYTES = 32;
    private static final ValueLayout.OfLong LONG_BE = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);

    private final MemorySegment records;
    private final int count;

    /** Reads the first {@code count} records of {@code records}; the caller has checked the size. */
    public IdRecords(MemorySegment records, int count) {
        this.records = records;
        this.count = count;
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

    public long offset(int position) {
        return records.get(ByteSource.LONG_LE, (long) position * RECORD_BYTES + 16);
    }

    public long length(int position) {
        return records.get(ByteSource.LONG_LE, (long) position * RECORD_BYTES + 24);
    }

    private int compare(int position, long hi, long lo) {
        int c = Long.compareUnsigned(idHi(position), hi);
        return c != 0 ? c : Long.compareUnsigned(idLo(position), lo);
    }

    /** Binary search: the position of the id {@code hi, lo}, or {@code -(insertion point) - 1}. */
    public int find(long hi, long lo) {
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
    public int bound(ObjectId id, boolean after) {
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
     * The first position whose id is not after the one before it (binary search needs strictly
     * ascending ids), or -1 if there is none. One sequential pass.
     */
    public int firstOutOfOrder() {
        for (int i = 1; i < count; i++) {
            if (compare(i, idHi(i - 1), idLo(i - 1)) <= 0) {
                return i;
            }
        }
        return -1;
    }

    /** True if the ids at {@code position} and the one before it are equal. */
    public boolean sameAsPrevious(int position) {
        return compare(position, idHi(position - 1), idLo(position - 1)) == 0;
    }
}

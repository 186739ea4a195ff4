package dev.packinspector.store.tree;

import dev.packinspector.store.ByteSource;
import dev.packinspector.store.ObjectId;
import dev.packinspector.store.ProblemKind;
import dev.packinspector.store.StoreException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.file.Path;

/**
 * {@code trees.idx} (TREES-FORMAT.md §3): 32-byte records (16-byte tree id, u64 LE offset of the
 * record in {@code trees.dat}, u64 LE object length), sorted by id, read from the mapping by
 * position. Unlike a blob pack's {@code .idx}, a length that is not whole records is damage, not a
 * write in progress: chkpt renames {@code trees.idx} into place. An empty index is accepted (an
 * empty pack). Immutable and thread-safe while its pack is open.
 */
public final class TreeIndex {
    public static final int RECORD_BYTES = 32;
    private static final ValueLayout.OfLong LONG_BE = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);

    private final Path file;
    private final MemorySegment records;
    private final int count;

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
        this.records = records;
        this.count = (int) (size / RECORD_BYTES);
    }

    public Path file() {
        return file;
    }

    public int count() {
        return count;
    }

    long idHi(int position) {
        return records.get(LONG_BE, (long) position * RECORD_BYTES);
    }

    long idLo(int position) {
        return records.get(LONG_BE, (long) position * RECORD_BYTES + 8);
    }

    public ObjectId id(int position) {
        return new ObjectId(idHi(position), idLo(position));
    }

    /** Offset in {@code trees.dat} of the record's id field; the object starts 24 bytes later. */
    public long offset(int position) {
        return records.get(ByteSource.LONG_LE, (long) position * RECORD_BYTES + 16);
    }

    /** The object's length N (u64: negative means at least 2^63, which no data holds). */
    public long length(int position) {
        return records.get(ByteSource.LONG_LE, (long) position * RECORD_BYTES + 24);
    }

    /** The first position whose id is {@code >= id} (or {@code > id} when {@code after}); {@link #count()} if none. */
    public int bound(ObjectId id, boolean after) {
        int low = 0;
        int high = count;
        while (low < high) {
            int mid = (low + high) >>> 1;
            int c = Long.compareUnsigned(idHi(mid), id.hi());
            if (c == 0) {
                c = Long.compareUnsigned(idLo(mid), id.lo());
            }
            if (c < 0 || (after && c == 0)) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** Binary search, as chkpt looks trees up: the position of {@code id}, or -1. */
    public int find(ObjectId id) {
        int low = 0;
        int high = count - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int c = Long.compareUnsigned(idHi(mid), id.hi());
            if (c == 0) {
                c = Long.compareUnsigned(idLo(mid), id.lo());
            }
            if (c < 0) {
                low = mid + 1;
            } else if (c > 0) {
                high = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    /** Strictly ascending ids, which binary search relies on. One sequential pass. */
    void checkOrder() throws StoreException {
        for (int i = 1; i < count; i++) {
            int c = Long.compareUnsigned(idHi(i - 1), idHi(i));
            if (c == 0) {
                c = Long.compareUnsigned(idLo(i - 1), idLo(i));
            }
            if (c >= 0) {
                throw new StoreException(ProblemKind.TREE_PACK_CORRUPT, file, (long) i * RECORD_BYTES,
                        "tree index record " + i + " (" + id(i) + ") is not after record " + (i - 1) + (c == 0 ? " (duplicate id)" : ""));
            }
        }
    }
}

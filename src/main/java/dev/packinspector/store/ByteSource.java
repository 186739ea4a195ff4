package dev.packinspector.store;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.file.Path;

/**
 * Read-only random access to bytes that may be split over several files (a chunked pack), with
 * the file and file offset of any position for error messages. Implementations are thread-safe.
 */
public interface ByteSource {
    ValueLayout.OfLong LONG_LE = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    ValueLayout.OfInt INT_LE = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    long size();

    /**
     * The bytes {@code [position, position + length)}: a view where they lie in one file, else a
     * copy (so {@code length} must fit in an int when the range crosses files). The caller has
     * checked the range against {@link #size()}.
     */
    MemorySegment slice(long position, long length);

    /** The file that holds {@code position}. */
    Path fileAt(long position);

    /** Where {@code position} lies within {@link #fileAt(long)}. */
    long offsetInFile(long position);

    default int intLE(long position) {
        return slice(position, 4).get(INT_LE, 0);
    }

    default long longLE(long position) {
        return slice(position, 8).get(LONG_LE, 0);
    }

    /** A source over bytes already in memory, for frames that do not come from a pack; {@code label} names them in errors. */
    static ByteSource of(MemorySegment bytes, Path label) {
        return new PackData.SingleFile(label, bytes);
    }
}

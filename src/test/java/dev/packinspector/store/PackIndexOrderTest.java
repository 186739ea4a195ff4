package dev.packinspector.store;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The index's order check reads ids a block of records at a time: a disorder is found, and named
 * by the right entry, wherever it falls against the blocks (first record, either side of a
 * block's edge, last record), and unsigned order is kept (an id starting 0xff.. is after 0x7f..).
 */
class PackIndexOrderTest {
    private static final ValueLayout.OfLong BE = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    private static final int COUNT = 2_600;

    /** {@code COUNT} records whose ids ascend, unsigned, crossing the sign bit of both halves. */
    private static MemorySegment ascending() {
        MemorySegment records = MemorySegment.ofArray(new byte[COUNT * IdRecords.RECORD_BYTES]);
        for (int i = 0; i < COUNT; i++) {
            long hi = 0x7fff_ffff_ffff_f000L + (i / 2); // passes from 0x7f.. to 0x80.. (negative as a long)
            long lo = (i % 2 == 0) ? 0x7fff_ffff_ffff_ffffL : 0x8000_0000_0000_0000L;
            records.set(BE, (long) i * IdRecords.RECORD_BYTES, hi);
            records.set(BE, (long) i * IdRecords.RECORD_BYTES + 8, lo);
        }
        return records;
    }

    private static void copyId(MemorySegment records, int from, int to) {
        MemorySegment.copy(records, (long) from * IdRecords.RECORD_BYTES, records, (long) to * IdRecords.RECORD_BYTES, 16);
    }

    @Test
    void ascendingIdsPass() throws StoreException {
        var index = new PackIndex(Path.of("p.idx"), ascending());
        assertDoesNotThrow(index::checkOrder);
        assertEquals(COUNT, index.count());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 1023, 1024, 1025, 2048, COUNT - 1})
    void aDuplicateIsNamedByItsEntryWhereverItFalls(int at) throws StoreException {
        MemorySegment records = ascending();
        copyId(records, at - 1, at);
        var e = assertThrows(StoreException.class, new PackIndex(Path.of("p.idx"), records)::checkOrder);
        assertTrue(e.getMessage().contains("entry " + at + " ("), e.getMessage());
        assertTrue(e.getMessage().contains("is not after entry " + (at - 1) + " (duplicate id)"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 1024, COUNT - 1})
    void anIdBeforeTheOneBeforeItIsFound(int at) throws StoreException {
        MemorySegment records = ascending();
        copyId(records, 0, at); // the smallest id, again, further on
        var e = assertThrows(StoreException.class, new PackIndex(Path.of("p.idx"), records)::checkOrder);
        assertTrue(e.getMessage().contains("entry " + at + " ("), e.getMessage());
        assertTrue(!e.getMessage().contains("duplicate") || at == 1, e.getMessage());
    }
}

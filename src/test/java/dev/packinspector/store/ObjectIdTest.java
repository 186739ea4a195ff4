package dev.packinspector.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ObjectIdTest {

    @Test
    void equalIdsAreEqualAndHashAlikeAndAnyOtherHalfMakesThemDiffer() {
        var id = new ObjectId(0x0123456789abcdefL, 0xfedcba9876543210L);
        var same = ObjectId.parse(id.toHex());
        assertEquals(id, same);
        assertEquals(id.hashCode(), same.hashCode());
        assertNotEquals(id, new ObjectId(id.hi(), id.lo() ^ 1));
        assertNotEquals(id, new ObjectId(id.hi() ^ (1L << 63), id.lo()));
        assertNotEquals(id, new ObjectId(id.lo(), id.hi()));
        assertNotEquals(id, null);
        assertNotEquals(id, (Object) id.toHex());
    }

    @Test
    void emptyContentHasChkptsIdForTheEmptyBlob() {
        // From the fixtures' manifest: empty.txt
        assertEquals("7f498d4624c30160d8984701d306aa99", ObjectId.of(new byte[0]).toHex());
    }

    @Test
    void hexFormRoundTripsThroughBytes() {
        ObjectId id = ObjectId.parse("0C214CDFA30782CE6F6E04040E632BC5");
        assertEquals("0c214cdfa30782ce6f6e04040e632bc5", id.toHex());
        assertEquals(id, ObjectId.fromBytes(id.toBytes(), 0));
    }

    @Test
    void orderIsUnsignedBytewise() {
        ObjectId low = ObjectId.parse("7f" + "0".repeat(30));
        ObjectId high = ObjectId.parse("80" + "0".repeat(30));
        ObjectId higher = ObjectId.parse("80" + "0".repeat(29) + "1");
        assertTrue(low.compareTo(high) < 0, "0x7f.. sorts before 0x80.. (unsigned)");
        assertTrue(high.compareTo(higher) < 0);
    }

    @Test
    void malformedHexIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ObjectId.parse("abc"));
        assertThrows(IllegalArgumentException.class, () -> ObjectId.parse("z".repeat(32)));
    }

    @Test
    void streamingHashEqualsOneShotHashAtEveryLengthAndSplit() {
        var random = new SplittableRandom(7);
        byte[] data = new byte[5000];
        random.nextBytes(data);
        for (int len = 0; len <= data.length; len += (len < 300 ? 1 : 97)) {
            ObjectId expected = Xxh3.idOf(data, 0, len);
            int split = len == 0 ? 0 : random.nextInt(len + 1);
            ObjectId streamed = Xxh3.stream().put(data, 0, split).put(data, split, len - split).id();
            assertEquals(expected, streamed, "length " + len + " split " + split);
        }
    }

    @Test
    void hashOfMappedMemoryEqualsHashOfArray() {
        byte[] data = new byte[1 << 20];
        new SplittableRandom(3).nextBytes(data);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment native_ = arena.allocate(data.length);
            MemorySegment.copy(data, 0, native_, ValueLayout.JAVA_BYTE, 0, data.length);
            assertEquals(ObjectId.of(data), Xxh3.idOf(native_));
            assertEquals(ObjectId.of(data), Xxh3.stream().put(native_).id());
        }
    }
}

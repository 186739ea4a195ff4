package dev.packinspector.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** xxHash's C library, where the system has it, and the Java libraries give the same ids. */
class Xxh3BackendsTest {
    private static final Path DEBIAN_LIBRARY = Path.of("/usr/lib/x86_64-linux-gnu/libxxhash.so.0");

    private static NativeXxh3 nativeLibrary() {
        assumeTrue(Xxh3.nativeLibrary() != null, "this system has no libxxhash.so.0; the Java libraries hash alone");
        return Xxh3.nativeLibrary();
    }

    @Test
    void theLibraryIsUsedWhereDebianHasIt() {
        assumeTrue(Files.exists(DEBIAN_LIBRARY), "not a Debian or Ubuntu amd64 system");
        assertNotNull(Xxh3.nativeLibrary(), DEBIAN_LIBRARY + " exists, yet Xxh3 does not use it");
        assertEquals("libxxhash", Xxh3.implementation());
    }

    @Test
    void theKnownDigestsAreThoseOfTheJavaLibraries() {
        int[] lengths = NativeXxh3.knownLengths();
        for (int i = 0; i < lengths.length; i++) {
            byte[] input = NativeXxh3.known(lengths[i]);
            assertEquals(NativeXxh3.knownDigest(i), Xxh3.canonical(Xxh3.javaIdOf(MemorySegment.ofArray(input))), "length " + lengths[i]);
            assertEquals(NativeXxh3.knownDigest(i), Xxh3.canonical(Xxh3.javaStream().put(input, 0, input.length).id()), "length " + lengths[i]);
        }
        // xxhsum -H2 of the empty input
        assertEquals("99aa06d3014798d86001c324468d497f", Xxh3.canonical(Xxh3.javaIdOf(MemorySegment.ofArray(new byte[0]))));
    }

    @Test
    void oneShotDigestsAgreeOnHeapAndNativeMemoryOfEveryLengthClass() {
        NativeXxh3 lib = nativeLibrary();
        var random = new SplittableRandom(15);
        try (Arena arena = Arena.ofConfined()) {
            for (int round = 0; round < 600; round++) {
                int length = round < 300 ? round : random.nextInt(round < 590 ? 20_000 : 6 << 20);
                int skew = random.nextInt(8); // unaligned starts
                byte[] bytes = new byte[length + skew];
                random.nextBytes(bytes);
                MemorySegment heap = MemorySegment.ofArray(bytes).asSlice(skew, length);
                MemorySegment off = arena.allocate(length + skew).asSlice(skew, length);
                MemorySegment.copy(heap, 0, off, 0, length);
                ObjectId expected = Xxh3.javaIdOf(heap);
                assertEquals(expected, lib.idOf(heap), "heap, length " + length);
                assertEquals(expected, lib.idOf(off), "native, length " + length);
                assertEquals(expected, Xxh3.idOf(bytes, skew, length), "byte[] slice, length " + length);
                assertEquals(expected, Xxh3.idOf(off), "length " + length);
            }
        }
    }

    @Test
    void streamsAgreeHoweverTheBytesAreSplit() {
        nativeLibrary();
        var random = new SplittableRandom(16);
        try (Arena arena = Arena.ofConfined()) {
            for (int round = 0; round < 200; round++) {
                int length = random.nextInt(round % 10 == 0 ? 3 << 20 : 5_000);
                MemorySegment content = arena.allocate(Math.max(1, length)).asSlice(0, length);
                for (long i = 0; i < length; i++) {
                    content.set(ValueLayout.JAVA_BYTE, i, (byte) random.nextInt());
                }
                Xxh3.Stream nat = Xxh3.stream();
                Xxh3.Stream java = Xxh3.javaStream();
                long at = 0;
                while (at < length) {
                    long piece = Math.min(length - at, 1 + random.nextInt(switch (random.nextInt(3)) {
                        case 0 -> 64;
                        case 1 -> 300_000;
                        default -> 3 * NativeXxh3.HEAP_COPY; // heap pieces copied over in parts
                    }));
                    MemorySegment slice = content.asSlice(at, piece);
                    if (random.nextBoolean()) {
                        nat.put(slice);
                    } else {
                        byte[] copy = slice.toArray(ValueLayout.JAVA_BYTE);
                        nat.put(copy, 0, copy.length);
                    }
                    java.put(slice);
                    at += piece;
                }
                ObjectId expected = Xxh3.javaIdOf(content);
                assertEquals(expected, java.id(), "Java stream, length " + length);
                assertEquals(expected, nat.id(), "native stream, length " + length);
                assertEquals(expected, nat.id(), "a second digest of the same stream, length " + length);
                assertEquals(java.packName(), nat.packName());
                assertEquals(Xxh3.canonical(expected).substring(0, 16), nat.packName());
            }
        }
    }
}

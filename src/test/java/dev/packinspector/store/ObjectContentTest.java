package dev.packinspector.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.packinspector.Fixtures;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Random access into objects for previews: any range, from any block, on single and chunked packs. */
class ObjectContentTest {
    /** 10 MiB + 123: three 4 MB blocks, the middle one incompressible (stored raw), the last one short. */
    private static byte[] multiBlock() {
        byte[] content = new byte[(10 << 20) + 123];
        var random = new SplittableRandom(7);
        for (int i = 0; i < content.length; i++) {
            content[i] = i >= 4 << 20 && i < 8 << 20 ? (byte) random.nextInt(256) : (byte) ('a' + (i * 7 + i / 100) % 26);
        }
        return content;
    }

    /** A pack holding just {@code content}, written by our PackWriter into {@code dir}. */
    private static ObjectId writeOne(Path dir, byte[] content) throws java.io.IOException {
        try (PackWriter writer = new PackWriter(dir)) {
            ObjectId id = writer.add(content);
            writer.finish();
            return id;
        }
    }

    /** Read without a cache, through one too small to hold a block, and through one that holds them all. */
    private static ObjectContent content(ObjectLocation at, String cache) {
        return switch (cache) {
            case "none" -> new ObjectContent(at);
            case "tiny" -> new ObjectContent(at, new BlockCache(1));
            default -> new ObjectContent(at, new BlockCache(64 << 20));
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "tiny", "large"})
    void readsAnyRangeOfAMultiBlockObjectInAnyOrder(String cache, @TempDir Path dir) throws Exception {
        byte[] content = multiBlock();
        ObjectId id = writeOne(dir, content);
        try (PackSet packs = PackSet.open(dir)) {
            var object = content(packs.require(id), cache);
            assertEquals(-1, object.size());
            long[] offsets = {content.length - 10, 0, 4 << 20, (4 << 20) - 3, 9_000_000, 123, content.length - 1, (8 << 20) + 5};
            for (long offset : offsets) {
                byte[] got = object.read(offset, 70_000);
                int end = (int) Math.min(content.length, offset + 70_000);
                assertArrayEquals(Arrays.copyOfRange(content, (int) offset, end), got, "offset " + offset);
            }
            assertEquals(content.length, object.size(), "reading the last block tells the size");
            assertEquals(0, object.read(content.length, 10).length);
            assertEquals(0, object.read(content.length + 5L, 10).length);
            assertTrue(object.scan(() -> false));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "tiny", "large"})
    void concurrentReadersSeeTheSameBytes(String cache, @TempDir Path dir) throws Exception {
        byte[] content = multiBlock();
        ObjectId id = writeOne(dir, content);
        try (PackSet packs = PackSet.open(dir); var pool = Executors.newFixedThreadPool(4)) {
            var object = content(packs.require(id), cache);
            var results = new java.util.ArrayList<Future<Boolean>>();
            for (int t = 0; t < 16; t++) {
                long offset = (long) t * 655_000;
                results.add(pool.submit(() -> Arrays.equals(Arrays.copyOfRange(content, (int) offset, (int) offset + 1000),
                        object.read(offset, 1000))));
            }
            for (var r : results) {
                assertTrue(r.get());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"basic none", "chunked none", "basic tiny", "chunked large", "real/head-chunked large"})
    void everyFixtureObjectReadsBackInPieces(String storeAndCache) throws Exception {
        String[] args = storeAndCache.split(" ");
        try (PackSet packs = PackSet.open(Fixtures.store(args[0]))) {
            for (int row = 0; row < packs.entryCount(); row++) {
                ObjectLocation at = packs.entryAt(row);
                byte[] whole = packs.read(at.id());
                var object = content(at, args[1]);
                int piece = Math.max(1, whole.length / 3 + 1);
                for (int from = whole.length - whole.length % piece; from >= 0; from -= piece) {
                    int to = Math.min(whole.length, from + piece);
                    assertArrayEquals(Arrays.copyOfRange(whole, from, to), object.read(from, piece), at.id() + " at " + from);
                }
                assertTrue(object.scan(() -> false));
                assertEquals(whole.length, object.size());
            }
        }
    }

    @Test
    void aSharedCacheServesASecondReaderOfTheObjectWithoutDecodingAgain(@TempDir Path dir) throws Exception {
        byte[] content = multiBlock();
        ObjectId id = writeOne(dir, content);
        var cache = new BlockCache(64 << 20);
        try (PackSet packs = PackSet.open(dir)) {
            var first = new ObjectContent(packs.require(id), cache);
            for (long at = 0; at < content.length; at += 128 << 10) {
                assertArrayEquals(Arrays.copyOfRange(content, (int) at, (int) Math.min(content.length, at + (128 << 10))),
                        first.read(at, 128 << 10));
            }
            assertEquals(content.length, cache.used(), "each block is held once, whole");
            var second = new ObjectContent(packs.require(id), cache);
            assertArrayEquals(Arrays.copyOfRange(content, 9_000_000, 9_000_100), second.read(9_000_000, 100));
            assertEquals(content.length, second.size(), "the cached blocks tell where the next starts, and where the frame ends");
            assertEquals(content.length, cache.used());
        }
    }

    @Test
    void readsIntoABufferInOrderWithTheNextBlockDecodedAheadAndAfterThePrefetcherIsGone(@TempDir Path dir) throws Exception {
        byte[] content = multiBlock();
        ObjectId id = writeOne(dir, content);
        var pool = Executors.newSingleThreadExecutor();
        var cache = new BlockCache(64 << 20, pool);
        try (PackSet packs = PackSet.open(dir)) {
            var object = new ObjectContent(packs.require(id), cache);
            var random = new SplittableRandom(3);
            long at = 0;
            while (at < content.length) {
                var into = java.nio.ByteBuffer.allocateDirect(1 + random.nextInt(300_000));
                int n = object.read(at, into);
                assertEquals(Math.min(into.capacity(), content.length - at), n);
                assertEquals(n, into.position(), "the buffer's position moved past what was put");
                byte[] got = new byte[n];
                into.flip().get(got);
                assertArrayEquals(Arrays.copyOfRange(content, (int) at, (int) at + n), got, "at " + at);
                at += n;
            }
            assertEquals(0, object.read(at, java.nio.ByteBuffer.allocate(10)));
            pool.shutdownNow();
            var again = new ObjectContent(packs.require(id), new BlockCache(1, pool));
            byte[] whole = new byte[content.length];
            for (int from = 0; from < content.length; from += 100_000) {
                var into = java.nio.ByteBuffer.wrap(whole, from, Math.min(100_000, content.length - from));
                again.read(from, into);
            }
            assertArrayEquals(content, whole, "with no thread to decode ahead, each read decodes what it needs");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theCacheKeepsToItsBudget(@TempDir Path dir) throws Exception {
        byte[] content = multiBlock();
        ObjectId id = writeOne(dir, content);
        var cache = new BlockCache(5 << 20);
        try (PackSet packs = PackSet.open(dir)) {
            var object = new ObjectContent(packs.require(id), cache);
            assertArrayEquals(content, object.read(0, content.length));
            assertTrue(cache.used() <= 5 << 20, "held " + cache.used());
            assertTrue(cache.used() > 0);
        }
    }

    @Test
    void scanRejectsContentThatIsNotTheObjects() throws Exception {
        try (PackSet packs = PackSet.open(Fixtures.store("corrupt/content_hash_mismatch"))) {
            boolean found = false;
            for (int row = 0; row < packs.entryCount(); row++) {
                var object = new ObjectContent(packs.entryAt(row));
                try {
                    object.scan(() -> false);
                } catch (StoreException e) {
                    assertEquals(ProblemKind.CONTENT_HASH_MISMATCH, e.kind());
                    found = true;
                }
            }
            assertTrue(found, "the fixture has one object whose content does not match its id");
        }
    }

    @Test
    void aCancelledScanSaysSoAndLearnsNoSize(@TempDir Path dir) throws Exception {
        ObjectId id = writeOne(dir, multiBlock());
        try (PackSet packs = PackSet.open(dir)) {
            var object = new ObjectContent(packs.require(id));
            assertFalse(object.scan(() -> true));
            assertEquals(-1, object.size());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"basic", "chunked"})
    void theSizeBoundFromBlockHeadersIsNeverBelowTheSize(String store) throws Exception {
        try (PackSet packs = PackSet.open(Fixtures.store(store))) {
            for (int row = 0; row < packs.entryCount(); row++) {
                ObjectLocation at = packs.entryAt(row);
                long size = packs.read(at.id()).length;
                long bound = new ObjectContent(at).sizeBound();
                assertTrue(bound >= size, at.id() + ": bound " + bound + " < size " + size);
                // only a compressed last block is counted at its maximum: at most one block (4 MB) of slack
                assertTrue(bound <= size + (4 << 20), at.id() + ": bound " + bound + " for size " + size);
            }
        }
    }

    @Test
    void negativeRangesAreRefused(@TempDir Path dir) throws Exception {
        ObjectId id = writeOne(dir, new byte[] {1, 2, 3});
        try (PackSet packs = PackSet.open(dir)) {
            var object = new ObjectContent(packs.require(id));
            assertThrows(IllegalArgumentException.class, () -> object.read(-1, 2));
            assertArrayEquals(new byte[] {2, 3}, object.read(1, 100));
        }
    }
}

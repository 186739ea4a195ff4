package dev.packinspector.store.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.packinspector.Fixtures;
import dev.packinspector.catalog.Catalog;
import dev.packinspector.catalog.ManifestEntry;
import dev.packinspector.catalog.Snapshot;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * chkpt's index.bin, read from stores the real chkpt wrote: after a save it lists exactly the
 * saved snapshot's files with their ids, sizes and modes (and the inodes and mtimes
 * chkpt-trees.py --index shows); cut short or garbled it is an empty cache, as chkpt takes it.
 */
class StatCacheTest {
    @Test
    void theCacheOfARealStoreListsItsLastSnapshot() throws IOException {
        Path store = Fixtures.store("real/head-basic");
        StatCache cache = StatCache.of(store);
        List<ManifestEntry> rows;
        try (Catalog catalog = Catalog.open(store).orElseThrow()) {
            Snapshot latest = catalog.resolve("latest");
            rows = catalog.files(latest);
        }
        assertEquals(rows.size(), cache.size());
        for (ManifestEntry row : rows) {
            StatCache.Entry e = cache.get(row.path());
            assertNotNull(e, row.path());
            assertEquals(row.blob(), e.blob(), row.path());
            assertEquals(row.size(), e.size(), row.path());
            assertEquals(row.mode(), e.mode(), row.path());
            assertNotNull(e.inode(), row.path());
        }
        // as chkpt-trees.py --index decodes it: 100644 1579 8c0a3aad... 1767225600.001000000 2300145 README.md
        StatCache.Entry readme = cache.get("README.md");
        assertEquals(1_767_225_600L, readme.mtimeSeconds());
        assertEquals(1_000_000L, readme.mtimeNanos());
        assertEquals(2_300_145L, readme.inode());
        assertEquals(readme.blob(), cache.unchanged("README.md", 1579, 1_767_225_600L, 1_000_000L, 2_300_145L, 0100644));
        assertNull(cache.unchanged("README.md", 1579, 1_767_225_600L, 1_000_001L, 2_300_145L, 0100644), "another mtime");
        assertNull(cache.unchanged("README.md", 1579, 1_767_225_600L, 1_000_000L, 2_300_146L, 0100644), "another inode");
        assertNull(cache.unchanged("README.md", 1579, 1_767_225_600L, 1_000_000L, 2_300_145L, 0100755), "another mode");
        assertNull(cache.unchanged("README.md", 1580, 1_767_225_600L, 1_000_000L, 2_300_145L, 0100644), "another size");
        assertNull(cache.unchanged("not there", 1579, 1_767_225_600L, 1_000_000L, 2_300_145L, 0100644));
    }

    @Test
    void aCacheCutShortOrGarbledIsEmpty() throws IOException {
        byte[] bytes = Files.readAllBytes(Fixtures.store("real/head-basic").resolve("index.bin"));
        for (int cut = 0; cut < bytes.length; cut += Math.max(1, bytes.length / 97)) {
            assertEquals(0, StatCache.decode(MemorySegment.ofArray(Arrays.copyOf(bytes, cut))).size(), "cut at " + cut);
        }
        byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
        assertEquals(0, StatCache.decode(MemorySegment.ofArray(longer)).size(), "a trailing byte");
        assertEquals(0, StatCache.decode(MemorySegment.ofArray(new byte[] {(byte) 0xFF, (byte) 0xFF, 1, 2, 3})).size(), "a huge length");
        assertEquals(0, StatCache.of(Path.of("/nonexistent")).size(), "no index.bin");
    }
}

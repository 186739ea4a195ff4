package dev.packinspector.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.packinspector.store.ProblemKind;
import dev.packinspector.store.StoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A damaged row is reported with the row, never by failing the whole manifest; a damaged reference chain fails clearly. */
class CatalogDamagedRowsTest {
    private static final String ALIAS_FIRST = "019b76da-a828-7be5-a311-51321544e624";
    private static final String ALIAS_SECOND = "019b7711-98e2-79b8-875f-e2492c501e0d";

    @Test
    void rowsWithoutASixteenByteIdAreListedWithTheirProblem(@TempDir Path tmp) throws Exception {
        Path store = TestStores.copy("alias", tmp.resolve("store"));
        String values = "INSERT INTO snapshot_files (snapshot_id, path, blob_hash, size, mode) VALUES ('" + ALIAS_FIRST + "', ";
        TestStores.execute(store,
                values + "'short', x'00112233445566778899aabbccddee', 1, 33188)",
                values + "'long', x'00112233445566778899aabbccddeeff00', 1, 33188)",
                values + "'text', '00112233445566778899aabbccddeeff', 1, 33188)",
                values + "'empty', x'', 1, 33188)",
                values + "'sizeless', x'00112233445566778899aabbccddeeff', 'big', 33188)");
        try (Catalog catalog = Catalog.open(store).orElseThrow()) {
            Map<String, ManifestEntry> byPath = catalog.files(catalog.resolve(ALIAS_FIRST)).stream()
                    .collect(Collectors.toMap(ManifestEntry::path, Function.identity()));
            assertEquals(8, byPath.size(), "the 3 good rows and the 5 bad ones");
            assertEquals("blob_hash is 15 bytes, not 16", byPath.get("short").problem());
            assertEquals("blob_hash is 17 bytes, not 16", byPath.get("long").problem());
            assertEquals("blob_hash is text, not a 16-byte blob", byPath.get("text").problem());
            assertEquals("blob_hash is 0 bytes, not 16", byPath.get("empty").problem());
            assertEquals("size is text, not an integer", byPath.get("sizeless").problem());
            for (String bad : List.of("short", "long", "text", "empty")) {
                assertNull(byPath.get(bad).blob(), bad);
            }
            assertNull(byPath.get("a.txt").problem());
            assertTrue(byPath.get("a.txt").usable());
            assertEquals(catalog.files(catalog.resolve(ALIAS_FIRST)), catalog.files(catalog.resolve(ALIAS_SECOND)),
                    "the metadata-only save sees the same rows");
        }
    }

    @Test
    void aRootTreeHashThatIsNotSixteenBytesIsAProblemNotAnId(@TempDir Path tmp) throws Exception {
        Path store = TestStores.copy("real/head-gc", tmp.resolve("store"));
        TestStores.execute(store, "UPDATE snapshots SET root_tree_hash = x'0011'");
        try (Catalog catalog = Catalog.open(store).orElseThrow()) {
            Snapshot latest = catalog.resolve("latest");
            assertNull(latest.rootTree());
            assertEquals("root_tree_hash is 2 bytes, not 16", latest.rootTreeProblem());
        }
        TestStores.execute(store, "UPDATE snapshots SET root_tree_hash = 'e051a218da11c57be4f5d4fc6b108cb5'");
        try (Catalog catalog = Catalog.open(store).orElseThrow()) {
            assertEquals("root_tree_hash is text, not a 16-byte blob", catalog.resolve("latest").rootTreeProblem());
        }
        TestStores.execute(store, "UPDATE snapshots SET root_tree_hash = NULL");
        try (Catalog catalog = Catalog.open(store).orElseThrow()) {
            assertNull(catalog.resolve("latest").rootTree());
            assertNull(catalog.resolve("latest").rootTreeProblem(), "NULL is no root tree, not a damaged one");
        }
    }

    @Test
    void aCatalogFromBeforeRootTreesIsReadWithoutThem(@TempDir Path tmp) throws Exception {
        Path store = TestStores.copy("alias", tmp.resolve("store"));
        TestStores.execute(store, "ALTER TABLE snapshots DROP COLUMN root_tree_hash");
        try (Catalog catalog = Catalog.open(store).orElseThrow()) {
            assertEquals(2, catalog.snapshots().size());
            assertNull(catalog.resolve("latest").rootTree());
            assertEquals(ALIAS_SECOND, catalog.resolve(ALIAS_SECOND.substring(0, 12)).id());
        }
    }

    @Test
    void aBadBlobIndexRowIsStreamedWithItsProblem(@TempDir Path tmp) throws Exception {
        Path store = TestStores.copy("alias", tmp.resolve("store"));
        TestStores.execute(store, "INSERT INTO blob_index (blob_hash, pack_hash, size) VALUES (x'0011', NULL, 5)");
        try (Catalog catalog = Catalog.open(store).orElseThrow()) {
            var rows = new ArrayList<BlobRow>();
            catalog.forEachBlob(rows::add);
            assertEquals(4, rows.size());
            BlobRow bad = rows.stream().filter(r -> !r.usable()).findFirst().orElseThrow();
            assertEquals(new BlobRow(null, null, 5, "blob_hash is 2 bytes, not 16"), bad);
        }
    }

    @Test
    void aChainOfMetadataOnlySavesIsFollowed(@TempDir Path tmp) throws Exception {
        Path store = TestStores.copy("alias", tmp.resolve("store"));
        TestStores.execute(store, TestStores.insertSnapshot("third", "2030-01-01T00:00:00+00:00", ALIAS_SECOND),
                TestStores.insertSnapshot("self", "2030-01-01T00:00:01+00:00", "self"));
        try (Catalog catalog = Catalog.open(store).orElseThrow()) {
            assertEquals(catalog.files(catalog.resolve(ALIAS_FIRST)), catalog.files(catalog.resolve("third")));
            assertEquals(List.of(), catalog.files(catalog.resolve("self")), "a snapshot naming itself owns its (absent) rows");
        }
    }

    @Test
    void aLoopOfManifestReferencesIsAnError(@TempDir Path tmp) throws Exception {
        Path store = TestStores.copy("alias", tmp.resolve("store"));
        TestStores.execute(store, TestStores.insertSnapshot("x", "2030-01-01T00:00:00+00:00", "y"),
                TestStores.insertSnapshot("y", "2030-01-01T00:00:01+00:00", "x"));
        try (Catalog catalog = Catalog.open(store).orElseThrow()) {
            var e = assertThrows(StoreException.class, () -> catalog.files(catalog.resolve("x")));
            assertEquals(ProblemKind.UNREADABLE, e.kind());
            assertEquals(store.resolve("catalog.sqlite").toAbsolutePath(), e.file());
            assertTrue(e.getMessage().contains("loop") && e.getMessage().contains("x -> y -> x"), e.getMessage());
        }
    }

    @Test
    void aTooLongChainIsAnError(@TempDir Path tmp) throws Exception {
        Path store = TestStores.copy("alias", tmp.resolve("store"));
        int length = SnapshotLookup.MAX_MANIFEST_HOPS + 2;
        String[] inserts = new String[length];
        for (int i = 0; i < length; i++) {
            inserts[i] = TestStores.insertSnapshot("c" + i, "2030-01-01T00:00:0" + i + "+00:00", i + 1 < length ? "c" + (i + 1) : ALIAS_FIRST);
        }
        TestStores.execute(store, inserts);
        try (Catalog catalog = Catalog.open(store).orElseThrow()) {
            assertEquals(3, catalog.files(catalog.resolve("c2")).size(), "a chain within the limit is followed");
            var e = assertThrows(StoreException.class, () -> catalog.files(catalog.resolve("c0")));
            assertTrue(e.getMessage().contains("more than " + SnapshotLookup.MAX_MANIFEST_HOPS), e.getMessage());
        }
    }

    @Test
    void aReferenceToAMissingSnapshotIsAnError(@TempDir Path tmp) throws Exception {
        Path store = TestStores.copy("alias", tmp.resolve("store"));
        TestStores.execute(store, TestStores.insertSnapshot("orphan", "2030-01-01T00:00:00+00:00", "gone"));
        try (Catalog catalog = Catalog.open(store).orElseThrow()) {
            var e = assertThrows(StoreException.class, () -> catalog.files(catalog.resolve("orphan")));
            assertTrue(e.getMessage().contains("snapshot orphan takes its file list from snapshot gone, which is not in the catalog"),
                    e.getMessage());
        }
    }

    @Test
    void aFileThatIsNotAChkptCatalogIsRefusedWithAReason(@TempDir Path tmp) throws Exception {
        Path notSqlite = Files.createDirectories(tmp.resolve("a"));
        Files.writeString(notSqlite.resolve("catalog.sqlite"), "hello, I am not a database");
        var e = assertThrows(StoreException.class, () -> Catalog.open(notSqlite));
        assertEquals(ProblemKind.UNREADABLE, e.kind());
        assertTrue(e.getMessage().contains("catalog cannot be read: not an SQLite 3 database"), e.getMessage());

        Path otherDb = TestStores.copy("alias", tmp.resolve("b"));
        TestStores.execute(otherDb, "DROP TABLE blob_index");
        e = assertThrows(StoreException.class, () -> Catalog.open(otherDb));
        assertTrue(e.getMessage().contains("no table 'blob_index'"), e.getMessage());

        Path oldDb = TestStores.copy("alias", tmp.resolve("c"));
        TestStores.execute(oldDb, "ALTER TABLE snapshots DROP COLUMN manifest_snapshot_id");
        e = assertThrows(StoreException.class, () -> Catalog.open(oldDb));
        assertTrue(e.getMessage().contains("table 'snapshots' has no column 'manifest_snapshot_id'"), e.getMessage());

        Path truncated = TestStores.copy("alias", tmp.resolve("d"));
        byte[] bytes = Files.readAllBytes(truncated.resolve("catalog.sqlite"));
        Files.write(truncated.resolve("catalog.sqlite"), java.util.Arrays.copyOf(bytes, 60));
        e = assertThrows(StoreException.class, () -> Catalog.open(truncated));
        assertTrue(e.getMessage().contains("60 bytes"), e.getMessage());

        Path folder = Files.createDirectories(tmp.resolve("e").resolve("catalog.sqlite")).getParent();
        e = assertThrows(StoreException.class, () -> Catalog.open(folder));
        assertTrue(e.getMessage().endsWith("catalog cannot be read: Is a directory"), e.getMessage());
    }

    @Test
    void aClosedCatalogSaysSo(@TempDir Path tmp) throws Exception {
        Catalog catalog = Catalog.open(TestStores.copy("alias", tmp.resolve("store"))).orElseThrow();
        catalog.close();
        catalog.close();
        assertThrows(IllegalStateException.class, catalog::snapshots);
        assertThrows(IllegalStateException.class, () -> catalog.forEachBlob(r -> { }));
    }
}

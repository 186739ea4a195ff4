package dev.packinspector.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.packinspector.Fixtures;
import dev.packinspector.store.ProblemKind;
import dev.packinspector.store.StoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Opening and reading a catalog creates no file and changes no byte or mtime in the store, in
 * every journal mode and state chkpt can leave it in. Tests may run as root, where read-only
 * permissions stop nothing, so the before/after listing is the proof, not the permissions.
 */
class CatalogReadOnlyTest {

    static List<String> goodStores() {
        return Fixtures.goodStores();
    }

    @ParameterizedTest
    @MethodSource("goodStores")
    void theFixtureAsChkptWroteItIsLeftAsItWas(String name) throws Exception {
        Path store = Fixtures.store(name);
        var before = TestStores.fingerprint(store);
        try (Catalog catalog = Catalog.open(store).orElseThrow()) {
            assertEquals(CatalogAccess.LIVE, catalog.access(), "rollback journal: read-only with locks");
            TestStores.readEverything(catalog);
        }
        assertEquals(before, TestStores.fingerprint(store));
    }

    @Test
    void aWalCatalogWithoutLogFilesIsReadImmutableAndGetsNone(@TempDir Path tmp) throws Exception {
        Path store = TestStores.copy("basic", tmp.resolve("store"));
        TestStores.toWal(store);
        assertFalse(Files.exists(store.resolve("catalog.sqlite-wal")) || Files.exists(store.resolve("catalog.sqlite-shm")));
        var before = TestStores.fingerprint(tmp);
        try (Catalog catalog = Catalog.open(store).orElseThrow()) {
            assertEquals(CatalogAccess.SNAPSHOT, catalog.access());
            TestStores.readEverything(catalog);
            assertEquals(2, catalog.snapshots().size());
            assertEquals(before, TestStores.fingerprint(tmp), "nothing appears while it is open");
        }
        assertEquals(before, TestStores.fingerprint(tmp));
    }

    @Test
    void aLiveWriterIsFollowedWithoutTouchingTheDatabaseOrItsLog(@TempDir Path tmp) throws Exception {
        Path store = TestStores.copy("basic", tmp.resolve("store"));
        try (Connection chkpt = TestStores.writer(store)) {
            // chkpt's own settings: WAL; no checkpoint during this test, so the rows stay in the log.
            TestStores.execute(chkpt, "PRAGMA journal_mode=WAL", "PRAGMA wal_autocheckpoint=0",
                    TestStores.insertSnapshot("before-open", "2030-01-01T00:00:00+00:00", null));
            assertTrue(Files.exists(store.resolve("catalog.sqlite-wal")) && Files.exists(store.resolve("catalog.sqlite-shm")));
            // Readers keep their read position in the -shm (and here share the writer's mapping), so only its size is compared.
            var before = TestStores.fingerprint(tmp, "catalog.sqlite-shm");
            Catalog catalog = Catalog.open(store).orElseThrow();
            Map<String, String> afterCommit;
            try {
                assertEquals(CatalogAccess.LIVE, catalog.access());
                assertEquals("before-open", catalog.resolve("latest").id(), "a commit still in the log is seen");
                TestStores.readEverything(catalog);
                assertEquals(before, TestStores.fingerprint(tmp, "catalog.sqlite-shm"));

                TestStores.execute(chkpt, TestStores.insertSnapshot("after-open", "2030-01-02T00:00:00+00:00", null));
                afterCommit = TestStores.fingerprint(tmp, "catalog.sqlite-shm");
                assertEquals("after-open", catalog.resolve("latest").id(), "a commit made while open is seen by the next query");
                assertEquals(4, catalog.snapshots().size());
                assertEquals(afterCommit, TestStores.fingerprint(tmp, "catalog.sqlite-shm"));
            } finally {
                catalog.close();
            }
            assertEquals(afterCommit, TestStores.fingerprint(tmp, "catalog.sqlite-shm"), "closing checkpoints nothing, deletes nothing");
        }
    }

    @Test
    void aLogWithoutItsShmIsNotReadRatherThanGivenAShm(@TempDir Path tmp) throws Exception {
        Path live = TestStores.copy("basic", tmp.resolve("live"));
        Path copied = Files.createDirectories(tmp.resolve("copied"));
        try (Connection chkpt = TestStores.writer(live)) {
            TestStores.execute(chkpt, "PRAGMA journal_mode=WAL", "PRAGMA wal_autocheckpoint=0",
                    TestStores.insertSnapshot("only-in-log", "2030-01-01T00:00:00+00:00", null));
            Files.copy(live.resolve("catalog.sqlite"), copied.resolve("catalog.sqlite"));
            Files.copy(live.resolve("catalog.sqlite-wal"), copied.resolve("catalog.sqlite-wal"));
        }
        var before = TestStores.fingerprint(copied);
        try (Catalog catalog = Catalog.open(copied).orElseThrow()) {
            assertEquals(CatalogAccess.SNAPSHOT_WITHOUT_LOG, catalog.access());
            assertEquals(2, catalog.snapshots().size(), "the commit only in the log is not seen");
            TestStores.readEverything(catalog);
        }
        assertEquals(before, TestStores.fingerprint(copied));
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aStoreWhoseFolderAndFilesAreReadOnly(boolean wal, @TempDir Path tmp) throws Exception {
        Path store = TestStores.copy("alias", tmp.resolve("store"));
        if (wal) {
            TestStores.toWal(store);
        }
        TestStores.setTreeReadOnly(store, true);
        try {
            var before = TestStores.fingerprint(tmp);
            try (Catalog catalog = Catalog.open(store).orElseThrow()) {
                assertEquals(wal ? CatalogAccess.SNAPSHOT : CatalogAccess.LIVE, catalog.access());
                TestStores.readEverything(catalog);
                assertEquals(3, catalog.files(catalog.resolve("latest")).size());
            }
            assertEquals(before, TestStores.fingerprint(tmp));
        } finally {
            TestStores.setTreeReadOnly(store, false);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"a b#c%d?", "x?mode=rw&immutable=0#", "naïve %41 ü", "100%"})
    void anyFolderNameWorksInEveryMode(String folder, @TempDir Path tmp) throws Exception {
        Path store = tmp.resolve(folder).resolve("store");
        TestStores.copy("alias", store);
        assertOpensUntouched(tmp, store, CatalogAccess.LIVE);
        TestStores.toWal(store);
        assertOpensUntouched(tmp, store, CatalogAccess.SNAPSHOT);
        try (Connection chkpt = TestStores.writer(store)) {
            TestStores.execute(chkpt, "PRAGMA wal_autocheckpoint=0", TestStores.insertSnapshot("live", "2030-01-01T00:00:00+00:00", null));
            try (Catalog catalog = Catalog.open(store.resolve("packs").getParent()).orElseThrow()) {
                assertEquals(CatalogAccess.LIVE, catalog.access());
                assertEquals("live", catalog.resolve("latest").id());
            }
        }
    }

    private static void assertOpensUntouched(Path root, Path store, CatalogAccess expected) throws Exception {
        Map<String, String> before = TestStores.fingerprint(root);
        try (Catalog catalog = Catalog.open(store).orElseThrow()) {
            assertEquals(expected, catalog.access());
            assertEquals(store.resolve("catalog.sqlite"), catalog.file());
            TestStores.readEverything(catalog);
            assertEquals(2, catalog.snapshots().size());
        }
        assertEquals(before, TestStores.fingerprint(root), "no file appeared anywhere, not even under a mis-decoded name");
    }

    @Test
    void aHotJournalIsReportedAndLeftForChkptToRollBack(@TempDir Path tmp) throws Exception {
        Path writing = TestStores.copy("basic", tmp.resolve("writing"));
        Path crashed = Files.createDirectories(tmp.resolve("crashed"));
        try (Connection chkpt = TestStores.writer(writing)) {
            // A tiny page cache makes SQLite spill, so the journal and the half-changed database are on disk mid-transaction.
            TestStores.execute(chkpt, "PRAGMA cache_size=1", "BEGIN", "UPDATE snapshot_files SET size = size + 1");
            assertTrue(Files.size(writing.resolve("catalog.sqlite-journal")) > 0);
            // Copying both files mid-transaction is what a crash leaves behind: a journal no process holds a lock for.
            Files.copy(writing.resolve("catalog.sqlite"), crashed.resolve("catalog.sqlite"));
            Files.copy(writing.resolve("catalog.sqlite-journal"), crashed.resolve("catalog.sqlite-journal"));
            TestStores.execute(chkpt, "ROLLBACK");
        }
        var before = TestStores.fingerprint(crashed);
        var e = assertThrows(StoreException.class, () -> Catalog.open(crashed));
        assertEquals(ProblemKind.UNREADABLE, e.kind());
        assertTrue(e.getMessage().contains("catalog.sqlite-journal holds a transaction chkpt did not finish"), e.getMessage());
        assertTrue(e.getMessage().startsWith(crashed.resolve("catalog.sqlite") + ": catalog cannot be read: "), e.getMessage());
        assertEquals(before, TestStores.fingerprint(crashed), "the journal is neither played back nor deleted");
    }

    @Test
    void aBarePacksFolderHasNoCatalog(@TempDir Path tmp) throws Exception {
        assertTrue(Catalog.open(Fixtures.store("basic").resolve("packs")).isPresent(), "a store's packs folder finds the catalog beside it");
        Path bare = Files.createDirectories(tmp.resolve("packs"));
        for (Path p : Files.newDirectoryStream(Fixtures.store("basic").resolve("packs"))) {
            Files.copy(p, bare.resolve(p.getFileName()));
        }
        assertTrue(Catalog.open(bare).isEmpty());
        assertTrue(Catalog.open(Files.createDirectories(tmp.resolve("store-without-catalog"))).isEmpty());
        var e = assertThrows(StoreException.class, () -> Catalog.open(tmp.resolve("nowhere")));
        assertTrue(e.getMessage().contains("no such folder"), e.getMessage());
    }
}

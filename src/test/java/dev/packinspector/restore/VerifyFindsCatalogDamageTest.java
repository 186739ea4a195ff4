package dev.packinspector.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.packinspector.Fixtures;
import dev.packinspector.StoreFingerprint;
import dev.packinspector.catalog.Catalog;
import dev.packinspector.catalog.Snapshot;
import dev.packinspector.catalog.UnknownSnapshotException;
import dev.packinspector.store.PackSet;
import dev.packinspector.store.ProblemKind;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * verify finds catalog damage that would make a restore wrong although every query still works.
 * Found by the differential byte-flip tests (differential/FlippedByteIsReportedTest): one byte
 * changed in a real chkpt catalog left verify clean, yet a snapshot could no longer be found by its
 * id, lost rows, or restored a file of the wrong size. Each case here makes one such change to a
 * copy of a store the real chkpt wrote.
 */
class VerifyFindsCatalogDamageTest {

    @Test
    void aSnapshotIdDamagedInItsPrimaryKeyIndexIsReported(@TempDir Path tmp) throws Exception {
        Path store = StoreFingerprint.copy(Fixtures.store("real/head-basic"), tmp.resolve("store"));
        Path file = store.resolve(Catalog.FILE_NAME);
        long offset = SqlitePages.firstValueOfFirstCell(file, rootPage(file, "sqlite_autoindex_snapshots_1"));
        try (var f = new RandomAccessFile(file.toFile(), "rw")) {
            f.seek(offset + 10);
            int b = f.read();
            f.seek(offset + 10);
            f.write(b ^ 0x01);
        }
        try (Catalog catalog = Catalog.open(store).orElseThrow()) {
            List<Snapshot> all = catalog.snapshots();
            assertEquals(4, all.size(), "the table is intact");
            assertTrue(all.stream().anyMatch(s -> {
                try {
                    catalog.resolve(s.id());
                    return false;
                } catch (UnknownSnapshotException notFound) {
                    return true;
                } catch (Exception other) {
                    throw new AssertionError(other);
                }
            }), "the damage matters: one snapshot can no longer be found by its id");
        }
        VerifyReport report = verify(store);
        assertFalse(report.ok());
        assertTrue(report.findings().stream().anyMatch(f -> f.kind() == ProblemKind.UNREADABLE && f.file().equals(file)
                && f.message().contains("integrity check")), () -> report.findings().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"real/head-basic", "real/head-chunked", "real/7f7f180-basic", "real/head-deleted", "real/head-gc"})
    void storesTheRealChkptWroteVerifyCleanWithTheirCatalog(String fixture) throws Exception {
        try (Catalog catalog = Catalog.open(Fixtures.store(fixture)).orElseThrow()) {
            assertEquals(List.of(), catalog.integrityProblems(10, () -> false));
        }
        VerifyReport report = verify(Fixtures.store(fixture));
        assertTrue(report.ok(), () -> fixture + ": " + report.findings());
    }

    @Test
    void aManifestRowWhoseSizeIsNotItsObjectsIsReported(@TempDir Path tmp) throws Exception {
        Path store = StoreFingerprint.copy(Fixtures.store("real/head-basic"), tmp.resolve("store"));
        execute(store, "UPDATE snapshot_files SET size = size + 1 WHERE rowid = (SELECT min(rowid) FROM snapshot_files WHERE size > 0)");
        VerifyReport report = verify(store);
        assertTrue(report.findings().stream().anyMatch(f -> f.kind() == ProblemKind.SIZE_MISMATCH),
                () -> report.findings().toString());
    }

    @Test
    void aManifestRowWithTheModeOfNeitherFileNorLinkIsReported(@TempDir Path tmp) throws Exception {
        Path store = StoreFingerprint.copy(Fixtures.store("real/head-basic"), tmp.resolve("store"));
        execute(store, "UPDATE snapshot_files SET mode = " + 0140644 + " WHERE rowid = (SELECT min(rowid) FROM snapshot_files)");
        VerifyReport report = verify(store);
        assertTrue(report.findings().stream().anyMatch(f -> f.kind() == ProblemKind.UNSUPPORTED_ENTRY && f.message().contains("a socket")),
                () -> report.findings().toString());
    }

    @Test
    void aMetadataOnlySnapshotWhoseFileListIsGoneIsReported(@TempDir Path tmp) throws Exception {
        Path store = StoreFingerprint.copy(Fixtures.store("real/head-basic"), tmp.resolve("store"));
        execute(store, "UPDATE snapshots SET manifest_snapshot_id = 'gone' WHERE manifest_snapshot_id IS NOT NULL");
        VerifyReport report = verify(store);
        assertTrue(report.findings().stream().anyMatch(f -> f.kind() == ProblemKind.UNREADABLE && f.message().contains("which is not in the catalog")),
                () -> report.findings().toString());
    }

    private static VerifyReport verify(Path store) throws Exception {
        try (PackSet packs = PackSet.open(store); Catalog catalog = Catalog.open(store).orElseThrow()) {
            return new StoreVerifier(2).verify(packs, new CatalogReferences(catalog), RestoreListener.NONE);
        }
    }

    /** Changes the copy's catalog as a writer would; closing the connection checkpoints the WAL, so no -wal or -shm is left. */
    private static void execute(Path store, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + store.resolve(Catalog.FILE_NAME) + "?mode=rw");
                Statement s = c.createStatement()) {
            assertEquals(1, s.executeUpdate(sql), sql);
        }
    }

    private static int rootPage(Path file, String name) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + file + "?mode=ro&immutable=1");
                PreparedStatement s = c.prepareStatement("SELECT rootpage FROM sqlite_master WHERE name = ?")) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next(), name);
                return rs.getInt(1);
            }
        }
    }

    /** Just enough of the SQLite file format (sqlite.org/fileformat2.html) to find the first value of an index leaf's first cell. */
    private static final class SqlitePages {
        private static final int LEAF_INDEX = 0x0a;

        static long firstValueOfFirstCell(Path file, int page) throws Exception {
            byte[] db = Files.readAllBytes(file);
            int pageSize = ((db[16] & 0xff) << 8) | (db[17] & 0xff);
            pageSize = pageSize == 1 ? 65536 : pageSize;
            int start = (page - 1) * pageSize;
            int header = start + (page == 1 ? 100 : 0);
            assertEquals(LEAF_INDEX, db[header] & 0xff, "page " + page + " is an index leaf");
            int cell = start + (((db[header + 8] & 0xff) << 8) | (db[header + 9] & 0xff));
            int record = cell + varintLength(db, cell);
            return record + varint(db, record);
        }

        private static int varintLength(byte[] b, int at) {
            int n = 1;
            while ((b[at + n - 1] & 0x80) != 0 && n < 9) {
                n++;
            }
            return n;
        }

        private static int varint(byte[] b, int at) {
            long v = 0;
            for (int i = 0; i < 9; i++) {
                int x = b[at + i] & 0xff;
                if (i == 8) {
                    return (int) ((v << 8) | x);
                }
                v = (v << 7) | (x & 0x7f);
                if ((x & 0x80) == 0) {
                    break;
                }
            }
            return (int) v;
        }
    }
}

package dev.packinspector.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.packinspector.catalog.Catalog;
import dev.packinspector.catalog.ManifestEntry;
import dev.packinspector.catalog.Snapshot;
import dev.packinspector.catalog.UnknownSnapshotException;
import dev.packinspector.restore.RestoreItem;
import dev.packinspector.restore.RestorePlanner;
import dev.packinspector.store.PackSet;
import dev.packinspector.store.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Any rows in a catalog of chkpt's schema (ids, times, paths, modes and sizes of any type, blob
 * hashes of any length, manifest references to anything): reading the snapshots, their manifests
 * and the blob index, and planning a restore of them, give values, entries marked unusable, or a
 * StoreException (and, as documented, an UnknownSnapshotException from resolve when no snapshot
 * matches); never another exception.
 *
 * <p>One catalog file serves every input: a writer connection replaces all its rows in one
 * transaction, and a {@link Catalog} opened once reads them, as the application reads a catalog
 * chkpt keeps changing. Creating a database per input made this target 30 times slower; what it
 * skipped (opening a catalog and checking its schema) does not depend on the rows.
 */
class CatalogRowsFuzzTest {
    private static final String SCHEMA = """
            CREATE TABLE snapshots (id TEXT PRIMARY KEY, created_at TEXT NOT NULL, message TEXT, parent_snapshot_id TEXT,
                manifest_snapshot_id TEXT, root_tree_hash BLOB, total_files INTEGER NOT NULL, total_bytes INTEGER NOT NULL,
                new_objects INTEGER NOT NULL);
            CREATE TABLE snapshot_files (snapshot_id TEXT NOT NULL, path TEXT NOT NULL, blob_hash BLOB NOT NULL, size INTEGER NOT NULL,
                mode INTEGER NOT NULL, PRIMARY KEY (snapshot_id, path));
            CREATE INDEX idx_snapshot_files_snapshot_id ON snapshot_files (snapshot_id);
            CREATE TABLE blob_index (blob_hash BLOB PRIMARY KEY, pack_hash TEXT, size INTEGER NOT NULL);
            """;
    private static final Path TARGET = Scratch.folder("catalog-target");
    private static final Store STORE = Store.create(Scratch.folder("catalog"));

    /** The scratch store: its writer connection and statements, and the catalog and packs read from it. */
    private record Store(Connection db, PreparedStatement snapshot, PreparedStatement file, PreparedStatement blob,
            Catalog catalog, PackSet packs) {
        static Store create(Path dir) {
            try {
                Files.createDirectories(dir.resolve("packs"));
                Connection db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(Catalog.FILE_NAME));
                try (var st = db.createStatement()) {
                    st.executeUpdate(SCHEMA);
                    // the rows of one input need not survive a crash; the reader sees them all the same
                    st.execute("PRAGMA journal_mode = MEMORY");
                    st.execute("PRAGMA synchronous = OFF");
                }
                db.setAutoCommit(false);
                return new Store(db,
                        db.prepareStatement("INSERT OR IGNORE INTO snapshots VALUES (?, ?, ?, NULL, ?, NULL, ?, ?, ?)"),
                        db.prepareStatement("INSERT OR IGNORE INTO snapshot_files VALUES (?, ?, ?, ?, ?)"),
                        db.prepareStatement("INSERT OR IGNORE INTO blob_index VALUES (?, ?, ?)"),
                        Catalog.open(dir).orElseThrow(), PackSet.open(dir));
            } catch (IOException | SQLException e) {
                throw new IllegalStateException("cannot make the scratch store in " + dir, e);
            }
        }
    }

    @FuzzTest(maxExecutions = 10_000_000, maxDuration = "2h")
    void catalogRowsAreReadOrRefused(FuzzedDataProvider data) throws Exception {
        if (!writeRows(data)) {
            return; // the fuzzer's rows could not even be stored: nothing for the reader to read
        }
        Catalog catalog = STORE.catalog();
        try {
            catalog.forEachBlob(row -> { });
            for (Snapshot s : catalog.snapshots()) {
                var items = new ArrayList<RestoreItem>();
                for (ManifestEntry e : catalog.files(s)) {
                    items.add(RestoreItem.of(e));
                }
                // the target lies outside the store: the planner refuses a target inside one (found by this target)
                RestorePlanner.plan(STORE.packs(), items, TARGET, false);
            }
            try {
                catalog.resolve("latest");
            } catch (UnknownSnapshotException noSnapshot) {
                // documented: a reference that names no snapshot is the caller's error (exit 2 on the command line)
            }
        } catch (StoreException expected) {
            // refused, naming the catalog
        }
    }

    /** Replaces every row of the scratch catalog by the fuzzer's, in one transaction; false if SQLite refused them. */
    private static boolean writeRows(FuzzedDataProvider data) throws SQLException {
        Connection db = STORE.db();
        try (var st = db.createStatement()) {
            st.executeUpdate("DELETE FROM snapshots");
            st.executeUpdate("DELETE FROM snapshot_files");
            st.executeUpdate("DELETE FROM blob_index");
        }
        List<String> ids = new ArrayList<>();
        try {
            int snapshots = data.consumeInt(0, 3);
            PreparedStatement st = STORE.snapshot();
            for (int i = 0; i < snapshots; i++) {
                String id = data.consumeString(40);
                ids.add(id);
                st.setString(1, id);
                st.setString(2, data.consumeBoolean() ? "2026-01-01T00:00:00+00:00" : data.consumeString(40));
                st.setString(3, data.consumeString(20));
                st.setString(4, data.consumeBoolean() || ids.isEmpty() ? null : ids.get(data.consumeInt(0, ids.size() - 1)));
                number(st, 5, data);
                number(st, 6, data);
                number(st, 7, data);
                st.executeUpdate();
            }
            int files = data.consumeInt(0, 6);
            st = STORE.file();
            for (int i = 0; i < files; i++) {
                st.setString(1, ids.isEmpty() || data.consumeBoolean() ? data.consumeString(40) : ids.get(data.consumeInt(0, ids.size() - 1)));
                st.setString(2, data.consumeString(80));
                st.setBytes(3, data.consumeBytes(data.consumeInt(0, 20)));
                number(st, 4, data);
                number(st, 5, data);
                st.executeUpdate();
            }
            int blobs = data.consumeInt(0, 3);
            st = STORE.blob();
            for (int i = 0; i < blobs; i++) {
                st.setBytes(1, data.consumeBytes(data.consumeInt(0, 20)));
                st.setString(2, data.consumeBoolean() ? null : data.consumeString(20));
                number(st, 3, data);
                st.executeUpdate();
            }
            db.commit();
            return true;
        } catch (SQLException e) {
            db.rollback();
            return false;
        }
    }

    /** An integer column given an integer, or, as SQLite allows, text or a blob. */
    private static void number(PreparedStatement st, int column, FuzzedDataProvider data) throws SQLException {
        switch (data.consumeInt(0, 3)) {
            case 0 -> st.setString(column, data.consumeString(10));
            case 1 -> st.setBytes(column, data.consumeBytes(4));
            default -> st.setLong(column, data.consumeLong());
        }
    }
}

package dev.packinspector.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.packinspector.catalog.Catalog;
import dev.packinspector.catalog.ManifestEntry;
import dev.packinspector.catalog.Snapshot;
import dev.packinspector.restore.RestoreItem;
import dev.packinspector.restore.RestorePlanner;
import dev.packinspector.store.PackSet;
import dev.packinspector.store.StoreException;
import java.io.IOException;
import java.io.UncheckedIOException;
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
 * StoreException (and, as documented, an IllegalArgumentException from resolve when no snapshot
 * matches); never another exception.
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
    private static final Path DIR = packsFolderIn(Scratch.folder("catalog"));
    private static final Path TARGET = Scratch.folder("catalog-target");

    private static Path packsFolderIn(Path dir) {
        try {
            Files.createDirectories(dir.resolve("packs"));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FuzzTest(maxExecutions = 10_000_000, maxDuration = "10m")
    void catalogRowsAreReadOrRefused(FuzzedDataProvider data) throws Exception {
        for (String suffix : List.of("", "-wal", "-shm", "-journal")) {
            Files.deleteIfExists(DIR.resolve("catalog.sqlite" + suffix));
        }
        List<String> ids = new ArrayList<>();
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + DIR.resolve("catalog.sqlite"))) {
            try (var st = db.createStatement()) {
                st.executeUpdate(SCHEMA);
            }
            int snapshots = data.consumeInt(0, 3);
            for (int i = 0; i < snapshots; i++) {
                String id = data.consumeString(40);
                ids.add(id);
                try (PreparedStatement st = db.prepareStatement("INSERT OR IGNORE INTO snapshots VALUES (?, ?, ?, NULL, ?, NULL, ?, ?, ?)")) {
                    st.setString(1, id);
                    st.setString(2, data.consumeBoolean() ? "2026-01-01T00:00:00+00:00" : data.consumeString(40));
                    st.setString(3, data.consumeString(20));
                    st.setString(4, data.consumeBoolean() || ids.isEmpty() ? null : ids.get(data.consumeInt(0, ids.size() - 1)));
                    number(st, 5, data);
                    number(st, 6, data);
                    number(st, 7, data);
                    st.executeUpdate();
                }
            }
            int files = data.consumeInt(0, 6);
            for (int i = 0; i < files; i++) {
                try (PreparedStatement st = db.prepareStatement("INSERT OR IGNORE INTO snapshot_files VALUES (?, ?, ?, ?, ?)")) {
                    st.setString(1, ids.isEmpty() || data.consumeBoolean() ? data.consumeString(40) : ids.get(data.consumeInt(0, ids.size() - 1)));
                    st.setString(2, data.consumeString(80));
                    st.setBytes(3, data.consumeBytes(data.consumeInt(0, 20)));
                    number(st, 4, data);
                    number(st, 5, data);
                    st.executeUpdate();
                }
            }
            int blobs = data.consumeInt(0, 3);
            for (int i = 0; i < blobs; i++) {
                try (PreparedStatement st = db.prepareStatement("INSERT OR IGNORE INTO blob_index VALUES (?, ?, ?)")) {
                    st.setBytes(1, data.consumeBytes(data.consumeInt(0, 20)));
                    st.setString(2, data.consumeBoolean() ? null : data.consumeString(20));
                    number(st, 3, data);
                    st.executeUpdate();
                }
            }
        } catch (SQLException e) {
            return; // the fuzzer's rows could not even be stored: nothing for the reader to read
        }
        try (Catalog catalog = Catalog.open(DIR).orElseThrow(); PackSet packs = PackSet.open(DIR)) {
            catalog.forEachBlob(row -> { });
            for (Snapshot s : catalog.snapshots()) {
                var items = new ArrayList<RestoreItem>();
                for (ManifestEntry e : catalog.files(s)) {
                    items.add(new RestoreItem(e.path(), e.blob(), e.size(), e.mode(), e.problem()));
                }
                // the target lies outside the store: the planner refuses a target inside one (found by this target)
                RestorePlanner.plan(packs, items, TARGET, false);
            }
            try {
                catalog.resolve("latest");
            } catch (IllegalArgumentException noSnapshot) {
                // documented: a reference that names no snapshot is the caller's error (exit 2 on the command line)
            }
        } catch (StoreException expected) {
            // refused, naming the catalog
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

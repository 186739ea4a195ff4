package dev.packinspector.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.packinspector.Fixtures;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The manifest and blob lookups go through chkpt's primary keys, so one snapshot of a
 * 10-million-row catalog costs one index range and no sort; and one catalog serves many threads.
 */
class CatalogQueryPlanTest {

    private static String plan(String sql) throws Exception {
        String uri = SqliteUri.of(Fixtures.store("basic").resolve(Catalog.FILE_NAME), "mode=ro&immutable=1");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + uri);
                PreparedStatement explain = c.prepareStatement("EXPLAIN QUERY PLAN " + sql);
                ResultSet rs = explain.executeQuery()) {
            var steps = new ArrayList<String>();
            while (rs.next()) {
                steps.add(rs.getString("detail"));
            }
            return String.join("; ", steps);
        }
    }

    @Test
    void aSnapshotsFilesAreOneIndexRangeAlreadyInPathOrder() throws Exception {
        String plan = plan(Sql.FILES_OF_SNAPSHOT);
        assertTrue(plan.startsWith("SEARCH snapshot_files USING INDEX sqlite_autoindex_snapshot_files_1 (snapshot_id=?)"), plan);
        assertFalse(plan.contains("TEMP B-TREE"), plan);
    }

    @Test
    void blobLookupsAndSnapshotLookupsUseThePrimaryKey() throws Exception {
        String blob = plan(Sql.BLOB_BY_ID);
        assertTrue(blob.startsWith("SEARCH blob_index USING ") && blob.contains("INDEX sqlite_autoindex_blob_index_1 (blob_hash=?)"), blob);
        String snapshot = plan(Sql.SNAPSHOT_BY_ID);
        assertTrue(snapshot.contains("SEARCH snapshots USING INDEX sqlite_autoindex_snapshots_1 (id=?)"), snapshot);
    }

    @Test
    void walkingEveryPathNeedsNoSort() throws Exception {
        String plan = plan(Sql.ALL_PATHS);
        assertFalse(plan.contains("TEMP B-TREE"), plan);
    }

    @Test
    void manyThreadsCanShareOneCatalog() throws Exception {
        try (Catalog catalog = Catalog.open(Fixtures.store("basic")).orElseThrow()) {
            List<ManifestEntry> expected = catalog.files(catalog.resolve("latest"));
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                var tasks = new ArrayList<Callable<List<ManifestEntry>>>();
                for (int i = 0; i < 64; i++) {
                    String ref = i % 2 == 0 ? "latest" : "019b7711";
                    tasks.add(() -> {
                        catalog.forEachBlob(row -> { });
                        return catalog.files(catalog.resolve(ref));
                    });
                }
                for (Future<List<ManifestEntry>> f : pool.invokeAll(tasks)) {
                    assertEquals(expected, f.get());
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }
}

package dev.packinspector.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.packinspector.Fixtures;
import dev.packinspector.StoreFingerprint;
import dev.packinspector.catalog.Catalog;
import dev.packinspector.catalog.ManifestEntry;
import dev.packinspector.catalog.Snapshot;
import dev.packinspector.store.PackSet;
import dev.packinspector.store.tree.TreeStore;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A snapshot whose manifest has no rows but counts files is restored from its tree, as chkpt's own restore does. */
class SnapshotFilesTest {
    @TempDir
    Path dir;

    @Test
    void aSnapshotWithoutManifestRowsIsRestoredFromItsTree() throws Exception {
        Path store = StoreFingerprint.copy(Fixtures.store("real/head-basic"), dir.resolve("store"));
        JsonNode latest = newest(Fixtures.manifest("real/head-basic"));
        try (var db = DriverManager.getConnection("jdbc:sqlite:" + store.resolve("catalog.sqlite"));
                var delete = db.prepareStatement("DELETE FROM snapshot_files WHERE snapshot_id = ?")) {
            delete.setString(1, latest.get("id").asText());
            assertEquals(latest.get("files").size(), delete.executeUpdate());
        }
        Path target = dir.resolve("restored");
        try (PackSet packs = PackSet.open(store); Catalog catalog = Catalog.open(store).orElseThrow(); TreeStore trees = TreeStore.open(store)) {
            Snapshot s = catalog.resolve(latest.get("id").asText());
            assertEquals(List.of(), catalog.files(s), "the manifest has no rows");
            List<ManifestEntry> files = SnapshotFiles.of(catalog, trees, s);
            assertEquals(latest.get("files").size(), files.size());
            var items = new ArrayList<RestoreItem>();
            files.forEach(e -> items.add(RestoreItem.of(e)));
            RestoreResult result = new Restorer(2).run(RestorePlanner.plan(packs, items, target, false), RestoreListener.NONE);
            assertTrue(result.ok(), () -> result.problems().toString());

            VerifyReport report = new StoreVerifier(2).verify(packs, new CatalogReferences(catalog), new TreeCheck(trees, catalog), RestoreListener.NONE);
            assertTrue(report.ok(), () -> "chkpt restores such a snapshot, so it is no problem: " + report.causes());
        }
        ManifestItems.assertRestored(latest, target);
        assertEquals(ManifestItems.paths(latest), RestoreChecks.restoredPaths(target));
    }

    @Test
    void aSnapshotWithRowsIsItsManifest() throws Exception {
        Path store = Fixtures.store("real/head-basic");
        try (Catalog catalog = Catalog.open(store).orElseThrow(); TreeStore trees = TreeStore.open(store)) {
            for (Snapshot s : catalog.snapshots()) {
                assertEquals(catalog.files(s), SnapshotFiles.of(catalog, trees, s));
            }
        }
    }

    private static JsonNode newest(JsonNode manifest) {
        JsonNode newest = null;
        for (JsonNode s : manifest.get("snapshots")) {
            if (newest == null || s.get("created_at").asText().compareTo(newest.get("created_at").asText()) > 0) {
                newest = s;
            }
        }
        return newest;
    }
}

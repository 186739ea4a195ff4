package dev.packinspector.legacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.packinspector.Fixtures;
import dev.packinspector.catalog.ManifestEntry;
import dev.packinspector.catalog.Snapshot;
import dev.packinspector.catalog.UnknownSnapshotException;
import dev.packinspector.history.PathVersions;
import dev.packinspector.history.SnapshotDiff;
import dev.packinspector.history.StoreIndex;
import dev.packinspector.store.ContentId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The stores chkpt 0.1.2 wrote, through the same seam the catalog of current chkpt gives
 * ({@link dev.packinspector.catalog.SnapshotCatalog}): snapshots, file lists, and the index that
 * searches, histories and diffs are built on, checked against each fixture's manifest.
 */
class LegacyCatalogTest {
    @ParameterizedTest
    @ValueSource(strings = {"legacy/basic", "legacy/deleted", "legacy/dangling", "legacy/attachments", "legacy/edge"})
    void snapshotsFilesAndTheIndexAreWhatTheManifestSays(String fixture) throws Exception {
        var catalog = new LegacyCatalog(LegacyStore.open(Fixtures.store(fixture)));
        JsonNode manifest = Fixtures.manifest(fixture);
        var ids = new ArrayList<String>();
        manifest.get("snapshots").forEach(s -> ids.add(s.get("id").asText()));
        List<String> listed = catalog.snapshots().stream().map(Snapshot::id).toList();
        assertEquals(ids.reversed(), listed, "newest first");
        assertEquals(listed.getFirst(), catalog.resolve("latest").id());
        assertThrows(UnknownSnapshotException.class, () -> catalog.resolve("ffffffff"));

        StoreIndex index = StoreIndex.build(catalog, () -> false, rows -> { });
        for (JsonNode s : manifest.get("snapshots")) {
            Snapshot snapshot = catalog.resolve(s.get("id").asText());
            Map<String, String> want = new TreeMap<>();
            s.get("files").forEach(f -> want.put(f.get("path").asText(), f.get("blob_hash").asText() + " " + f.get("size").asLong() + " " + f.get("mode").asLong()));
            Map<String, String> got = new TreeMap<>();
            for (ManifestEntry e : catalog.files(snapshot)) {
                got.put(e.path(), e.blob().toHex() + " " + e.size() + " " + e.mode());
            }
            assertEquals(want, got, fixture + " " + snapshot.id());
            assertEquals(got.keySet(), new java.util.TreeSet<>(index.files(snapshot).stream().map(ManifestEntry::path).toList()));
            for (ManifestEntry e : catalog.files(snapshot)) {
                ContentId id = e.blob();
                assertTrue(index.usesOf(id).stream().anyMatch(u -> u.snapshot().id().equals(snapshot.id()) && u.path().equals(e.path())));
                assertEquals(List.of(id), index.objectsWithPrefix(id.toHex().substring(0, 40), 10), "a prefix longer than 32 digits");
                PathVersions history = index.history(e.path());
                assertTrue(history.versions().stream().anyMatch(v -> v.entry().blob().equals(id)), e.path());
            }
        }
        Snapshot oldest = catalog.snapshots().getLast();
        Snapshot newest = catalog.snapshots().getFirst();
        SnapshotDiff diff = SnapshotDiff.between(oldest, catalog.files(oldest), newest, catalog.files(newest));
        assertEquals(oldest.equals(newest) || catalog.files(oldest).equals(catalog.files(newest)), diff.changes().isEmpty(), fixture);
    }
}

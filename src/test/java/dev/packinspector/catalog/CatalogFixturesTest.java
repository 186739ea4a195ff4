package dev.packinspector.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.packinspector.Fixtures;
import dev.packinspector.store.ObjectId;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The catalog of every fixture store, good and corrupt, reads back exactly as its manifest.json lists it. */
class CatalogFixturesTest {

    static Stream<String> allStores() {
        return Stream.of(Fixtures.goodStores().stream(), Fixtures.corruptCases().stream(), Fixtures.realStores().stream()).flatMap(s -> s);
    }

    @ParameterizedTest
    @MethodSource("allStores")
    void snapshotsAreNewestFirstWithEveryColumn(String store) throws Exception {
        List<JsonNode> expected = new ArrayList<>();
        Fixtures.manifest(store).get("snapshots").forEach(expected::add);
        expected.sort(Comparator.comparing((JsonNode s) -> s.get("created_at").asText()).thenComparing(s -> s.get("id").asText()).reversed());
        try (Catalog catalog = Catalog.open(Fixtures.store(store)).orElseThrow()) {
            List<Snapshot> actual = catalog.snapshots();
            assertEquals(expected.size(), actual.size());
            for (int i = 0; i < actual.size(); i++) {
                JsonNode e = expected.get(i);
                assertEquals(new Snapshot(e.get("id").asText(), e.get("created_at").asText(), text(e, "message"), text(e, "parent_snapshot_id"),
                        text(e, "manifest_snapshot_id"), e.get("total_files").asLong(), e.get("total_bytes").asLong(), e.get("new_objects").asLong(),
                        text(e, "root_tree_hash") == null ? null : ObjectId.parse(text(e, "root_tree_hash")), null),
                        actual.get(i));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("allStores")
    void everySnapshotListsItsManifestInPathOrder(String store) throws Exception {
        try (Catalog catalog = Catalog.open(Fixtures.store(store)).orElseThrow()) {
            for (JsonNode snapshot : Fixtures.manifest(store).get("snapshots")) {
                List<ManifestEntry> expected = new ArrayList<>();
                for (JsonNode f : snapshot.get("files")) {
                    expected.add(new ManifestEntry(f.get("path").asText(), ObjectId.parse(f.get("blob_hash").asText()), f.get("size").asLong(),
                            f.get("mode").asLong(), null));
                }
                expected.sort(Comparator.comparing(e -> e.path().getBytes(StandardCharsets.UTF_8), Arrays::compareUnsigned));
                assertEquals(expected, catalog.files(catalog.resolve(snapshot.get("id").asText())), store + " " + snapshot.get("id"));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("allStores")
    void blobIndexRowsMatchTheManifest(String store) throws Exception {
        List<BlobRow> expected = new ArrayList<>();
        for (JsonNode b : Fixtures.manifest(store).get("blob_index")) {
            expected.add(new BlobRow(ObjectId.parse(b.get("blob_hash").asText()), text(b, "pack_hash"), b.get("size").asLong(), null));
        }
        try (Catalog catalog = Catalog.open(Fixtures.store(store)).orElseThrow()) {
            List<BlobRow> streamed = new ArrayList<>();
            assertEquals(expected.size(), catalog.forEachBlob(streamed::add));
            Comparator<BlobRow> byId = Comparator.comparing(BlobRow::blob);
            assertEquals(expected.stream().sorted(byId).toList(), streamed.stream().sorted(byId).toList());
            for (BlobRow row : expected) {
                assertEquals(row, catalog.blob(row.blob()).orElseThrow());
            }
        }
    }

    @Test
    void aMetadataOnlySaveTakesItsFilesFromTheSnapshotItNames() throws Exception {
        try (Catalog catalog = Catalog.open(Fixtures.store("alias")).orElseThrow()) {
            List<Snapshot> snapshots = catalog.snapshots();
            Snapshot second = snapshots.get(0);
            Snapshot first = snapshots.get(1);
            assertEquals(first.id(), second.manifestSnapshotId());
            assertEquals(3, catalog.files(second).size());
            assertEquals(catalog.files(first), catalog.files(second));
        }
    }

    @Test
    void unsafePathsComeBackExactlyAsStoredForTheRestoreEngineToRefuse() throws Exception {
        try (Catalog catalog = Catalog.open(Fixtures.store("corrupt/path_traversal")).orElseThrow()) {
            List<String> paths = catalog.files(catalog.resolve("latest")).stream().map(ManifestEntry::path).toList();
            assertTrue(paths.contains("../escape.txt"), paths.toString());
            assertTrue(paths.contains("docs/../../escape2.txt"), paths.toString());
        }
        try (Catalog catalog = Catalog.open(Fixtures.store("corrupt/absolute_path")).orElseThrow()) {
            assertTrue(catalog.files(catalog.resolve("latest")).stream().anyMatch(e -> e.path().startsWith("/")));
        }
    }

    @Test
    void anObjectWithoutABlobIndexRowIsNotFound() throws Exception {
        try (Catalog catalog = Catalog.open(Fixtures.store("corrupt/missing_blob")).orElseThrow()) {
            ManifestEntry ghost = catalog.files(catalog.resolve("latest")).stream().filter(e -> e.path().equals("ghost.txt")).findFirst().orElseThrow();
            assertTrue(ghost.usable(), "the row itself is well-formed");
            assertTrue(catalog.blob(ghost.objectId()).isEmpty());
        }
    }

    @Test
    void verifyWalksEveryReferenceAndEveryPathOnce() throws Exception {
        try (Catalog catalog = Catalog.open(Fixtures.store("basic")).orElseThrow()) {
            long rows = 0;
            var distinct = new java.util.HashSet<ObjectId>();
            for (JsonNode s : Fixtures.manifest("basic").get("snapshots")) {
                rows += s.get("files").size();
                s.get("files").forEach(f -> distinct.add(ObjectId.parse(f.get("blob_hash").asText())));
            }
            var referenced = new java.util.HashSet<ObjectId>();
            catalog.forEachReferencedBlob(ref -> {
                referenced.add(ObjectId.fromBytes(ref.hash(), 0));
                assertTrue(ref.usedBy().startsWith("019b"), ref.usedBy());
                assertNull(ref.sizeProblem(), ref.usedBy());
            });
            assertEquals(distinct, referenced);
            var paths = new ArrayList<Catalog.PathRow>();
            assertEquals(rows, catalog.forEachPath(paths::add));
            assertTrue(paths.stream().allMatch(p -> p.mode() != 0 && !p.path().isEmpty()));
        }
    }

    @Test
    void streamingStopsWhenCancelled() throws Exception {
        try (Catalog catalog = Catalog.open(Fixtures.store("basic")).orElseThrow()) {
            var seen = new ArrayList<ManifestEntry>();
            long passed = catalog.forEachFile(catalog.resolve("latest"), seen::add, () -> seen.size() >= 3);
            assertEquals(3, passed);
            assertEquals(3, seen.size());
            assertEquals(0, catalog.forEachBlob(row -> { }, () -> true));
        }
    }

    @Test
    void theAccessIsReportedAndNoProblemIsInventedForGoodRows() throws Exception {
        try (Catalog catalog = Catalog.open(Fixtures.store("basic")).orElseThrow()) {
            assertEquals(CatalogAccess.LIVE, catalog.access(), "the fixtures use a rollback journal");
            assertEquals(Fixtures.store("basic").resolve("catalog.sqlite"), catalog.file());
            for (Snapshot s : catalog.snapshots()) {
                for (ManifestEntry e : catalog.files(s)) {
                    assertNull(e.problem(), e.toString());
                    assertNotNull(e.blob());
                }
            }
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}

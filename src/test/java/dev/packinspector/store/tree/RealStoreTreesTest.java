package dev.packinspector.store.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.packinspector.Fixtures;
import dev.packinspector.catalog.Catalog;
import dev.packinspector.catalog.ManifestEntry;
import dev.packinspector.catalog.Snapshot;
import dev.packinspector.store.ObjectId;
import dev.packinspector.store.StoreException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The trees of every store the real chkpt wrote walk to exactly the catalog's manifest and manifest.json, and validate clean. */
class RealStoreTreesTest {

    /** path, id, size, mode: what a tree walk and a manifest row have in common. */
    private record Row(String path, ObjectId id, long size, long mode) {
    }

    static List<String> realStores() {
        return Fixtures.realStores();
    }

    static Stream<String> storesWithoutTrees() {
        return Stream.concat(Fixtures.goodStores().stream(), Stream.of("legacy/basic", "corrupt/bad_magic"));
    }

    private static List<Row> rows(List<TreeFile> walk) {
        return walk.stream().map(f -> new Row(f.path(), f.id(), f.size(), f.unsignedMode())).toList();
    }

    @ParameterizedTest
    @MethodSource("realStores")
    void everySnapshotsWalkIsItsCatalogManifest(String store) throws Exception {
        try (Catalog catalog = Catalog.open(Fixtures.store(store)).orElseThrow(); TreeStore trees = TreeStore.open(Fixtures.store(store))) {
            assertEquals(TreePackState.OK, trees.state());
            var walk = new TreeWalk(trees);
            for (Snapshot snapshot : catalog.snapshots()) {
                assertNotNull(snapshot.rootTree(), snapshot.id());
                List<Row> manifest = catalog.files(snapshot).stream().map(e -> new Row(e.path(), e.objectId(), e.size(), e.mode())).toList();
                assertTrue(catalog.files(snapshot).stream().allMatch(ManifestEntry::usable));
                assertEquals(manifest, rows(walk.files(snapshot.rootTree())), store + " " + snapshot.id());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("realStores")
    void everySnapshotsWalkIsTheWorkspaceManifestJsonRecorded(String store) throws Exception {
        try (TreeStore trees = TreeStore.open(Fixtures.store(store))) {
            for (JsonNode snapshot : Fixtures.manifest(store).get("snapshots")) {
                var expected = new ArrayList<Row>();
                for (JsonNode f : snapshot.get("files")) {
                    expected.add(new Row(f.get("path").asText(), ObjectId.parse(f.get("blob_hash").asText()), f.get("size").asLong(), f.get("mode").asLong()));
                }
                expected.sort((a, b) -> TreeFile.PATH_ORDER.compare(a.path(), b.path()));
                List<TreeFile> walk = new TreeWalk(trees).files(ObjectId.parse(snapshot.get("root_tree_hash").asText()));
                assertEquals(expected, rows(walk), store + " " + snapshot.get("id"));
                for (TreeFile f : walk) {
                    assertEquals(kindOf(snapshot, f.path()), f.kind(), f.path());
                }
            }
        }
    }

    private static TreeEntry.Kind kindOf(JsonNode snapshot, String path) {
        for (JsonNode f : snapshot.get("files")) {
            if (f.get("path").asText().equals(path)) {
                return TreeEntry.Kind.valueOf(f.get("type").asText().toUpperCase(java.util.Locale.ROOT));
            }
        }
        throw new AssertionError(path);
    }

    @ParameterizedTest
    @MethodSource("realStores")
    void everyTreeInThePackValidatesWithItsIdRecomputed(String store) throws Exception {
        JsonNode recorded = Fixtures.manifest(store).get("trees");
        try (TreeStore trees = TreeStore.open(Fixtures.store(store))) {
            var findings = new ArrayList<StoreException>();
            trees.validate(findings::add);
            assertEquals(List.of(), findings);
            assertEquals(recorded.get("entry_count").asLong(), trees.treeCount());
            assertEquals(recorded.get("dat_size").asLong(), trees.dataBytes());
            assertEquals(List.of(), trees.notes());
            TreePack pack = trees.pack().orElseThrow();
            assertEquals(recorded.get("header_count").asLong(), pack.headerCount());
            for (JsonNode record : recorded.get("entries_in_dat_order")) {
                int position = pack.index().find(ObjectId.parse(record.get("tree_hash").asText()));
                assertEquals(record.get("offset").asLong(), pack.index().offset(position));
                byte[] bytes = pack.object(position).toArray(java.lang.foreign.ValueLayout.JAVA_BYTE);
                assertEquals(record.get("size").asLong(), bytes.length);
                assertEquals(ObjectId.of(bytes), pack.index().id(position));
                org.junit.jupiter.api.Assertions.assertArrayEquals(bytes, TreeEncoder.encode(pack.read(position)),
                        "bitcode 0.6.9 writes these entries exactly so");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("storesWithoutTrees")
    void aStoreWithoutATreePackHasItAbsentWithoutError(String store) throws Exception {
        try (TreeStore trees = TreeStore.open(Fixtures.store(store))) {
            assertEquals(TreePackState.ABSENT, trees.state());
            assertNull(trees.problem());
            assertEquals(-1, trees.treeCount());
            var findings = new ArrayList<StoreException>();
            trees.validate(findings::add);
            assertEquals(List.of(), findings);
            assertTrue(trees.find(ObjectId.of(new byte[] {0})).isEmpty());
        }
    }
}

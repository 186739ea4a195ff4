package dev.packinspector.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.packinspector.Fixtures;
import dev.packinspector.catalog.Catalog;
import dev.packinspector.catalog.ManifestEntry;
import dev.packinspector.catalog.Snapshot;
import dev.packinspector.catalog.UnknownSnapshotException;
import dev.packinspector.store.ObjectId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The store index against the fixtures' manifest.json, with every expected value worked out here from the JSON. */
class StoreIndexTest {

    static StoreIndex index(String store) throws Exception {
        try (Catalog catalog = Catalog.open(Fixtures.store(store)).orElseThrow()) {
            return StoreIndex.build(catalog, () -> false, rows -> { });
        }
    }

    /** The manifest's snapshots oldest first (the fixtures' ids and times both ascend). */
    static List<JsonNode> snapshotsOf(String store) {
        var out = new ArrayList<JsonNode>();
        Fixtures.manifest(store).get("snapshots").forEach(out::add);
        out.sort(java.util.Comparator.comparing(s -> s.get("created_at").asText()));
        return out;
    }

    static String row(String path, String id, long size, long mode) {
        return path + " " + id + " " + size + " " + Long.toOctalString(mode);
    }

    @ParameterizedTest
    @ValueSource(strings = {"basic", "alias", "chunked"})
    void holdsEveryManifestRowOfEverySnapshot(String store) throws Exception {
        StoreIndex index = index(store);
        List<JsonNode> expected = snapshotsOf(store);
        assertThat(index.snapshots()).extracting(Snapshot::id).containsExactlyElementsOf(expected.stream().map(s -> s.get("id").asText()).toList());
        long rows = 0;
        for (int s = 0; s < expected.size(); s++) {
            var want = new ArrayList<String>();
            expected.get(s).get("files").forEach(f -> want.add(row(f.get("path").asText(), f.get("blob_hash").asText(), f.get("size").asLong(), f.get("mode").asLong())));
            want.sort(null);
            rows += want.size();
            List<ManifestEntry> files = index.files(index.snapshots().get(s));
            assertThat(files).extracting(e -> row(e.path(), e.blob().toHex(), e.size(), e.mode())).containsExactlyElementsOf(want);
        }
        assertThat(index.rowCount()).isEqualTo(rows);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            module      | substring, any case
            readme      | substring, any case: README.md and link-to-readme
            README      | smart case: an upper-case letter makes it exact
            *.rs        | glob on the file name
            src/**      | glob on the path, across folders
            **/*.txt    | any folder
            module_0[35].rs | a class
            empty       | a file name part
            """)
    void searchesPathsAcrossSnapshotsGroupedByVersion(String text, String why) throws Exception {
        StoreIndex index = index("basic");
        Predicate<String> matcher = expectedMatcher(text);
        // path -> (id -> snapshots holding that version), oldest first, computed from the JSON alone
        var expected = new TreeMap<String, Map<String, List<String>>>();
        for (JsonNode s : snapshotsOf("basic")) {
            for (JsonNode f : s.get("files")) {
                String path = f.get("path").asText();
                if (matcher.test(path)) {
                    expected.computeIfAbsent(path, p -> new LinkedHashMap<>())
                            .computeIfAbsent(f.get("blob_hash").asText() + " " + f.get("mode").asLong(), v -> new ArrayList<>())
                            .add(s.get("id").asText());
                }
            }
        }
        SearchResult result = index.search(PathQuery.of(text), 1000);
        assertThat(result.matches()).as(why).isEqualTo(expected.size()).isPositive();
        var actual = new TreeMap<String, Map<String, List<String>>>();
        for (PathVersions p : result.paths()) {
            var versions = new LinkedHashMap<String, List<String>>();
            for (PathVersions.Version v : p.versions()) {
                versions.put(v.entry().blob().toHex() + " " + v.entry().mode(), v.snapshots().stream().map(Snapshot::id).toList());
            }
            actual.put(p.path(), versions);
        }
        assertThat(actual).as(why).isEqualTo(expected);
        assertThat(index.search(PathQuery.of(text), 2).paths()).hasSize(Math.min(2, expected.size()));
        assertThat(index.search(PathQuery.of(text), 2).truncated()).isEqualTo(expected.size() > 2);
    }

    /** The query rules, written out plainly for the fixture's paths. */
    private static Predicate<String> expectedMatcher(String text) {
        return switch (text) {
            case "module" -> p -> p.toLowerCase().contains("module");
            case "readme" -> p -> p.toLowerCase().contains("readme");
            case "README" -> p -> p.contains("README");
            case "*.rs" -> p -> p.endsWith(".rs");
            case "src/**" -> p -> p.startsWith("src/");
            case "**/*.txt" -> p -> p.endsWith(".txt");
            case "module_0[35].rs" -> p -> p.endsWith("/module_03.rs") || p.endsWith("/module_05.rs");
            case "empty" -> p -> p.contains("empty");
            default -> throw new IllegalArgumentException(text);
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"README.md", "src/module_07.rs", "new/feature.rs", "links/dangling"})
    void givesAPathsHistory(String path) throws Exception {
        StoreIndex index = index("basic");
        var expected = new LinkedHashMap<String, List<String>>();
        for (JsonNode s : snapshotsOf("basic")) {
            for (JsonNode f : s.get("files")) {
                if (f.get("path").asText().equals(path)) {
                    expected.computeIfAbsent(f.get("blob_hash").asText() + " " + f.get("size").asLong(), v -> new ArrayList<>()).add(s.get("id").asText());
                }
            }
        }
        PathVersions history = index.history(path);
        var actual = new LinkedHashMap<String, List<String>>();
        history.versions().forEach(v -> actual.put(v.entry().blob().toHex() + " " + v.entry().size(), v.snapshots().stream().map(Snapshot::id).toList()));
        assertThat(actual).isEqualTo(expected).isNotEmpty();
        assertThat(index.history("no/such/path").versions()).isEmpty();
    }

    /**
     * Rows stored in any order, snapshot after snapshot interleaved, paths unsorted: the index
     * (one pass in storage order) still gives each snapshot exactly what the catalog gives it;
     * a metadata-only snapshot shares its owner's rows; one whose reference loops gets none.
     */
    @org.junit.jupiter.api.Test
    void readsRowsInAnyStorageOrderAsTheCatalogListsThem(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        var random = new java.util.Random(7);
        try (var db = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("catalog.sqlite"))) {
            try (var st = db.createStatement()) {
                st.executeUpdate("""
                        CREATE TABLE snapshots (id TEXT PRIMARY KEY, created_at TEXT NOT NULL, message TEXT, parent_snapshot_id TEXT,
                            manifest_snapshot_id TEXT, root_tree_hash BLOB, total_files INTEGER NOT NULL, total_bytes INTEGER NOT NULL,
                            new_objects INTEGER NOT NULL);
                        CREATE TABLE snapshot_files (snapshot_id TEXT NOT NULL, path TEXT NOT NULL, blob_hash BLOB NOT NULL,
                            size INTEGER NOT NULL, mode INTEGER NOT NULL, PRIMARY KEY (snapshot_id, path));
                        CREATE TABLE blob_index (blob_hash BLOB PRIMARY KEY, pack_hash TEXT, size INTEGER NOT NULL);
                        INSERT INTO snapshots VALUES ('a', '2026-01-01T00:00:00+00:00', NULL, NULL, NULL, NULL, 0, 0, 0);
                        INSERT INTO snapshots VALUES ('b', '2026-01-02T00:00:00+00:00', NULL, 'a', NULL, NULL, 0, 0, 0);
                        INSERT INTO snapshots VALUES ('c', '2026-01-03T00:00:00+00:00', NULL, 'b', 'b', NULL, 0, 0, 0);
                        INSERT INTO snapshots VALUES ('d', '2026-01-04T00:00:00+00:00', NULL, 'c', 'e', NULL, 0, 0, 0);
                        INSERT INTO snapshots VALUES ('e', '2026-01-05T00:00:00+00:00', NULL, 'd', 'd', NULL, 0, 0, 0);
                        """);
            }
            var rows = new ArrayList<Object[]>();
            for (String snapshot : List.of("a", "b")) {
                for (int i = 0; i < 60; i++) {
                    if (snapshot.equals("b") && i % 7 == 0) {
                        continue; // removed in b
                    }
                    int version = snapshot.equals("b") && i % 5 == 0 ? 2 : 1;
                    byte[] hash = new byte[16];
                    hash[0] = (byte) i;
                    hash[1] = (byte) version;
                    rows.add(new Object[] {snapshot, "dir" + (i % 4) + "/file-" + (i * 37 % 60), hash, 10L * i, 0100644L});
                }
            }
            rows.add(new Object[] {"b", "added-in-b", new byte[16], 1L, 0100755L});
            java.util.Collections.shuffle(rows, random);
            try (var st = db.prepareStatement("INSERT INTO snapshot_files VALUES (?, ?, ?, ?, ?)")) {
                for (Object[] r : rows) {
                    st.setString(1, (String) r[0]);
                    st.setString(2, (String) r[1]);
                    st.setBytes(3, (byte[]) r[2]);
                    st.setLong(4, (Long) r[3]);
                    st.setLong(5, (Long) r[4]);
                    st.executeUpdate();
                }
            }
        }
        try (Catalog catalog = Catalog.open(dir).orElseThrow()) {
            StoreIndex index = StoreIndex.build(catalog, () -> false, r -> { });
            assertThat(index.snapshots()).extracting(Snapshot::id).containsExactly("a", "b", "c", "d", "e");
            for (Snapshot s : index.snapshots().subList(0, 3)) {
                assertThat(index.files(s)).as(s.id()).isEqualTo(catalog.files(s)).isNotEmpty();
            }
            assertThat(index.files(index.snapshots().get(2))).isEqualTo(index.files(index.snapshots().get(1)));
            assertThat(index.files(index.snapshots().get(3))).as("a loop of references: no rows").isEmpty();
            assertThat(index.rowCount()).isEqualTo(60 + 2L * (60 - 9 + 1));
        }
    }

    /** The narrowed indexes the command line builds know what the whole index knows about their paths and objects. */
    @org.junit.jupiter.api.Test
    void narrowedIndexesAgreeWithTheWholeOne() throws Exception {
        StoreIndex whole = index("basic");
        try (Catalog catalog = Catalog.open(Fixtures.store("basic")).orElseThrow()) {
            var ids = new ArrayList<ObjectId>();
            var random = new java.util.Random(3);
            for (int i = 0; i < 12_000; i++) {
                ids.add(new ObjectId(random.nextLong(), random.nextLong())); // past two batches of bound ids
            }
            var used = new java.util.TreeSet<ObjectId>();
            whole.snapshots().forEach(s -> whole.files(s).forEach(e -> used.add(e.objectId())));
            ids.addAll(used);
            StoreIndex byId = StoreIndex.buildUsing(catalog, ids, () -> false, r -> { });
            for (ObjectId id : used) {
                assertThat(byId.usesOf(id)).as(id.toString()).isEqualTo(whole.usesOf(id));
            }
            PathQuery query = PathQuery.of("*.rs");
            StoreIndex byPath = StoreIndex.build(catalog, query.sqliteGlobSuperset(), () -> false, r -> { });
            assertThat(byPath.search(query, 1000)).isEqualTo(whole.search(query, 1000));
            assertThat(byPath.pathCount()).isLessThan(whole.pathCount());
        }
    }

    @org.junit.jupiter.api.Test
    void findsWhereAnObjectIsUsedAndObjectsByIdPrefix() throws Exception {
        StoreIndex index = index("basic");
        var uses = new TreeMap<String, List<String>>();
        for (JsonNode s : snapshotsOf("basic")) {
            for (JsonNode f : s.get("files")) {
                uses.computeIfAbsent(f.get("blob_hash").asText(), id -> new ArrayList<>()).add(s.get("id").asText() + ":" + f.get("path").asText());
            }
        }
        for (var e : uses.entrySet()) {
            List<String> want = e.getValue().stream().sorted().toList();
            assertThat(index.usesOf(ObjectId.parse(e.getKey())).stream().map(u -> u.snapshot().id() + ":" + u.path()).sorted().toList())
                    .as(e.getKey()).isEqualTo(want);
            String prefix = e.getKey().substring(0, 3);
            assertThat(index.objectsWithPrefix(prefix, 100)).extracting(dev.packinspector.store.ContentId::toHex)
                    .containsExactlyElementsOf(uses.keySet().stream().filter(id -> id.startsWith(prefix)).toList());
        }
        assertThat(index.usesOf(ObjectId.parse("00000000000000000000000000000000"))).isEmpty();
        assertThatThrownBy(() -> index.objectsWithPrefix("xyz", 5)).isInstanceOf(IllegalArgumentException.class);
    }

    @org.junit.jupiter.api.Test
    void aSnapshotTheIndexWasNotBuiltWithIsATypedError() throws Exception {
        StoreIndex index = index("basic");
        Snapshot other = index("alias").snapshots().get(0);
        assertThatThrownBy(() -> index.files(other)).isInstanceOfSatisfying(UnknownSnapshotException.class, e -> {
            assertThat(e.reason()).isEqualTo(UnknownSnapshotException.Reason.NOT_INDEXED);
            assertThat(e.reference()).isEqualTo(other.id());
            assertThat(e.getMessage()).isEqualTo("snapshot " + other.id() + " is not in this index");
        });
    }
}

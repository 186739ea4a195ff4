package dev.packinspector.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.packinspector.Fixtures;
import dev.packinspector.catalog.Catalog;
import dev.packinspector.catalog.ManifestEntry;
import dev.packinspector.catalog.Snapshot;
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
            assertThat(index.objectsWithPrefix(prefix, 100)).extracting(ObjectId::toHex)
                    .containsExactlyElementsOf(uses.keySet().stream().filter(id -> id.startsWith(prefix)).toList());
        }
        assertThat(index.usesOf(ObjectId.parse("00000000000000000000000000000000"))).isEmpty();
        assertThatThrownBy(() -> index.objectsWithPrefix("xyz", 5)).isInstanceOf(IllegalArgumentException.class);
    }
}

package dev.packinspector.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.packinspector.Fixtures;
import dev.packinspector.catalog.Catalog;
import dev.packinspector.catalog.ManifestEntry;
import dev.packinspector.catalog.Snapshot;
import dev.packinspector.store.ObjectId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Snapshot diffs of the fixtures, checked against a diff worked out here from manifest.json. */
class SnapshotDiffTest {

    @Test
    void diffsTheBasicStoresTwoSnapshotsAsTheManifestSays() throws Exception {
        List<JsonNode> snapshots = StoreIndexTest.snapshotsOf("basic");
        List<String> expected = expectedDiff(snapshots.get(0), snapshots.get(1));
        try (Catalog catalog = Catalog.open(Fixtures.store("basic")).orElseThrow()) {
            Snapshot a = catalog.resolve(snapshots.get(0).get("id").asText());
            Snapshot b = catalog.resolve(snapshots.get(1).get("id").asText());
            SnapshotDiff diff = SnapshotDiff.between(a, catalog.files(a), b, catalog.files(b));
            assertThat(diff.changes()).extracting(SnapshotDiffTest::describe).containsExactlyElementsOf(expected);
            // the fixture was made to hold each kind, renames included
            assertThat(diff.changes()).extracting(SnapshotDiff.Change::kind).contains(SnapshotDiff.Kind.values());
            long addedBytes = diff.changes().stream().filter(c -> c.kind() == SnapshotDiff.Kind.ADDED).mapToLong(c -> c.after().size()).sum();
            assertThat(diff.total(SnapshotDiff.Kind.ADDED).bytes()).isEqualTo(addedBytes);
            int files = snapshots.get(1).get("files").size();
            assertThat(diff.unchanged() + diff.total(SnapshotDiff.Kind.ADDED).files() + diff.total(SnapshotDiff.Kind.CHANGED).files()
                    + diff.total(SnapshotDiff.Kind.RENAMED).files()).isEqualTo(files);

            SnapshotDiff back = SnapshotDiff.between(b, catalog.files(b), a, catalog.files(a));
            assertThat(back.total(SnapshotDiff.Kind.ADDED)).isEqualTo(diff.total(SnapshotDiff.Kind.REMOVED));
            assertThat(SnapshotDiff.between(a, catalog.files(a), a, catalog.files(a)).changes()).isEmpty();
        }
    }

    @Test
    void neverPairsEmptyFilesOrUnusableRowsAsRenames() {
        ObjectId empty = ObjectId.of(new byte[0]);
        ObjectId some = ObjectId.of(new byte[] {1});
        var from = List.of(new ManifestEntry("a", empty, 0, 0100644, null), new ManifestEntry("b", some, 1, 0100644, null),
                new ManifestEntry("c", null, 5, 0100644, "text 5 integer"));
        var to = List.of(new ManifestEntry("x", empty, 0, 0100644, null), new ManifestEntry("y", some, 1, 0100755, null),
                new ManifestEntry("z", null, 5, 0100644, "text 5 integer"));
        Snapshot s = new Snapshot("s", "t", null, null, null, 0, 0, 0);
        SnapshotDiff diff = SnapshotDiff.between(s, from, s, to);
        assertThat(diff.changes()).extracting(SnapshotDiffTest::describe)
                .containsExactly("D a", "D c", "A x", "R b -> y", "A z");
    }

    private static String describe(SnapshotDiff.Change c) {
        return c.kind().letter() + " " + (c.kind() == SnapshotDiff.Kind.RENAMED ? c.before().path() + " -> " : "") + c.path();
    }

    /** git-style lines, from the JSON: renames pair a removed and an added path of one non-empty object, in path order. */
    private static List<String> expectedDiff(JsonNode from, JsonNode to) {
        Map<String, JsonNode> a = new TreeMap<>();
        from.get("files").forEach(f -> a.put(f.get("path").asText(), f));
        Map<String, JsonNode> b = new TreeMap<>();
        to.get("files").forEach(f -> b.put(f.get("path").asText(), f));
        var lines = new TreeMap<String, String>();
        var removed = new HashMap<String, ArrayDeque<String>>();
        for (var e : a.entrySet()) {
            if (!b.containsKey(e.getKey()) && e.getValue().get("size").asLong() > 0) {
                removed.computeIfAbsent(e.getValue().get("blob_hash").asText(), h -> new ArrayDeque<>()).add(e.getKey());
            }
        }
        var renamed = new ArrayList<String>();
        for (var e : b.entrySet()) {
            JsonNode old = a.get(e.getKey());
            if (old == null) {
                var candidates = e.getValue().get("size").asLong() > 0 ? removed.get(e.getValue().get("blob_hash").asText()) : null;
                if (candidates != null && !candidates.isEmpty()) {
                    String was = candidates.poll();
                    renamed.add(was);
                    lines.put(e.getKey(), "R " + was + " -> " + e.getKey());
                } else {
                    lines.put(e.getKey(), "A " + e.getKey());
                }
            } else if (!old.get("blob_hash").equals(e.getValue().get("blob_hash")) || !old.get("mode").equals(e.getValue().get("mode"))
                    || !old.get("size").equals(e.getValue().get("size"))) {
                lines.put(e.getKey(), "M " + e.getKey());
            }
        }
        for (String path : a.keySet()) {
            if (!b.containsKey(path) && !renamed.contains(path)) {
                lines.put(path, "D " + path);
            }
        }
        return new ArrayList<>(lines.values());
    }
}

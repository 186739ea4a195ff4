package dev.packinspector.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.packinspector.Fixtures;
import dev.packinspector.catalog.UnknownSnapshotException;
import dev.packinspector.store.PackSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Space attribution of the basic fixture, against sums worked out here from manifest.json. */
class SpaceReportTest {

    @Test
    void attributesEachSnapshotsUniqueAndSharedBytes() throws Exception {
        StoreIndex index = StoreIndexTest.index("basic");
        JsonNode manifest = Fixtures.manifest("basic");
        Map<String, Long> stored = new HashMap<>();
        Map<String, Long> sizes = new HashMap<>();
        for (JsonNode pack : manifest.get("packs")) {
            for (JsonNode e : pack.get("entries_in_dat_order")) {
                stored.putIfAbsent(e.get("blob_hash").asText(), 24 + e.get("compressed_size").asLong());
                sizes.put(e.get("blob_hash").asText(), e.get("size").asLong());
            }
        }
        List<JsonNode> snapshots = StoreIndexTest.snapshotsOf("basic");
        Map<String, Integer> using = new HashMap<>();
        for (JsonNode s : snapshots) {
            Set<String> ids = new HashSet<>();
            s.get("files").forEach(f -> ids.add(f.get("blob_hash").asText()));
            ids.forEach(id -> using.merge(id, 1, Integer::sum));
        }
        try (PackSet packs = PackSet.open(Fixtures.store("basic"))) {
            SpaceReport report = SpaceReport.of(index, packs);
            for (int i = 0; i < snapshots.size(); i++) {
                JsonNode s = snapshots.get(i);
                Set<String> ids = new HashSet<>();
                long bytes = 0;
                for (JsonNode f : s.get("files")) {
                    ids.add(f.get("blob_hash").asText());
                    bytes += f.get("size").asLong();
                }
                long distinct = ids.stream().mapToLong(sizes::get).sum();
                long unique = ids.stream().filter(id -> using.get(id) == 1).mapToLong(sizes::get).sum();
                long uniqueStored = ids.stream().filter(id -> using.get(id) == 1).mapToLong(stored::get).sum();
                SpaceReport.SnapshotSpace got = report.snapshots().get(i);
                assertThat(got.snapshot().id()).isEqualTo(s.get("id").asText());
                assertThat(got.files()).isEqualTo(s.get("files").size());
                assertThat(got.bytes()).isEqualTo(bytes).isEqualTo(s.get("total_bytes").asLong());
                assertThat(got.distinctBytes()).isEqualTo(distinct);
                assertThat(got.storedBytes()).isEqualTo(ids.stream().mapToLong(stored::get).sum());
                assertThat(got.uniqueBytes()).isEqualTo(unique).isPositive();
                assertThat(got.uniqueStoredBytes()).isEqualTo(uniqueStored);
            }
            assertThat(report.packs()).hasSize(manifest.get("packs").size());
            for (JsonNode pack : manifest.get("packs")) {
                SpaceReport.PackSpace got = report.packs().stream().filter(p -> p.name().equals(pack.get("pack_hash").asText())).findFirst().orElseThrow();
                long content = 0;
                for (JsonNode e : pack.get("entries_in_dat_order")) {
                    content += using.containsKey(e.get("blob_hash").asText()) ? e.get("size").asLong() : 0;
                }
                assertThat(got.entries()).isEqualTo(pack.get("entry_count").asInt());
                assertThat(got.dataBytes()).isEqualTo(pack.get("dat_size").asLong());
                assertThat(got.contentBytes()).isEqualTo(content);
                assertThat(got.unusedEntries()).isZero();
            }
        }
    }

    @Test
    void splitsASnapshotByFolder() throws Exception {
        StoreIndex index = StoreIndexTest.index("basic");
        List<JsonNode> snapshots = StoreIndexTest.snapshotsOf("basic");
        JsonNode newest = snapshots.get(snapshots.size() - 1);
        Map<String, Integer> using = new HashMap<>();
        Map<String, Set<String>> foldersOf = new HashMap<>();
        for (JsonNode s : snapshots) {
            Set<String> ids = new HashSet<>();
            s.get("files").forEach(f -> ids.add(f.get("blob_hash").asText()));
            ids.forEach(id -> using.merge(id, 1, Integer::sum));
        }
        long srcBytes = 0;
        Map<String, Long> sizes = new HashMap<>();
        for (JsonNode f : newest.get("files")) {
            String path = f.get("path").asText();
            if (path.startsWith("src/")) {
                srcBytes += f.get("size").asLong();
            }
            sizes.put(f.get("blob_hash").asText(), f.get("size").asLong());
            foldersOf.computeIfAbsent(f.get("blob_hash").asText(), id -> new HashSet<>()).add(path.startsWith("src/") ? "src" : "elsewhere");
        }
        // unique to src/: used only by the newest snapshot, and only beneath src/ in it
        long srcUnique = foldersOf.entrySet().stream().filter(e -> using.get(e.getKey()) == 1 && e.getValue().equals(Set.of("src")))
                .mapToLong(e -> sizes.get(e.getKey())).sum();
        try (PackSet packs = PackSet.open(Fixtures.store("basic"))) {
            SpaceReport report = SpaceReport.of(index, packs);
            Folder root = report.folders(index.snapshots().get(snapshots.size() - 1));
            assertThat(root.bytes()).isEqualTo(newest.get("total_bytes").asLong());
            assertThat(root.files()).isEqualTo(newest.get("files").size());
            assertThat(root.uniqueBytes()).isEqualTo(report.snapshots().get(snapshots.size() - 1).uniqueBytes());
            Folder src = root.children().stream().filter(c -> c.name().equals("src")).findFirst().orElseThrow();
            assertThat(src.path()).isEqualTo("src");
            assertThat(src.bytes()).isEqualTo(srcBytes);
            assertThat(src.uniqueBytes()).isEqualTo(srcUnique).isPositive();
            assertThat(root.children()).isSortedAccordingTo(java.util.Comparator.comparingLong(Folder::bytes).reversed());
        }
    }

    @Test
    void findsTheDeepestCommonFolder() {
        assertThat(Folder.commonFolder("a/b/c", "a/b/d")).isEqualTo("a/b");
        assertThat(Folder.commonFolder("a/b", "a/bc")).isEqualTo("a");
        assertThat(Folder.commonFolder("", "a")).isEmpty();
        assertThat(Folder.commonFolder("x", "y")).isEmpty();
    }

    @Test
    void foldersOfASnapshotTheReportWasNotMadeWithIsATypedError() throws Exception {
        StoreIndex index = StoreIndexTest.index("basic");
        var other = StoreIndexTest.index("alias").snapshots().get(0);
        try (PackSet packs = PackSet.open(Fixtures.store("basic"))) {
            SpaceReport report = SpaceReport.of(index, packs);
            assertThatThrownBy(() -> report.folders(other)).isInstanceOfSatisfying(UnknownSnapshotException.class, e -> {
                assertThat(e.reason()).isEqualTo(UnknownSnapshotException.Reason.NOT_INDEXED);
                assertThat(e.getMessage()).isEqualTo("snapshot " + other.id() + " is not in this report");
            });
        }
    }
}

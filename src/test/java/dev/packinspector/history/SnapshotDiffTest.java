package dev.packinspector.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.packinspector.Fixtures;
import dev.packinspector.ManifestDiff;
import dev.packinspector.catalog.Catalog;
import dev.packinspector.catalog.ManifestEntry;
import dev.packinspector.catalog.Snapshot;
import dev.packinspector.store.ObjectId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Snapshot diffs of the fixtures, checked against a diff worked out here from manifest.json. */
class SnapshotDiffTest {

    @Test
    void diffsTheBasicStoresTwoSnapshotsAsTheManifestSays() throws Exception {
        List<JsonNode> snapshots = StoreIndexTest.snapshotsOf("basic");
        List<String> expected = ManifestDiff.lines(snapshots.get(0), snapshots.get(1));
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
        Snapshot s = new Snapshot("s", "t", null, null, null, 0, 0, 0, null, null);
        SnapshotDiff diff = SnapshotDiff.between(s, from, s, to);
        assertThat(diff.changes()).extracting(SnapshotDiffTest::describe)
                .containsExactly("D a", "D c", "A x", "R b -> y", "A z");
    }

    private static String describe(SnapshotDiff.Change c) {
        return c.kind().letter() + " " + (c.kind() == SnapshotDiff.Kind.RENAMED ? c.before().path() + " -> " : "") + c.path();
    }
}

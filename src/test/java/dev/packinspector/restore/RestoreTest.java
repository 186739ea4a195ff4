package dev.packinspector.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.packinspector.Fixtures;
import dev.packinspector.store.PackSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RestoreTest {

    static Stream<Arguments> snapshots() {
        return Fixtures.goodStores().stream().flatMap(store -> {
            JsonNode snaps = Fixtures.manifest(store).get("snapshots");
            return java.util.stream.IntStream.range(0, snaps.size()).mapToObj(i -> Arguments.of(store, i));
        });
    }

    private static RestoreResult restore(PackSet packs, List<RestoreItem> items, Path target, boolean overwrite) throws Exception {
        RestorePlan plan = RestorePlanner.plan(packs, items, target, overwrite);
        return new Restorer(2).run(plan, RestoreListener.NONE);
    }

    @ParameterizedTest
    @MethodSource("snapshots")
    void restoresEverySnapshotExactlyAndARerunWritesNothing(String store, int index, @TempDir Path target) throws Exception {
        JsonNode snapshot = Fixtures.manifest(store).get("snapshots").get(index);
        if (snapshot.get("files").isEmpty()) {
            return; // a metadata-only snapshot: its files are its manifest snapshot's, restored in that case
        }
        try (PackSet packs = PackSet.open(Fixtures.store(store))) {
            List<RestoreItem> items = ManifestItems.items(snapshot);
            RestoreResult first = restore(packs, items, target, false);
            assertTrue(first.ok(), () -> first.problems().toString());
            assertEquals(items.size(), first.written());
            ManifestItems.assertRestored(snapshot, target);

            RestorePlan again = RestorePlanner.plan(packs, items, target, false);
            assertTrue(again.complete(), "a re-run finds everything in place");
            RestoreResult second = new Restorer(2).run(again, RestoreListener.NONE);
            assertEquals(0, second.written());
            assertEquals(items.size(), second.unchanged());
        }
        try (var files = Files.walk(target)) {
            assertTrue(files.noneMatch(TempFiles::isTemp), "no temp file left");
        }
    }

    @Test
    void restoringTheSecondSaveOverTheFirstKeepsChangedFilesUnlessOverwriting(@TempDir Path target) throws Exception {
        JsonNode snaps = Fixtures.manifest("basic").get("snapshots");
        var firstSha = new java.util.HashMap<String, String>();
        snaps.get(0).get("files").forEach(f -> firstSha.put(f.get("path").asText(), f.get("sha256").asText()));
        var secondPaths = new java.util.HashSet<String>();
        snaps.get(1).get("files").forEach(f -> secondPaths.add(f.get("path").asText()));
        try (PackSet packs = PackSet.open(Fixtures.store("basic"))) {
            assertTrue(restore(packs, ManifestItems.items(snaps.get(0)), target, false).ok());
            RestorePlan keep = RestorePlanner.plan(packs, ManifestItems.items(snaps.get(1)), target, false);
            assertFalse(keep.conflicts().isEmpty(), "save 2 modifies files of save 1");
            RestoreResult kept = new Restorer(2).run(keep, RestoreListener.NONE);
            assertEquals(keep.conflicts().size(), kept.conflictsKept());
            assertFalse(kept.ok(), "kept conflicts are reported");
            for (RestorePlan.Existing c : keep.conflicts()) {
                Path p = target.resolve(c.item().path());
                if (!Files.isSymbolicLink(p)) {
                    assertEquals(firstSha.get(c.item().path()), Fixtures.sha256(Files.readAllBytes(p)), "kept " + c.item().path());
                }
            }
            RestoreResult overwritten = restore(packs, ManifestItems.items(snaps.get(1)), target, true);
            assertTrue(overwritten.ok(), () -> overwritten.problems().toString());
            ManifestItems.assertRestored(snaps.get(1), target);
            List<String> onlyInFirst = firstSha.keySet().stream().filter(p -> !secondPaths.contains(p)).toList();
            assertFalse(onlyInFirst.isEmpty());
            for (String p : onlyInFirst) {
                assertTrue(Files.exists(target.resolve(p), java.nio.file.LinkOption.NOFOLLOW_LINKS), "never deletes " + p);
            }
        }
    }

    @Test
    void selectionRestoresOnlyTheNamedFilesAndFolders(@TempDir Path target) throws Exception {
        JsonNode snapshot = Fixtures.manifest("basic").get("snapshots").get(0);
        try (PackSet packs = PackSet.open(Fixtures.store("basic"))) {
            List<RestoreItem> chosen = Selection.of(ManifestItems.items(snapshot), List.of("src/nested/", "README.md"));
            assertEquals(List.of("README.md", "src/nested/deep/a/b/c/empty.rs", "src/nested/deep/a/b/c/leaf.rs"),
                    chosen.stream().map(RestoreItem::path).toList());
            assertTrue(restore(packs, chosen, target, false).ok());
            try (var files = Files.walk(target)) {
                assertEquals(3, files.filter(Files::isRegularFile).count());
            }
        }
    }
}

package dev.packinspector.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.packinspector.Fixtures;
import dev.packinspector.store.ObjectId;
import dev.packinspector.store.PackSet;
import dev.packinspector.store.ProblemKind;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Restoring each broken store: the affected entries fail with the documented category, every
 * other entry is restored exactly, and nothing appears outside the target.
 */
class CorruptRestoreTest {

    static List<String> cases() {
        return Fixtures.corruptCases();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void restoresWhatItSafelyCanAndReportsTheRest(String store, @TempDir Path scratch) throws Exception {
        JsonNode manifest = Fixtures.manifest(store);
        JsonNode expected = manifest.get("expected");
        JsonNode snapshot = manifest.get("snapshots").get(0);
        ProblemKind kind = ProblemKind.valueOf(expected.get("category").asText());
        Path target = scratch.resolve("target");
        Set<ObjectId> affectedIds = new HashSet<>();
        expected.get("affected_blob_hashes").forEach(h -> affectedIds.add(ObjectId.parse(h.asText())));
        Set<String> affectedPaths = new HashSet<>();
        expected.get("affected_paths").forEach(p -> affectedPaths.add(p.asText()));
        boolean packScope = expected.get("scope").asText().equals("pack") && kind != ProblemKind.PACK_HASH_MISMATCH;

        RestoreResult result;
        try (PackSet packs = PackSet.open(Fixtures.store(store))) {
            RestorePlan plan = RestorePlanner.plan(packs, ManifestItems.items(snapshot), target, false);
            result = new Restorer(2).run(plan, RestoreListener.NONE);
        }
        for (JsonNode f : snapshot.get("files")) {
            String path = f.get("path").asText();
            boolean affected = affectedPaths.contains(path) || affectedIds.contains(ObjectId.parse(f.get("blob_hash").asText()));
            boolean failed = result.problems().stream().anyMatch(p -> p.path().equals(path));
            if (kind == ProblemKind.PACK_HASH_MISMATCH) {
                assertFalse(failed, "a misnamed pack still restores " + path); // only verify re-hashes packs
            } else if (affected || packScope) {
                assertTrue(failed, store + ": " + path + " must be reported, got " + result.problems());
                assertFalse(Files.exists(target.resolve(path.replaceFirst("^/+", "")), LinkOption.NOFOLLOW_LINKS)
                        && SafePaths.problem(path) == null && !path.equals("escape"), "not written: " + path);
            } else {
                assertFalse(failed, store + ": " + path + " is intact but failed: " + result.problems());
                assertEquals(f.get("sha256").asText(), Fixtures.sha256(Files.readAllBytes(target.resolve(path))), path);
            }
        }
        if (kind != ProblemKind.PACK_HASH_MISMATCH) {
            var kinds = result.problems().stream().map(RestoreProblem::kind).toList();
            ProblemKind reported = packScope ? ProblemKind.OBJECT_NOT_FOUND : kind;
            assertTrue(kinds.contains(reported), store + ": expected " + reported + " among " + result.problems());
            assertFalse(result.ok());
        }
        try (var outside = Files.list(scratch)) {
            assertEquals(List.of(target), outside.toList(), "nothing written beside the target");
        }
        assertFalse(Files.exists(Path.of("/tmp/chkpt-fixture-absolute.txt")), "absolute path not written");
        assertFalse(Files.exists(target.resolve("escape"), LinkOption.NOFOLLOW_LINKS), "escaping link not created");
    }
}

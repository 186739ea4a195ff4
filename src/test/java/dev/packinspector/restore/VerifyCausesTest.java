package dev.packinspector.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.packinspector.Fixtures;
import dev.packinspector.catalog.Catalog;
import dev.packinspector.store.ObjectId;
import dev.packinspector.store.PackSet;
import dev.packinspector.store.ProblemKind;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Verify reports causes, not cascades: each corrupt fixture (one thing broken) gives exactly one
 * cause of its category, whose lost objects are the blobs its manifest says are affected and
 * whose affected files are exactly the snapshot files that use them.
 */
class VerifyCausesTest {

    static List<String> oneDamageCases() {
        return Fixtures.corruptCases().stream()
                .filter(c -> !ProblemKind.valueOf(expected(c).get("category").asText()).incomplete())
                .filter(c -> !expected(c).get("category").asText().equals("UNSAFE_PATH"))
                .toList();
    }

    @ParameterizedTest
    @MethodSource("oneDamageCases")
    void oneBrokenThingIsOneCauseWithWhatItTakesWithIt(String store) throws Exception {
        JsonNode expected = expected(store);
        VerifyReport report = verify(store);
        assertEquals(1, report.causes().size(), () -> store + ": " + report.causes());
        Cause cause = report.causes().getFirst();
        assertEquals(ProblemKind.valueOf(expected.get("category").asText()), cause.finding().kind(), store);

        Set<String> lost = cause.lostObjects().stream().map(ObjectId::toHex).collect(Collectors.toCollection(TreeSet::new));
        Set<String> affected = new TreeSet<>();
        expected.get("affected_blob_hashes").forEach(b -> affected.add(b.asText()));
        if (cause.finding().kind() == ProblemKind.PACK_HASH_MISMATCH) {
            // the name is wrong but every object decodes to its id: nothing is lost
            assertTrue(lost.isEmpty(), () -> store + ": " + lost);
        } else {
            assertEquals(affected, lost, store);
        }
        Set<String> files = new TreeSet<>();
        for (JsonNode s : Fixtures.manifest(store).get("snapshots")) {
            for (JsonNode f : s.get("files")) {
                if (lost.contains(f.get("blob_hash").asText())) {
                    files.add(f.get("path").asText());
                }
            }
        }
        assertEquals(files, cause.files().stream().map(Cause.AffectedFile::path).collect(Collectors.toCollection(TreeSet::new)), store);
        assertEquals(files.size(), cause.fileCount());
        assertEquals(files.size(), report.affectedFiles());
    }

    @ParameterizedTest
    @MethodSource("dev.packinspector.restore.VerifyCausesTest#unsafePathCases")
    void eachRefusedPathIsACauseNamingItsFile(String store) throws Exception {
        VerifyReport report = verify(store);
        assertTrue(report.causes().stream().allMatch(c -> c.finding().kind() == ProblemKind.UNSAFE_PATH), () -> report.causes().toString());
        for (Cause c : report.causes()) {
            assertEquals(1, c.fileCount(), c.toString());
            assertEquals(c.finding().path(), c.files().getFirst().path());
            assertNull(c.files().getFirst().object());
        }
    }

    static List<String> unsafePathCases() {
        return Fixtures.corruptCases().stream().filter(c -> expected(c).get("category").asText().equals("UNSAFE_PATH")).toList();
    }

    static List<String> healthyStores() {
        return java.util.stream.Stream.concat(Fixtures.goodStores().stream(), Fixtures.realStores().stream()).toList();
    }

    @ParameterizedTest
    @MethodSource("healthyStores")
    void healthyStoresHaveNoCauses(String store) throws Exception {
        VerifyReport report = verify(store);
        assertEquals(List.of(), report.causes());
        assertEquals(0, report.affectedFiles());
    }

    private static VerifyReport verify(String store) throws Exception {
        try (PackSet packs = PackSet.open(Fixtures.store(store)); Catalog catalog = Catalog.open(Fixtures.store(store)).orElseThrow()) {
            return new StoreVerifier(2).verify(packs, new CatalogReferences(catalog), RestoreListener.NONE);
        }
    }

    private static JsonNode expected(String store) {
        return Fixtures.manifest(store).get("expected");
    }
}

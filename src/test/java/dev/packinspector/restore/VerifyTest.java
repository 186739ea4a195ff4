package dev.packinspector.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.packinspector.Fixtures;
import dev.packinspector.store.PackSet;
import dev.packinspector.store.ProblemKind;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The pack and object half of verify; the catalog half is tested with the catalog. */
class VerifyTest {

    static List<String> goodStores() {
        return Fixtures.goodStores();
    }

    static List<String> corruptPackCases() {
        return Fixtures.corruptCases().stream()
                .filter(c -> !Fixtures.manifest(c).get("expected").get("scope").asText().equals("restore")).toList();
    }

    @ParameterizedTest
    @MethodSource("goodStores")
    void storesWrittenByChkptVerifyClean(String store) throws Exception {
        try (PackSet packs = PackSet.open(Fixtures.store(store))) {
            VerifyReport report = new StoreVerifier(2).verify(packs, null, RestoreListener.NONE);
            assertTrue(report.ok(), () -> report.findings().toString());
            long expectedObjects = 0;
            long expectedBytes = 0;
            for (JsonNode p : Fixtures.manifest(store).get("packs")) {
                for (JsonNode e : p.get("entries_in_dat_order")) {
                    expectedObjects++;
                    expectedBytes += e.get("size").asLong();
                }
            }
            assertEquals(expectedObjects, report.objects());
            assertEquals(expectedBytes, report.contentBytes());
        }
    }

    @ParameterizedTest
    @MethodSource("corruptPackCases")
    void everyDamagedPackOrObjectIsFoundWithItsCategoryAndFile(String store) throws Exception {
        JsonNode expected = Fixtures.manifest(store).get("expected");
        ProblemKind kind = ProblemKind.valueOf(expected.get("category").asText());
        try (PackSet packs = PackSet.open(Fixtures.store(store))) {
            VerifyReport report = new StoreVerifier(2).verify(packs, null, RestoreListener.NONE);
            if (kind.incomplete()) {
                assertEquals(1, report.incompletePacks(), "a pack chkpt may still be writing is counted, not a finding");
                return;
            }
            assertFalse(report.ok());
            assertTrue(report.findings().stream().anyMatch(f -> f.kind() == kind && f.message().contains("pack-")),
                    () -> store + ": expected " + kind + " in " + report.findings());
        }
    }
}

package dev.packinspector.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.packinspector.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each broken store gives its documented failure, naming the file, and everything it does not
 * affect still reads. Catalog-level cases (unsafe manifest paths) only check the packs here; the
 * restore engine's tests refuse the paths.
 */
class CorruptStoresTest {

    static List<String> cases() {
        return Fixtures.corruptCases();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void givesTheDocumentedFailureAndKeepsTheRestReadable(String store) throws Exception {
        JsonNode expected = Fixtures.manifest(store).get("expected");
        ProblemKind kind = ProblemKind.valueOf(expected.get("category").asText());
        String pack = Fixtures.manifest(store).get("packs").get(0).get("pack_hash").asText();
        try (PackSet packs = PackSet.open(Fixtures.store(store))) {
            for (JsonNode intact : expected.get("intact_blob_hashes")) {
                ObjectId id = ObjectId.parse(intact.asText());
                assertEquals(id, ObjectId.of(packs.read(id)), "intact object " + id);
            }
            switch (expected.get("scope").asText()) {
                case "pack" -> {
                    StoreException problem = packProblem(packs, pack, kind);
                    assertEquals(kind, problem.kind(), problem.getMessage());
                    assertTrue(problem.getMessage().contains("pack-" + pack), problem.getMessage());
                }
                case "entry" -> {
                    for (JsonNode affected : expected.get("affected_blob_hashes")) {
                        ObjectId id = ObjectId.parse(affected.asText());
                        StoreException e = assertThrows(StoreException.class, () -> packs.read(id));
                        assertEquals(kind, e.kind(), e.getMessage());
                        assertTrue(e.getMessage().contains("pack-" + pack), e.getMessage());
                        assertThrows(StoreException.class, () -> packs.copyTo(id, java.io.OutputStream.nullOutputStream()));
                    }
                }
                case "restore" -> {
                    for (JsonNode affected : expected.get("affected_blob_hashes")) {
                        ObjectId id = ObjectId.parse(affected.asText());
                        StoreException e = assertThrows(StoreException.class, () -> packs.read(id));
                        assertEquals(kind, e.kind());
                        assertTrue(e.getMessage().contains(id.toHex()) && e.getMessage().contains("packs:"), e.getMessage());
                    }
                }
                default -> throw new AssertionError("unknown scope in " + store);
            }
        }
    }

    /** The pack's problem: from opening it, or (for damage only a full check sees) from validating it. */
    private static StoreException packProblem(PackSet packs, String name, ProblemKind kind) {
        PackStatus status = packs.packs().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
        if (!status.readable()) {
            assertEquals(kind.incomplete() ? PackState.INCOMPLETE : PackState.UNREADABLE, status.state());
            return status.problem();
        }
        var problems = new ArrayList<StoreException>();
        status.pack().validate(true, problems::add);
        assertFalse(problems.isEmpty(), "validation finds the damage in " + name);
        return problems.getFirst();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void aBrokenPackBesideGoodOnesNeverHidesThem(String store, @TempDir Path dir) throws Exception {
        for (String source : List.of(store + "/packs", "basic/packs")) {
            try (var files = Files.list(Fixtures.store(source))) {
                for (Path f : files.toList()) {
                    Files.copy(f, dir.resolve(f.getFileName()));
                }
            }
        }
        try (PackSet packs = PackSet.open(dir)) {
            assertEquals(3, packs.packs().size());
            assertTrue(packs.readablePacks().size() >= 2);
            for (JsonNode file : Fixtures.manifest("basic").get("snapshots").get(1).get("files")) {
                ObjectId id = ObjectId.parse(file.get("blob_hash").asText());
                assertEquals(file.get("sha256").asText(), Fixtures.sha256(packs.read(id)));
            }
        }
    }
}

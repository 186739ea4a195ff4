package dev.packinspector.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.packinspector.Fixtures;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Snapshot references as the command line takes them: latest, a full id, a unique prefix. */
class CatalogResolveTest {
    private static final String FIRST = "019b76da-a820-76f0-b441-a43e06adec10";
    private static final String SECOND = "019b7711-987b-7fde-8880-4df361597a77";

    @Test
    void latestIsTheNewestSnapshot() throws Exception {
        try (Catalog catalog = Catalog.open(Fixtures.store("basic")).orElseThrow()) {
            assertEquals(SECOND, catalog.resolve("latest").id());
            assertEquals(catalog.snapshots().get(0), catalog.resolve("latest"));
        }
    }

    @Test
    void aFullIdOrAUniquePrefixNamesOneSnapshot() throws Exception {
        try (Catalog catalog = Catalog.open(Fixtures.store("basic")).orElseThrow()) {
            assertEquals(FIRST, catalog.resolve(FIRST).id());
            assertEquals(FIRST, catalog.resolve("019b76d").id());
            assertEquals(SECOND, catalog.resolve("019b7711-9").id());
        }
    }

    @Test
    void anUnknownReferenceNamesTheStore() throws Exception {
        try (Catalog catalog = Catalog.open(Fixtures.store("basic")).orElseThrow()) {
            var e = assertThrows(UnknownSnapshotException.class, () -> catalog.resolve("ffff"));
            assertEquals("no snapshot 'ffff' in " + Fixtures.store("basic"), e.getMessage());
            assertEquals(UnknownSnapshotException.Reason.NO_MATCH, e.reason());
            assertEquals("ffff", e.reference());
            assertEquals(Fixtures.store("basic"), e.store());
            assertFalse(e.ambiguous());
            assertEquals(List.of(), e.candidates());
            assertEquals(UnknownSnapshotException.Reason.NOT_GIVEN, assertThrows(UnknownSnapshotException.class, () -> catalog.resolve("")).reason());
            assertEquals(UnknownSnapshotException.Reason.NOT_GIVEN, assertThrows(UnknownSnapshotException.class, () -> catalog.resolve(null)).reason());
            assertThrows(UnknownSnapshotException.class, () -> catalog.resolve("LATEST"), "ids and keywords are case-sensitive");
        }
    }

    @Test
    void likeWildcardsInAReferenceMatchOnlyThemselves() throws Exception {
        try (Catalog catalog = Catalog.open(Fixtures.store("basic")).orElseThrow()) {
            assertThrows(UnknownSnapshotException.class, () -> catalog.resolve("019b76da%"));
            assertThrows(UnknownSnapshotException.class, () -> catalog.resolve("019b76d_"));
        }
    }

    @Test
    void anAmbiguousPrefixListsTheCandidates(@TempDir Path tmp) throws Exception {
        Path store = TestStores.copy("basic", tmp.resolve("store"));
        String twin = "019b76da-a820-76f0-b441-000000000000";
        TestStores.execute(store, TestStores.insertSnapshot(twin, "2026-01-01T00:30:00+00:00", null));
        try (Catalog catalog = Catalog.open(store).orElseThrow()) {
            var e = assertThrows(UnknownSnapshotException.class, () -> catalog.resolve("019b76da-a820"));
            assertTrue(e.getMessage().contains("ambiguous") && e.getMessage().contains(FIRST) && e.getMessage().contains(twin), e.getMessage());
            assertTrue(e.ambiguous());
            assertEquals("019b76da-a820", e.reference());
            assertEquals(List.of(twin, FIRST), e.candidates().stream().map(Snapshot::id).toList(), "in id order");
            assertEquals(2, e.matches());
            assertEquals(twin, catalog.resolve(twin).id(), "the full id names its snapshot");
            assertEquals(FIRST, catalog.resolve("019b76da-a820-76f0-b441-a").id());
        }
    }

    @Test
    void aFullIdThatIsAlsoThePrefixOfAnotherStillNamesItself(@TempDir Path tmp) throws Exception {
        Path store = TestStores.copy("basic", tmp.resolve("store"));
        TestStores.execute(store, TestStores.insertSnapshot(FIRST + "-longer", "2026-01-01T00:30:00+00:00", null));
        try (Catalog catalog = Catalog.open(store).orElseThrow()) {
            assertEquals(FIRST, catalog.resolve(FIRST).id());
        }
    }

    @Test
    void aVeryAmbiguousPrefixShowsFiveCandidatesAndTheCount(@TempDir Path tmp) throws Exception {
        Path store = TestStores.copy("basic", tmp.resolve("store"));
        String[] inserts = new String[7];
        for (int i = 0; i < inserts.length; i++) {
            inserts[i] = TestStores.insertSnapshot("019b0000-0000-7000-8000-00000000000" + i, "2026-01-02T00:00:0" + i + "+00:00", null);
        }
        TestStores.execute(store, inserts);
        try (Catalog catalog = Catalog.open(store).orElseThrow()) {
            var e = assertThrows(UnknownSnapshotException.class, () -> catalog.resolve("019b"));
            String message = e.getMessage();
            assertTrue(message.contains("matches 9 snapshots"), message);
            assertEquals(5, e.candidates().size());
            assertEquals(9, e.matches());
            assertEquals(5, message.split("\\(20").length - 1, "five candidates with their dates: " + message);
            assertEquals("019b0000-0000-7000-8000-000000000006", catalog.resolve("latest").id());
        }
    }

    @Test
    void latestInAnEmptyCatalogIsAUsageError(@TempDir Path tmp) throws Exception {
        Path store = TestStores.copy("basic", tmp.resolve("store"));
        TestStores.execute(store, "DELETE FROM snapshot_files", "DELETE FROM snapshots");
        try (Catalog catalog = Catalog.open(store).orElseThrow()) {
            assertTrue(catalog.snapshots().isEmpty());
            var e = assertThrows(UnknownSnapshotException.class, () -> catalog.resolve("latest"));
            assertTrue(e.getMessage().contains("no snapshots"), e.getMessage());
            assertEquals(UnknownSnapshotException.Reason.NO_SNAPSHOTS, e.reason());
        }
    }

    @Test
    void tiesOnCreationTimeAreBrokenByIdDescending(@TempDir Path tmp) throws Exception {
        Path store = TestStores.copy("basic", tmp.resolve("store"));
        String created = "2030-01-01T00:00:00+00:00";
        TestStores.execute(store, TestStores.insertSnapshot("aaaa", created, null), TestStores.insertSnapshot("bbbb", created, null));
        try (Catalog catalog = Catalog.open(store).orElseThrow()) {
            assertEquals("bbbb", catalog.resolve("latest").id());
            assertEquals(List.of("bbbb", "aaaa", SECOND, FIRST), catalog.snapshots().stream().map(Snapshot::id).toList());
        }
    }
}

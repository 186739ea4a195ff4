package dev.packinspector.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.packinspector.Fixtures;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every object of every store the real chkpt wrote reads back exactly. */
class FixtureStoresTest {

    static java.util.List<String> stores() {
        return Fixtures.goodStores();
    }

    @ParameterizedTest
    @MethodSource("stores")
    void everyManifestEntryDecodesToItsContentAndHashesToItsId(String store) throws Exception {
        JsonNode manifest = Fixtures.manifest(store);
        int checked = 0;
        try (PackSet packs = PackSet.open(Fixtures.store(store))) {
            for (JsonNode snapshot : manifest.get("snapshots")) {
                for (JsonNode file : snapshot.path("files")) {
                    ObjectId id = ObjectId.parse(file.get("blob_hash").asText());
                    byte[] content = packs.read(id);
                    assertEquals(file.get("size").asLong(), content.length, file.get("path").asText());
                    assertEquals(file.get("sha256").asText(), Fixtures.sha256(content), file.get("path").asText());
                    assertEquals(id, ObjectId.of(content));
                    var streamed = new ByteArrayOutputStream();
                    assertEquals(content.length, packs.copyTo(id, streamed));
                    assertArrayEquals(content, streamed.toByteArray());
                    checked++;
                }
            }
        }
        assertTrue(checked > 0, "the manifest lists files");
    }

    @ParameterizedTest
    @MethodSource("stores")
    void packsOpenCleanlyAndRecomputeTheirNames(String store) throws Exception {
        JsonNode manifest = Fixtures.manifest(store);
        try (PackSet packs = PackSet.open(Fixtures.store(store))) {
            assertEquals(manifest.get("packs").size(), packs.packs().size());
            for (JsonNode expected : manifest.get("packs")) {
                String name = expected.get("pack_hash").asText();
                PackStatus status = packs.packs().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
                assertTrue(status.readable(), () -> String.valueOf(status.problem()));
                Pack pack = status.pack();
                assertEquals(store.equals("chunked") ? PackState.CHUNKED : PackState.OK, status.state());
                assertEquals(expected.get("entry_count").asInt(), pack.entryCount());
                assertEquals(expected.get("dat_size").asLong(), pack.data().size());
                assertEquals(name, pack.computeName());
                var problems = new ArrayList<StoreException>();
                pack.validate(true, problems::add);
                assertEquals(java.util.List.of(), problems);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("stores")
    void indexEntriesMatchTheOffsetsChkptWrote(String store) throws Exception {
        JsonNode manifest = Fixtures.manifest(store);
        try (PackSet packs = PackSet.open(Fixtures.store(store))) {
            Set<ObjectId> seen = new HashSet<>();
            for (JsonNode pack : manifest.get("packs")) {
                for (JsonNode entry : pack.get("entries_in_dat_order")) {
                    ObjectId id = ObjectId.parse(entry.get("blob_hash").asText());
                    ObjectLocation at = packs.locate(id).orElseThrow();
                    assertEquals(pack.get("pack_hash").asText(), at.pack().name());
                    assertEquals(entry.get("offset").asLong(), at.offset());
                    assertEquals(entry.get("compressed_size").asLong(), at.compressedSize());
                    seen.add(id);
                }
            }
            assertEquals(seen.size(), packs.entryCount());
            for (int row = 1; row < packs.entryCount(); row++) {
                assertTrue(packs.entryAt(row - 1).id().compareTo(packs.entryAt(row).id()) < 0, "merged order at row " + row);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("stores")
    void anyByteRangeReadsLikeTheSameSliceOfTheWholeObject(String store) throws Exception {
        try (PackSet packs = PackSet.open(Fixtures.store(store))) {
            for (int row = 0; row < packs.entryCount(); row++) {
                ObjectId id = packs.entryAt(row).id();
                byte[] whole = packs.read(id);
                for (long from : new long[] {0, 1, 4095, whole.length / 2, 65536, 65537, whole.length - 1, whole.length}) {
                    if (from < 0 || from > whole.length) {
                        continue;
                    }
                    byte[] range = packs.readRange(id, from, 70_000);
                    int to = (int) Math.min(whole.length, from + 70_000);
                    assertArrayEquals(java.util.Arrays.copyOfRange(whole, (int) from, to), range, id + " from " + from);
                }
            }
        }
    }
}

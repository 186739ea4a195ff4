package dev.packinspector.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.packinspector.Fixtures;
import dev.packinspector.store.ObjectId;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Which snapshots and paths use an object: every manifest row that names it, and a lookup that can be stopped. */
class CatalogUsesTest {
    @Test
    void everyManifestRowThatUsesAnObjectIsFound() throws Exception {
        JsonNode manifest = Fixtures.manifest("basic");
        String blob = manifest.get("snapshots").get(0).get("files").get(0).get("blob_hash").asText();
        Set<String> expected = new TreeSet<>();
        for (JsonNode snapshot : manifest.get("snapshots")) {
            for (JsonNode f : snapshot.get("files")) {
                if (f.get("blob_hash").asText().equals(blob)) {
                    expected.add(snapshot.get("id").asText() + ":" + f.get("path").asText());
                }
            }
        }
        try (Catalog catalog = Catalog.open(Fixtures.store("basic")).orElseThrow()) {
            List<Catalog.PathRow> uses = catalog.usesOf(ObjectId.parse(blob), 50, () -> false);
            Set<String> found = new TreeSet<>();
            uses.forEach(u -> found.add(u.snapshotId() + ":" + u.path()));
            assertEquals(expected, found);
            assertEquals(1, catalog.usesOf(ObjectId.parse(blob), 1, () -> false).size(), "the limit holds");
        }
    }

    @Test
    void aCancelledLookupReturnsNothingAndTheCatalogStaysUsable() throws Exception {
        try (Catalog catalog = Catalog.open(Fixtures.store("basic")).orElseThrow()) {
            ObjectId any = catalog.files(catalog.snapshots().getFirst()).getFirst().objectId();
            var polls = new AtomicInteger();
            assertEquals(List.of(), catalog.usesOf(any, 50, () -> polls.incrementAndGet() > 0));
            assertTrue(polls.get() > 0, "the cancellation was asked");
            assertEquals(2, catalog.snapshots().size(), "later queries run as before");
            assertTrue(!catalog.usesOf(any, 50, () -> false).isEmpty(), "and no progress handler is left behind");
        }
    }
}

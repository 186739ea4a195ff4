package dev.packinspector.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.packinspector.Fixtures;
import dev.packinspector.catalog.Catalog;
import dev.packinspector.store.PackSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every snapshot of every store the real chkpt wrote restores exactly as its manifest.json says
 * (content, permission bits, link targets, nothing else), read through the catalog as the CLI and
 * the window read it: everything chkpt's own restore gave back, and the modes it drops.
 */
class RealStoresRestoreTest {
    @TempDir
    Path work;

    static List<String> stores() {
        return Fixtures.realStores();
    }

    @ParameterizedTest
    @MethodSource("stores")
    void everySnapshotRestoresAsItsManifestSays(String store) throws Exception {
        JsonNode manifest = Fixtures.manifest(store);
        int n = 0;
        try (PackSet packs = PackSet.open(Fixtures.store(store)); Catalog catalog = Catalog.open(Fixtures.store(store)).orElseThrow()) {
            for (JsonNode snapshot : manifest.get("snapshots")) {
                Path target = work.resolve("s" + n++);
                var items = new ArrayList<RestoreItem>();
                catalog.files(catalog.resolve(snapshot.get("id").asText()))
                        .forEach(e -> items.add(RestoreItem.of(e)));
                RestorePlan plan = RestorePlanner.plan(packs, items, target, false);
                assertEquals(List.of(), plan.refused(), () -> store + " " + snapshot.get("id").asText() + ": nothing legal is refused");
                RestoreResult result = new Restorer(2).run(plan, RestoreListener.NONE);
                assertTrue(result.ok(), () -> result.problems().toString());
                ManifestItems.assertRestored(snapshot, target);
                assertEquals(ManifestItems.paths(snapshot), RestoreChecks.restoredPaths(target), "exactly the snapshot's files");
                // chkpt's own restore of this snapshot (manifest.json: chkpt_restore) got every content right and dropped
                // the modes; assertRestored has just checked both, for every path
                assertTrue(snapshot.get("chkpt_restore").get("missing").isEmpty(), "chkpt itself restored every path");
            }
        }
    }
}

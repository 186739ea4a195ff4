package dev.packinspector.restore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packinspector.Fixtures;
import dev.packinspector.catalog.Catalog;
import dev.packinspector.catalog.ManifestEntry;
import dev.packinspector.store.ObjectId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one conversion from what a user selects to what is restored, and the words naming the selection. */
class RestoreItemsTest {
    private static final ObjectId A = ObjectId.parse("0114b8909a56165a5bb2c4cc4117a7b6");
    private static final ObjectId B = ObjectId.parse("f4a779f77e2ba0fcbc98b641129a4bf4");

    @Test
    void manifestEntriesAreRestoredAtTheirPathsWithSizeModeAndProblem() throws Exception {
        try (Catalog catalog = Catalog.open(Fixtures.store("basic")).orElseThrow()) {
            List<ManifestEntry> files = catalog.files(catalog.resolve("latest"));
            List<RestoreItem> items = RestoreItems.of(files);
            assertThat(items).hasSameSizeAs(files);
            for (int i = 0; i < files.size(); i++) {
                ManifestEntry e = files.get(i);
                assertThat(items.get(i)).isEqualTo(new RestoreItem(e.path(), e.blob(), e.size(), e.mode(), e.problem()));
            }
        }
        var unusable = new ManifestEntry("bad", null, 3, 0100644, "blob_hash is 3 bytes, not 16");
        assertThat(RestoreItem.of(unusable).problem()).isEqualTo("blob_hash is 3 bytes, not 16");
        assertThat(RestoreItem.of(unusable).id()).isNull();
    }

    @Test
    void objectsAreFilesNamedByTheirIdsOnceEach() {
        assertThat(RestoreItems.objects(List.of(B, A, B))).containsExactly(RestoreItem.object(B, -1), RestoreItem.object(A, -1));
        assertThat(RestoreItems.objects(List.of(A)).getFirst().path()).isEqualTo(A.toHex());
        assertThat(RestoreItems.objects(List.of(A)).getFirst().permissions()).isEqualTo(-1);
    }
}

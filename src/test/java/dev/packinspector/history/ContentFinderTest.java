package dev.packinspector.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.packinspector.Fixtures;
import dev.packinspector.store.ObjectId;
import dev.packinspector.store.PackSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding local files' content in the basic fixture: what the manifest says uses each object. */
class ContentFinderTest {

    @Test
    void findsLocalFilesByContentAndSaysWhereTheStoreUsesIt(@TempDir Path dir) throws Exception {
        StoreIndex index = StoreIndexTest.index("basic");
        try (PackSet packs = PackSet.open(Fixtures.store("basic"))) {
            JsonNode readme = StoreIndexTest.snapshotsOf("basic").get(0).get("files").get(0);
            assertThat(readme.get("path").asText()).isEqualTo("README.md");
            ObjectId id = ObjectId.parse(readme.get("blob_hash").asText());
            Files.createDirectories(dir.resolve("folder/deeper"));
            Files.write(dir.resolve("folder/deeper/copy-of-readme"), packs.read(id));
            Files.writeString(dir.resolve("folder/not-in-store.txt"), "nothing chkpt ever saved");
            Files.createSymbolicLink(dir.resolve("folder/link"), Path.of("not-in-store.txt"));

            var found = new ArrayList<ContentFinder.Found>();
            ContentFinder.find(List.of(dir.resolve("folder"), dir.resolve("folder/link"), dir.resolve("missing")), packs, index, () -> false,
                    found::add);

            var byName = new java.util.HashMap<String, ContentFinder.Found>();
            found.forEach(f -> byName.put(f.file().getFileName().toString(), f));
            // the link is skipped in the walk and reported when named
            assertThat(found).hasSize(4);
            assertThat(byName).containsOnlyKeys("copy-of-readme", "not-in-store.txt", "link", "missing");

            ContentFinder.Found copy = byName.get("copy-of-readme");
            assertThat(copy.id()).isEqualTo(id);
            assertThat(copy.inStore()).isTrue();
            assertThat(copy.packs()).isNotEmpty();
            var expectedUses = new TreeSet<String>();
            for (JsonNode s : StoreIndexTest.snapshotsOf("basic")) {
                s.get("files").forEach(f -> {
                    if (f.get("blob_hash").asText().equals(id.toHex())) {
                        expectedUses.add(s.get("id").asText() + ":" + f.get("path").asText());
                    }
                });
            }
            assertThat(copy.uses().stream().map(u -> u.snapshot().id() + ":" + u.path()).toList()).containsExactlyInAnyOrderElementsOf(expectedUses);

            assertThat(byName.get("not-in-store.txt").inStore()).isFalse();
            assertThat(byName.get("not-in-store.txt").problem()).isNull();
            assertThat(byName.get("link").problem()).contains("symbolic link");
            assertThat(byName.get("missing").problem()).isEqualTo("no such file");
        }
    }
}

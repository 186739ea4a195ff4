package dev.packinspector.store.tree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.packinspector.store.ObjectId;
import dev.packinspector.store.StoreException;
import java.lang.foreign.ValueLayout;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The tree pack chkpt wrote for an awkward workspace (1,000 and 256 files in a folder, 255-byte
 * names, a 5 GiB size, symlinks, modes, 40 nested folders; resources/.../awkward/README.md) reads
 * exactly as shared/tools/chkpt-trees.py read it: every tree's entries and every snapshot's walk.
 */
class ReferenceDecoderTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Path store;

    @BeforeAll
    static void locate() throws URISyntaxException {
        store = Path.of(ReferenceDecoderTest.class.getResource("awkward/trees/trees.dat").toURI()).getParent().getParent();
    }

    private static JsonNode expected(String file) throws Exception {
        return JSON.readTree(store.resolve(file).toFile());
    }

    @Test
    void everyTreeDecodesToTheReferenceDecodersEntries() throws Exception {
        JsonNode trees = expected("trees.json");
        try (TreeStore store = TreeStore.open(ReferenceDecoderTest.store)) {
            TreePack pack = store.pack().orElseThrow();
            assertEquals(trees.size(), pack.treeCount());
            for (JsonNode tree : trees) {
                ObjectId id = ObjectId.parse(tree.get("id").asText());
                int position = pack.index().find(id);
                assertEquals(tree.get("bytes").asLong(), pack.index().length(position));
                var expected = new ArrayList<TreeEntry>();
                for (JsonNode e : tree.get("entries")) {
                    expected.add(new TreeEntry(e.get("name").asText(), TreeEntry.Kind.valueOf(e.get("type").asText().toUpperCase(java.util.Locale.ROOT)),
                            ObjectId.parse(e.get("hash").asText()), e.get("size").asLong(), e.get("mode").asInt()));
                }
                List<TreeEntry> actual = store.read(id);
                assertEquals(expected, actual, id.toHex());
                assertArrayEquals(pack.object(position).toArray(ValueLayout.JAVA_BYTE), TreeEncoder.encode(actual), id.toHex());
            }
        }
    }

    @Test
    void everySnapshotWalksToTheReferenceWalk() throws Exception {
        try (TreeStore trees = TreeStore.open(store)) {
            for (JsonNode walk : expected("walks.json")) {
                var expected = new ArrayList<TreeFile>();
                for (JsonNode f : walk.get("files")) {
                    expected.add(new TreeFile(f.get("path").asText(), TreeEntry.Kind.valueOf(f.get("type").asText().toUpperCase(java.util.Locale.ROOT)),
                            ObjectId.parse(f.get("hash").asText()), f.get("size").asLong(), f.get("mode").asInt()));
                }
                assertEquals(expected, new TreeWalk(trees).files(ObjectId.parse(walk.get("root").asText())), walk.get("snapshot").asText());
            }
        }
    }

    @Test
    void theAwkwardCasesAreThere() throws Exception {
        try (TreeStore trees = TreeStore.open(store)) {
            var findings = new ArrayList<StoreException>();
            trees.validate(findings::add);
            assertEquals(List.of(), findings);
            List<TreeFile> walk = new TreeWalk(trees).files(ObjectId.parse(expected("walks.json").get(1).get("root").asText()));
            assertEquals(5L << 30, walk.stream().filter(f -> f.path().equals("huge.bin")).findFirst().orElseThrow().size());
            assertEquals(1000, walk.stream().filter(f -> f.path().startsWith("big/")).count());
            assertEquals(3, walk.stream().filter(f -> f.path().startsWith("names/"))
                    .filter(f -> f.path().substring(6).getBytes(java.nio.charset.StandardCharsets.UTF_8).length == 255).count());
            List<String> paths = walk.stream().map(TreeFile::path).toList();
            assertEquals(true, paths.indexOf("a.txt") >= 0 && paths.indexOf("a.txt") < paths.indexOf("a/b"), "path order, not walk order");
            assertEquals(TreeEntry.Kind.SYMLINK, walk.stream().filter(f -> f.path().equals("links/long")).findFirst().orElseThrow().kind());
            assertEquals(300, walk.stream().filter(f -> f.path().equals("links/long")).findFirst().orElseThrow().size());
        }
    }
}

package dev.packinspector.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.packinspector.Fixtures;
import dev.packinspector.StoreFingerprint;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tree} against {@code files} on the real stores, its exit codes, and the tree pack's row of {@code packs}. */
class CliTreeTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Result(int exit, byte[] stdout, String stderr) {
        String text() {
            return new String(stdout, StandardCharsets.UTF_8);
        }

        List<String> lines() {
            return List.of(text().split("\n", -1)).subList(0, Math.max(0, text().split("\n", -1).length - 1));
        }
    }

    private static Result run(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int exit = new Cli(out, new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
        return new Result(exit, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
    }

    private static String store(String name) {
        return Fixtures.store(name).toString();
    }

    private static JsonNode json(Result r) {
        try {
            return JSON.readTree(r.stdout());
        } catch (java.io.IOException e) {
            throw new AssertionError(r.text(), e);
        }
    }

    /** The text lines of JSON entries (paths without newlines). */
    private static List<String> lines(List<JsonNode> entries) {
        return entries.stream().map(e -> e.get("mode").asText() + "\t" + e.get("size").asLong() + "\t" + e.get("id").asText() + "\t"
                + e.get("path").asText()).toList();
    }

    private static void assertOneSentence(Result r) {
        assertEquals(1, r.stderr().strip().lines().count(), r.stderr());
        assertFalse(r.stderr().contains("\tat "), "no stack trace: " + r.stderr());
    }

    @Test
    void treePrintsExactlyWhatFilesPrintsForEverySnapshot() {
        for (String name : Fixtures.realStores()) {
            for (JsonNode snapshot : Fixtures.manifest(name).get("snapshots")) {
                String id = snapshot.get("id").asText();
                Result files = run("files", store(name), id);
                Result tree = run("tree", store(name), id);
                assertEquals(0, tree.exit(), tree.stderr());
                assertArrayEquals(files.stdout(), tree.stdout(), name + " " + id);
                assertEquals(snapshot.get("files").size(), json(run("tree", store(name), id, "--json")).size());
            }
            assertArrayEquals(run("files", store(name), "latest").stdout(), run("tree", store(name), "latest").stdout());
            String latest = run("snapshots", store(name)).text().substring(0, 36);
            assertArrayEquals(run("files", store(name), latest).stdout(), run("tree", store(name), latest.substring(0, 20)).stdout());
        }
    }

    @Test
    void aPathLimitsTheTreeToAFileOrEverythingInAFolder() {
        String s = store("real/head-basic");
        var all = new ArrayList<JsonNode>();
        json(run("tree", s, "latest", "--json")).forEach(all::add);
        List<String> links = lines(all.stream().filter(e -> e.get("path").asText().startsWith("links/")).toList());
        assertEquals(3, links.size());
        assertEquals(links, run("tree", s, "latest", "links").lines());
        assertEquals(links, run("tree", s, "latest", "links/").lines());
        assertEquals(links.subList(0, 1), run("tree", s, "latest", links.get(0).split("\t", 4)[3]).lines());
        assertArrayEquals(run("tree", s, "latest").stdout(), run("tree", s, "latest", "").stdout());
        Result missing = run("tree", s, "latest", "no/such/folder");
        assertEquals(2, missing.exit());
        assertOneSentence(missing);
        assertTrue(missing.stderr().contains("no file or folder 'no/such/folder'"), missing.stderr());
        assertEquals(2, run("tree", s, "latest", "../etc").exit());
        assertEquals(2, run("tree", s, "nosuchsnapshot").exit());
        assertEquals(2, run("tree", s).exit());
    }

    @Test
    void treeJsonListsTypeIdSizeAndOctalModeLikeFiles() throws Exception {
        String s = store("real/head-basic");
        JsonNode tree = JSON.readTree(run("tree", s, "latest", "--json").stdout());
        JsonNode files = JSON.readTree(run("files", s, "latest", "--json").stdout());
        assertEquals(files.size(), tree.size());
        for (int i = 0; i < files.size(); i++) {
            for (String field : List.of("path", "id", "size", "mode")) {
                assertEquals(files.get(i).get(field), tree.get(i).get(field), field);
            }
            assertEquals(tree.get(i).get("mode").asText().startsWith("120") ? "symlink" : "file", tree.get(i).get("type").asText());
        }
    }

    @Test
    void aSnapshotWithoutARootTreeOrADamagedTreeIsExitCode3InOneSentence(@TempDir Path tmp) throws Exception {
        Result none = run("tree", store("basic"), "latest");
        assertEquals(3, none.exit());
        assertOneSentence(none);
        assertTrue(none.stderr().contains("has no root tree"), none.stderr());

        Path copy = StoreFingerprint.copy(Fixtures.store("real/head-basic"), tmp.resolve("store"));
        Path dat = copy.resolve("trees/trees.dat");
        byte[] bytes = Files.readAllBytes(dat);
        bytes[bytes.length - 3] ^= 0x40; // inside the last record: a root tree, the newest save's
        Files.write(dat, bytes);
        var exits = new ArrayList<Integer>();
        for (JsonNode snapshot : Fixtures.manifest("real/head-basic").get("snapshots")) {
            Result r = run("tree", copy.toString(), snapshot.get("id").asText());
            exits.add(r.exit());
            if (r.exit() != 0) {
                assertOneSentence(r);
                assertTrue(r.stderr().contains("trees.dat at offset"), r.stderr());
            }
        }
        assertTrue(exits.contains(3) && exits.stream().allMatch(e -> e == 0 || e == 3), exits.toString());

        Files.delete(copy.resolve("trees/trees.idx"));
        Result incomplete = run("tree", copy.toString(), "latest");
        assertEquals(3, incomplete.exit());
        assertOneSentence(incomplete);
        assertTrue(incomplete.stderr().contains("no trees.idx"), incomplete.stderr());
    }

    @Test
    void packsListsTheTreePackLastWithItsKindInJson() throws Exception {
        JsonNode recorded = Fixtures.manifest("real/head-basic").get("trees");
        Result text = run("packs", store("real/head-basic"));
        assertEquals(0, text.exit(), text.stderr());
        assertEquals("trees\t" + recorded.get("entry_count").asInt() + "\t" + recorded.get("dat_size").asLong() + "\tok",
                text.lines().get(text.lines().size() - 1));
        assertEquals(Fixtures.manifest("real/head-basic").get("packs").size() + 1, text.lines().size());
        assertEquals(text.lines(), run("packs", store("real/head-basic") + "/packs").lines(), "the trees of the store around a packs folder");

        JsonNode json = JSON.readTree(run("packs", "--json", store("real/head-basic")).stdout());
        for (int i = 0; i < json.size() - 1; i++) {
            assertEquals("blobs", json.get(i).get("kind").asText());
        }
        JsonNode trees = json.get(json.size() - 1);
        assertEquals("trees", trees.get("kind").asText());
        assertEquals("trees", trees.get("pack").asText());
        assertEquals("ok", trees.get("state").asText());
        assertEquals(recorded.get("entry_count").asInt(), trees.get("entries").asInt());
        assertEquals(recorded.get("dat_size").asLong(), trees.get("data_bytes").asLong());

        Result older = run("packs", store("basic"));
        assertTrue(older.lines().stream().noneMatch(l -> l.startsWith("trees")), "no trees/ folder, no row");
        assertEquals("blobs", JSON.readTree(run("packs", "--json", store("basic")).stdout()).get(0).get("kind").asText());
    }

    @Test
    void packsExitsWith3ForADamagedTreePackButNotForAnIncompleteOne(@TempDir Path tmp) throws Exception {
        Path copy = StoreFingerprint.copy(Fixtures.store("real/head-gc"), tmp.resolve("store"));
        Path dat = copy.resolve("trees/trees.dat");
        byte[] good = Files.readAllBytes(dat);
        byte[] bad = good.clone();
        bad[0] = 'X';
        Files.write(dat, bad);
        Result damaged = run("packs", copy.toString());
        assertEquals(3, damaged.exit());
        String row = damaged.lines().get(damaged.lines().size() - 1);
        assertTrue(row.startsWith("trees\t-\t" + good.length + "\tunreadable\t") && row.contains("CKTL"), row);
        JsonNode json = JSON.readTree(run("packs", "--json", copy.toString()).stdout());
        assertEquals("TREE_PACK_CORRUPT", json.get(json.size() - 1).get("problem").asText());

        Files.write(dat, good);
        Files.delete(copy.resolve("trees/trees.idx"));
        Result incomplete = run("packs", copy.toString());
        assertEquals(0, incomplete.exit(), incomplete.stderr());
        assertTrue(incomplete.lines().get(incomplete.lines().size() - 1).startsWith("trees\t-\t" + good.length + "\tincomplete\t"));
    }
}

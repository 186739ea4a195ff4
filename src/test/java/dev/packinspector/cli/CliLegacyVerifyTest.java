package dev.packinspector.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code verify} (and {@code snapshots}, {@code files}) on the stores the published chkpt 0.1.2 wrote: clean where they are sound; the
 * object gc removed from under {@code dangling} named with the snapshot file that needs it; a
 * flipped byte in an object, a tree and a snapshot file each reported; temp files and unused
 * objects noted, not counted as problems. The store is only read.
 */
class CliLegacyVerifyTest {
    private record Result(int exit, String out, String err) {
    }

    private static Result run(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int exit = new Cli(out, new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theSoundStoresVerifyCleanAndDanglingNamesItsMissingObject() throws Exception {
        for (String fixture : List.of("legacy/basic", "legacy/deleted", "legacy/attachments", "legacy/edge")) {
            var fingerprint = StoreFingerprint.of(Fixtures.store(fixture));
            Result r = run("verify", Fixtures.store(fixture).toString());
            assertEquals(0, r.exit(), fixture + ": " + r);
            assertEquals("no problems found", r.out().lines().toList().getLast(), fixture);
            assertTrue(r.out().contains("a store of chkpt 0.1.x: " + Fixtures.manifest(fixture).get("snapshots").size() + " snapshots"), r.out());
            assertEquals(fingerprint, StoreFingerprint.of(Fixtures.store(fixture)), "untouched");
        }
        JsonNode missing = Fixtures.manifest("legacy/dangling").get("missing_objects").get(0);
        Result r = run("verify", Fixtures.store("legacy/dangling").toString());
        assertEquals(1, r.exit(), r.toString());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.getFirst().startsWith("OBJECT_NOT_FOUND\t"), r.out());
        assertEquals("\tfile\t" + missing.get("snapshot_id").asText() + "\t" + missing.get("path").asText() + "\t" + missing.get("blob_hash").asText(),
                lines.get(1));
        assertEquals("1 problem found; 1 snapshot file cannot be restored", lines.getLast());

        JsonNode json = new ObjectMapper().readTree(run("verify", "--json", Fixtures.store("legacy/dangling").toString()).out());
        assertEquals(false, json.get("ok").asBoolean());
        assertEquals("OBJECT_NOT_FOUND", json.get("problems").get(0).get("kind").asText());
        assertEquals(missing.get("path").asText(), json.get("problems").get(0).get("affected").get(0).get("path").asText());
    }

    @Test
    void aFlippedByteInAnObjectATreeOrASnapshotFileIsEachReported(@TempDir Path tmp) throws Exception {
        JsonNode manifest = Fixtures.manifest("legacy/basic");
        // an object of raw blocks only: a flipped byte still decodes, and only its BLAKE3 tells
        JsonNode raw = null;
        for (JsonNode o : manifest.get("objects")) {
            JsonNode z = o.get("zstd");
            if (raw == null && o.get("size").asLong() > 100 && z.get("block_types").get("raw").asInt() == z.get("blocks").asInt()) {
                raw = o;
            }
        }
        Path objects = copy(tmp, "object");
        flip(objects.resolve(raw.get("path").asText()));
        Result o = run("verify", objects.toString());
        assertEquals(1, o.exit(), o.toString());
        assertTrue(o.out().startsWith("CONTENT_HASH_MISMATCH\t"), o.out());
        assertTrue(o.out().contains("\tfile\t"), o.out());

        Path trees = copy(tmp, "tree");
        JsonNode tree = manifest.get("trees").get(0);
        Path treeFile = trees.resolve(tree.get("path").asText());
        byte[] bytes = Files.readAllBytes(treeFile);
        bytes[bytes.length - 5] ^= 1; // in the last entry's size: it still decodes
        Files.write(treeFile, bytes);
        Result t = run("verify", trees.toString());
        assertEquals(1, t.exit(), t.toString());
        assertTrue(t.out().startsWith("TREE_HASH_MISMATCH\t"), t.out());
        assertTrue(t.out().contains("\tfolder\t"), t.out());

        Path snapshots = copy(tmp, "snapshot");
        Path json = snapshots.resolve(manifest.get("snapshots").get(0).get("json_path").asText());
        Files.writeString(json, Files.readString(json).replace("\"root_tree_hash\": [", "\"root_tree_hash\": [ x"));
        Result s = run("verify", snapshots.toString());
        assertEquals(1, s.exit(), s.toString());
        assertTrue(s.out().startsWith("UNREADABLE\t" + json), s.out());
        assertTrue(s.out().contains("is not JSON"), s.out());
    }

    @Test
    void snapshotsListsThemNewestFirstAndNamesAFileThatDoesNotParse(@TempDir Path tmp) throws Exception {
        JsonNode manifest = Fixtures.manifest("legacy/edge");
        Result r = run("snapshots", Fixtures.store("legacy/edge").toString());
        assertEquals(0, r.exit(), r.toString());
        List<String> lines = r.out().lines().toList();
        assertEquals(3, lines.size(), r.out());
        JsonNode newest = manifest.get("snapshots").get(2);
        assertEquals(newest.get("id").asText() + "\t" + newest.get("created_at").asText() + "\t" + newest.get("total_files").asLong() + "\t"
                + newest.get("total_bytes").asLong() + "\t", lines.getFirst(), "save 3 has no message");
        assertTrue(lines.getLast().startsWith(manifest.get("snapshots").get(0).get("id").asText() + "\t"), "the oldest last");

        Path store = copy(tmp, "bad-json");
        Path json = store.resolve(Fixtures.manifest("legacy/basic").get("snapshots").get(1).get("json_path").asText());
        Files.writeString(json, "{");
        Result bad = run("snapshots", store.toString());
        assertEquals(1, bad.exit(), bad.toString());
        assertEquals(2, bad.out().lines().count(), "the other two are listed");
        assertTrue(bad.err().strip().startsWith("pack-inspector: " + json + ": this chkpt 0.1.x snapshot is not JSON"), bad.err());
    }

    @Test
    void filesListsASnapshotsFilesFromItsTreesByIdPrefixOrLatest() throws Exception {
        JsonNode manifest = Fixtures.manifest("legacy/basic");
        JsonNode first = manifest.get("snapshots").get(0);
        Result r = run("files", Fixtures.store("legacy/basic").toString(), first.get("id").asText().substring(0, 20));
        assertEquals(0, r.exit(), r.toString());
        var want = new java.util.ArrayList<String>();
        for (JsonNode f : first.get("files")) {
            want.add(f.get("mode_octal").asText() + "\t" + f.get("size").asLong() + "\t" + f.get("blob_hash").asText() + "\t" + f.get("path").asText());
        }
        assertEquals(want.stream().sorted().toList(), r.out().lines().sorted().toList());
        assertEquals(manifest.get("snapshots").get(2).get("files").size(), run("files", Fixtures.store("legacy/basic").toString(), "latest").out().lines().count());
        Result none = run("files", Fixtures.store("legacy/basic").toString(), "ffff");
        assertEquals(2, none.exit(), none.toString());
        assertTrue(none.err().contains("no snapshot 'ffff'"), none.err());
        Result several = run("files", Fixtures.store("legacy/basic").toString(), "01a2");
        assertEquals(2, several.exit(), several.toString());
        assertTrue(several.err().contains("is the start of 3 snapshots"), several.err());
    }

    @Test
    void tempFilesAndObjectsNoSnapshotUsesAreNotesNotProblems(@TempDir Path tmp) throws Exception {
        Path store = copy(tmp, "strays");
        Files.writeString(store.resolve("snapshots/01a232e1-0000-7000-8000-000000000000.tmp"), "{");
        Path extra = store.resolve("objects/00/" + "0".repeat(62));
        Files.createDirectories(extra.getParent());
        Files.write(extra, new byte[] {0x28, (byte) 0xB5, 0x2F, (byte) 0xFD, 0x20, 0x00, 0x01, 0x00, 0x00});
        Result r = run("verify", store.toString());
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("note\tsnapshots/01a232e1-0000-7000-8000-000000000000.tmp: a temp file a save left"), r.out());
        assertTrue(r.out().contains("note\tobjects/00/" + "0".repeat(62) + ": an object no snapshot uses"), r.out());
        assertEquals("no problems found", r.out().lines().toList().getLast());
    }

    private static Path copy(Path tmp, String name) throws Exception {
        Path store = tmp.resolve(name);
        StoreFingerprint.copy(Fixtures.store("legacy/basic"), store);
        return store;
    }

    private static void flip(Path file) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x10;
        Files.write(file, bytes);
    }
}

package dev.packinspector.legacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.packinspector.Fixtures;
import dev.packinspector.StoreFingerprint;
import dev.packinspector.store.StoreException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stores the published chkpt 0.1.2 wrote (fixtures/legacy): every snapshot listed as its
 * manifest says, newest first, and every snapshot's tree walk giving exactly its files (path,
 * object, size, mode); and hostile trees and snapshot files refused with their reasons.
 */
class LegacyReadersTest {
    @ParameterizedTest
    @ValueSource(strings = {"legacy/basic", "legacy/deleted", "legacy/dangling", "legacy/attachments", "legacy/edge"})
    void everySnapshotAndEveryFileIsWhatTheManifestSays(String fixture) throws Exception {
        Path root = Fixtures.store(fixture);
        var fingerprint = StoreFingerprint.of(root);
        LegacyStore store = LegacyStore.open(root);
        JsonNode manifest = Fixtures.manifest(fixture);
        LegacyStore.Snapshots listed = store.snapshots();
        assertEquals(List.of(), listed.problems());
        List<JsonNode> expected = new ArrayList<>();
        manifest.get("snapshots").forEach(expected::add);
        expected.sort((a, b) -> b.get("created_at").asText().compareTo(a.get("created_at").asText()));
        assertEquals(expected.stream().map(s -> s.get("id").asText()).toList(), listed.snapshots().stream().map(LegacySnapshot::id).toList(),
                "newest first");
        var walk = new LegacyWalk(store);
        for (int i = 0; i < expected.size(); i++) {
            JsonNode want = expected.get(i);
            LegacySnapshot got = listed.snapshots().get(i);
            assertEquals(want.get("message").isNull() ? null : want.get("message").asText(), got.message());
            assertEquals(want.get("root_tree_hash").asText(), got.rootTree().toHex());
            assertEquals(want.get("total_files").asLong(), got.totalFiles());
            assertEquals(want.get("total_bytes").asLong(), got.totalBytes());
            assertEquals(want.get("new_objects").asLong(), got.newObjects());
            LegacyWalk.Files files = walk.of(got);
            assertEquals(List.of(), files.problems(), got.id());
            var wantFiles = new ArrayList<String>();
            for (JsonNode f : want.get("files")) {
                wantFiles.add(f.get("path").asText() + " " + f.get("blob_hash").asText() + " " + f.get("size").asLong() + " " + f.get("mode").asInt());
            }
            wantFiles.sort((x, y) -> java.util.Arrays.compareUnsigned(x.getBytes(StandardCharsets.UTF_8), y.getBytes(StandardCharsets.UTF_8)));
            List<String> gotFiles = files.files().stream().map(f -> f.path() + " " + f.object().toHex() + " " + f.size() + " " + f.mode())
                    .sorted((x, y) -> java.util.Arrays.compareUnsigned(x.getBytes(StandardCharsets.UTF_8), y.getBytes(StandardCharsets.UTF_8))).toList();
            assertEquals(wantFiles, gotFiles, got.id());
        }
        assertEquals(fingerprint, StoreFingerprint.of(root), "the store is untouched");
    }

    @Test
    void aSnapshotFileThatDoesNotParseIsAProblemNotASilentSkip(@TempDir Path tmp) throws Exception {
        Path root = tmp.resolve("store");
        StoreFingerprint.copy(Fixtures.store("legacy/basic"), root);
        Path victim;
        try (var files = Files.list(root.resolve("snapshots"))) {
            victim = files.sorted().findFirst().orElseThrow();
        }
        Files.writeString(victim, Files.readString(victim).replace("\"stats\"", "\"stats\" 1"));
        Files.writeString(root.resolve("snapshots/not-an-id.json"), "{}");
        LegacyStore.Snapshots listed = LegacyStore.open(root).snapshots();
        assertEquals(2, listed.snapshots().size(), "the other two are listed");
        assertEquals(2, listed.problems().size(), listed.problems().toString());
        assertTrue(listed.problems().stream().anyMatch(p -> p.file().equals(victim) && p.getMessage().contains("is not JSON")), listed.problems().toString());
        assertTrue(listed.problems().stream().anyMatch(p -> p.getMessage().contains("has no text id")), listed.problems().toString());
    }

    @Test
    void hostileTreesAreRefusedWithTheirReasons() {
        byte[] id = new byte[32];
        assertRefused(tree(2, entry("a", 0, id)), "more than its");
        assertRefused(tree(1, entry("a/b", 0, id)), "holds a '/'");
        assertRefused(tree(1, entry("..", 1, id)), "is '..'");
        assertRefused(tree(1, entry("k", 7, id)), "kind 7");
        byte[] badUtf8 = tree(1, entry("x\u00e9", 0, id));
        badUtf8[16] = (byte) 0xC3;
        badUtf8[17] = (byte) 0x28;
        assertRefused(badUtf8, "not UTF-8");
        byte[] whole = tree(1, entry("name", 0, id));
        assertRefused(java.util.Arrays.copyOf(whole, whole.length - 1), "more than the file holds");
        assertRefused(new byte[3], "ends before the entry count");
        byte[] huge = tree(1, entry("n", 0, id));
        ByteBuffer.wrap(huge).order(ByteOrder.LITTLE_ENDIAN).putLong(8, Long.MAX_VALUE);
        assertRefused(huge, "more than the file holds");
        ByteBuffer.wrap(huge).order(ByteOrder.LITTLE_ENDIAN).putLong(8, -1); // a u64 name length of 2^64 - 1
        assertRefused(huge, "more than the file holds");
        byte[] countless = tree(-1, entry("n", 0, id)); // a u64 count of 2^64 - 1 is not an empty tree
        assertRefused(countless, "more than its");
    }

    @Test
    void aTreeWhoseBytesDoNotHashToItsIdIsDamagedAndNamesItsFolder(@TempDir Path tmp) throws Exception {
        Path root = tmp.resolve("store");
        StoreFingerprint.copy(Fixtures.store("legacy/basic"), root);
        LegacyStore store = LegacyStore.open(root);
        LegacySnapshot latest = store.snapshots().snapshots().getFirst();
        LegacyId src = store.tree(latest.rootTree()).entries().stream().filter(e -> e.name().equals("src")).findFirst().orElseThrow().id();
        byte[] bytes = Files.readAllBytes(store.treeFile(src));
        bytes[bytes.length - 5] ^= 1; // a byte of the last entry's size: it still decodes
        Files.write(store.treeFile(src), bytes);
        LegacyWalk.Files files = new LegacyWalk(store).of(latest);
        assertEquals(1, files.problems().size());
        assertEquals("src", files.problems().getFirst().folder());
        StoreException p = files.problems().getFirst().error();
        assertEquals(dev.packinspector.store.ProblemKind.TREE_HASH_MISMATCH, p.kind());
        assertEquals(store.treeFile(src), p.file());
        assertTrue(p.detail().endsWith("(damaged), needed by folder 'src'"), p.getMessage());
    }

    @Test
    void aMissingTreeNamesTheFolderThatNeedsItAndTheRestIsWalked(@TempDir Path tmp) throws Exception {
        Path root = tmp.resolve("store");
        StoreFingerprint.copy(Fixtures.store("legacy/basic"), root);
        LegacyStore store = LegacyStore.open(root);
        LegacySnapshot latest = store.snapshots().snapshots().getFirst();
        LegacyId src = store.tree(latest.rootTree()).entries().stream().filter(e -> e.name().equals("src")).findFirst().orElseThrow().id();
        Files.delete(store.treeFile(src));
        LegacyWalk.Files files = new LegacyWalk(store).of(latest);
        assertEquals(1, files.problems().size());
        assertEquals("tree " + src + " is missing, needed by folder 'src'", files.problems().getFirst().error().detail());
        assertTrue(files.files().stream().noneMatch(f -> f.path().startsWith("src/")));
        assertTrue(files.files().stream().anyMatch(f -> f.path().equals("README.md")));
    }

    private static void assertRefused(byte[] bytes, String reason) {
        var e = assertThrows(StoreException.class, () -> LegacyTree.decode(bytes, Path.of("trees/ab/cd")));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    private static byte[] tree(long count, byte[]... entries) {
        var out = new ByteArrayOutputStream();
        out.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(count).array());
        for (byte[] e : entries) {
            out.writeBytes(e);
        }
        return out.toByteArray();
    }

    private static byte[] entry(String name, int kind, byte[] id) {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(8 + n.length + 4 + 32 + 8 + 4).order(ByteOrder.LITTLE_ENDIAN).putLong(n.length).put(n).putInt(kind).put(id)
                .putLong(kind == 1 ? 0 : 5).putInt(kind == 1 ? 040755 : 0100644).array();
    }
}

package dev.packinspector.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.packinspector.Fixtures;
import dev.packinspector.StoreFingerprint;
import dev.packinspector.legacy.LegacySnapshot;
import dev.packinspector.legacy.LegacyStore;
import dev.packinspector.legacy.LegacyWalk;
import dev.packinspector.store.ProblemKind;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every snapshot of every store chkpt 0.1.2 wrote (fixtures/legacy) restores as its manifest
 * says: exactly its files, each with its content and its permission bits (which chkpt's own
 * restore never sets); the object gc removed is refused in the plan and named, the rest
 * restored; damaged content never reaches a final name; the store is never written.
 */
class LegacyRestoreTest {
    @ParameterizedTest
    @ValueSource(strings = {"legacy/basic", "legacy/deleted", "legacy/dangling", "legacy/attachments", "legacy/edge"})
    void everySnapshotRestoresAsItsManifestSays(String fixture, @TempDir Path tmp) throws Exception {
        Path root = Fixtures.store(fixture);
        var fingerprint = StoreFingerprint.of(root);
        LegacyStore store = LegacyStore.open(root);
        JsonNode manifest = Fixtures.manifest(fixture);
        Set<String> missing = new HashSet<>();
        manifest.get("missing_objects").forEach(m -> missing.add(m.get("snapshot_id").asText() + " " + m.get("path").asText()));
        var source = new LooseObjects(store);
        for (JsonNode snapshot : manifest.get("snapshots")) {
            String id = snapshot.get("id").asText();
            LegacySnapshot chosen = store.resolve(id);
            Path target = tmp.resolve(id);
            RestorePlan plan = RestorePlanner.plan(source, LooseObjects.items(new LegacyWalk(store).of(chosen)), target, false, FreeSpace.SYSTEM);
            RestoreResult result = new Restorer(2).run(plan, RestoreListener.NONE);

            Map<String, String> want = new TreeMap<>();
            Set<String> refused = new HashSet<>();
            for (JsonNode f : snapshot.get("files")) {
                String path = f.get("path").asText();
                if (missing.contains(id + " " + path)) {
                    refused.add(path);
                } else {
                    want.put(path, f.get("sha256").asText() + " " + Integer.toOctalString(f.get("mode").asInt() & 0777));
                }
            }
            assertEquals(want, restored(target), fixture + " " + id);
            assertEquals(refused, new HashSet<>(plan.refused().stream().map(RestoreProblem::path).toList()), "refused up front: " + id);
            for (RestoreProblem p : plan.refused()) {
                assertEquals(ProblemKind.OBJECT_NOT_FOUND, p.kind());
                assertTrue(p.message().contains(p.id().toHex()) && p.message().contains("missing"), p.message());
            }
            assertEquals(want.size(), result.written());
            assertEquals(refused.size(), result.problems().size());
        }
        assertEquals(fingerprint, StoreFingerprint.of(root), "the store is untouched");
    }

    @Test
    void aRestoreOverItselfChangesNothingAndFixesModes(@TempDir Path tmp) throws Exception {
        LegacyStore store = LegacyStore.open(Fixtures.store("legacy/basic"));
        var source = new LooseObjects(store);
        List<RestoreItem> items = LooseObjects.items(new LegacyWalk(store).of(store.resolve("latest")));
        Path target = tmp.resolve("t");
        new Restorer(2).run(RestorePlanner.plan(source, items, target, false, FreeSpace.SYSTEM), RestoreListener.NONE);
        Path tool = target.resolve("bin/tool.sh");
        Files.setPosixFilePermissions(tool, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        RestorePlan again = RestorePlanner.plan(source, items, target, false, FreeSpace.SYSTEM);
        assertEquals(0, again.filesToWrite(), "every file is found identical by its BLAKE3");
        assertEquals(List.of("bin/tool.sh"), again.unchanged().stream().filter(RestorePlan.Existing::modeDiffers).map(e -> e.item().path()).toList());
        new Restorer(1).run(again, RestoreListener.NONE);
        assertEquals("rwxr-xr-x", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(tool)));
    }

    @Test
    void damagedContentNeverReachesItsName(@TempDir Path tmp) throws Exception {
        Path copy = tmp.resolve("store");
        StoreFingerprint.copy(Fixtures.store("legacy/basic"), copy);
        LegacyStore store = LegacyStore.open(copy);
        List<RestoreItem> items = LooseObjects.items(new LegacyWalk(store).of(store.resolve("latest")));
        RestoreItem readme = items.stream().filter(i -> i.path().equals("README.md")).findFirst().orElseThrow();
        // a zstd frame without a checksum decodes after a flipped literal byte: only the BLAKE3 catches it
        Path object = store.objectFile((dev.packinspector.legacy.LegacyId) readme.id());
        byte[] bytes = Files.readAllBytes(object);
        bytes[bytes.length - 3] ^= 0x20;
        Files.write(object, bytes);
        Path target = tmp.resolve("t");
        RestoreResult result = new Restorer(2).run(RestorePlanner.plan(new LooseObjects(store), items, target, false, FreeSpace.SYSTEM),
                RestoreListener.NONE);
        assertEquals(List.of("README.md"), result.problems().stream().map(RestoreProblem::path).toList());
        RestoreProblem p = result.problems().getFirst();
        assertTrue(p.kind() == ProblemKind.CONTENT_HASH_MISMATCH || p.kind() == ProblemKind.UNREADABLE || p.kind() == ProblemKind.SIZE_MISMATCH,
                p.toString());
        assertFalse(Files.exists(target.resolve("README.md"), LinkOption.NOFOLLOW_LINKS));
        try (var left = Files.list(target)) {
            assertTrue(left.noneMatch(f -> TempFiles.isTemp(f)), "no temp file is left");
        }
        assertEquals(items.size() - 1, result.written());
    }

    /** Each regular file under {@code target} (relative path) with the SHA-256 of its content and its permission bits in octal. */
    static Map<String, String> restored(Path target) throws Exception {
        Map<String, String> got = new TreeMap<>();
        if (!Files.exists(target)) {
            return got;
        }
        try (var all = Files.walk(target)) {
            for (Path p : all.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)).toList()) {
                int bits = dev.packinspector.restore.PosixModes.bits(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
                got.put(target.relativize(p).toString(), Fixtures.sha256(Files.readAllBytes(p)) + " " + Integer.toOctalString(bits));
            }
        }
        return got;
    }
}

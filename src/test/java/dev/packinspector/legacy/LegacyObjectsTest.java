package dev.packinspector.legacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.packinspector.Fixtures;
import dev.packinspector.StoreFingerprint;
import dev.packinspector.store.ProblemKind;
import dev.packinspector.store.StoreException;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The zstd objects chkpt 0.1.2 wrote: every one decodes to the content its manifest hashes, and a
 * missing one, a changed byte, a frame that is no frame, and content longer or shorter than the
 * snapshot records are each refused as what they are.
 */
class LegacyObjectsTest {
    @ParameterizedTest
    @ValueSource(strings = {"legacy/basic", "legacy/deleted", "legacy/dangling", "legacy/attachments", "legacy/edge"})
    void everyObjectDecodesToItsContent(String fixture) throws Exception {
        var objects = new LegacyObjects(LegacyStore.open(Fixtures.store(fixture)));
        int n = 0;
        for (JsonNode o : Fixtures.manifest(fixture).get("objects")) {
            var out = new ByteArrayOutputStream();
            long size = objects.decode(LegacyId.parse(o.get("blob_hash").asText()), o.get("size").asLong(), out);
            assertEquals(o.get("size").asLong(), size);
            assertEquals(o.get("sha256").asText(), Fixtures.sha256(out.toByteArray()), o.get("path").asText());
            n++;
        }
        assertTrue(n > 0 || fixture.equals("legacy/edge"), "objects were checked");
    }

    @Test
    void aMissingObjectADamagedOneAndSizesThatDisagreeAreEachRefusedAsWhatTheyAre(@TempDir Path tmp) throws Exception {
        JsonNode missing = Fixtures.manifest("legacy/dangling").get("missing_objects").get(0);
        var dangling = new LegacyObjects(LegacyStore.open(Fixtures.store("legacy/dangling")));
        assertEquals(ProblemKind.OBJECT_NOT_FOUND, refused(dangling, missing.get("blob_hash").asText(), -1).kind());

        Path root = tmp.resolve("store");
        StoreFingerprint.copy(Fixtures.store("legacy/basic"), root);
        LegacyStore store = LegacyStore.open(root);
        var objects = new LegacyObjects(store);
        JsonNode raw = null;
        JsonNode big = null;
        for (JsonNode o : Fixtures.manifest("legacy/basic").get("objects")) {
            JsonNode zstd = o.get("zstd");
            if (zstd.get("block_types").get("raw").asInt() == zstd.get("blocks").asInt() && o.get("size").asLong() > 100 && raw == null) {
                raw = o;
            }
            if (big == null || o.get("size").asLong() > big.get("size").asLong()) {
                big = o;
            }
        }
        // a changed byte in a raw block decodes without error: only the hash tells
        LegacyId rawId = LegacyId.parse(raw.get("blob_hash").asText());
        byte[] bytes = Files.readAllBytes(store.objectFile(rawId));
        bytes[bytes.length / 2] ^= 0x10;
        Files.write(store.objectFile(rawId), bytes);
        StoreException damaged = refused(objects, rawId.toHex(), raw.get("size").asLong());
        assertEquals(ProblemKind.CONTENT_HASH_MISMATCH, damaged.kind());
        assertTrue(damaged.detail().contains("decodes to content whose BLAKE3 is"), damaged.getMessage());

        String bigId = big.get("blob_hash").asText();
        StoreException longer = refused(objects, bigId, 1000);
        assertEquals(ProblemKind.SIZE_MISMATCH, longer.kind());
        assertTrue(longer.detail().contains("more than the 1000 bytes"), longer.getMessage());
        StoreException shorter = refused(objects, bigId, big.get("size").asLong() + 1);
        assertEquals(ProblemKind.SIZE_MISMATCH, shorter.kind());

        Files.write(store.objectFile(LegacyId.parse(bigId)), new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        assertEquals(ProblemKind.UNREADABLE, refused(objects, bigId, big.get("size").asLong()).kind(), "not a zstd frame");
    }

    @Test
    void aZstdBombRecordedAsTenBytesIsStoppedAtTheEleventh() throws Exception {
        byte[] zeros = new byte[16 << 20];
        var compressor = new io.airlift.compress.v3.zstd.ZstdJavaCompressor();
        byte[] frame = new byte[compressor.maxCompressedLength(zeros.length)];
        int n = compressor.compress(zeros, 0, zeros.length, frame, 0, frame.length);
        assertTrue(n < 4096, "16 MiB of zeros in " + n + " bytes");
        var read = new java.util.concurrent.atomic.AtomicLong();
        var counting = new java.io.FilterInputStream(new java.io.ByteArrayInputStream(frame, 0, n)) {
            @Override
            public int read(byte[] b, int off, int len) throws java.io.IOException {
                int got = super.read(b, off, len);
                read.addAndGet(Math.max(0, got));
                return got;
            }
        };
        var out = new ByteArrayOutputStream();
        var e = assertThrows(StoreException.class, () -> LegacyObjects.decode(counting, LegacyId.parse("ab".repeat(32)), 10, out,
                Path.of("objects/ab/cd")));
        assertEquals(ProblemKind.SIZE_MISMATCH, e.kind());
        assertTrue(e.detail().contains("more than the 10 bytes"), e.getMessage());
        assertEquals(0, out.size(), "nothing past the recorded size is handed on");
    }

    private static StoreException refused(LegacyObjects objects, String id, long size) {
        return assertThrows(StoreException.class, () -> objects.decode(LegacyId.parse(id), size, null));
    }
}

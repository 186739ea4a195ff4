package dev.packinspector.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.packinspector.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PackWriterTest {

    static List<String> stores() {
        return List.of("basic", "alias");
    }

    /** Given chkpt's own frames in .dat order, the writer reproduces chkpt's files byte for byte. */
    @ParameterizedTest
    @MethodSource("stores")
    void reproducesChkptsPacksByteForByteFromTheirFrames(String store, @TempDir Path out) throws Exception {
        Path packsDir = Fixtures.store(store).resolve("packs");
        for (JsonNode pack : Fixtures.manifest(store).get("packs")) {
            String name = pack.get("pack_hash").asText();
            byte[] dat = Files.readAllBytes(packsDir.resolve(PackFiles.dat(name)));
            try (PackWriter writer = new PackWriter(out)) {
                for (JsonNode entry : pack.get("entries_in_dat_order")) {
                    int payload = entry.get("offset").asInt() + Pack.ENTRY_HEADER_BYTES;
                    byte[] frame = java.util.Arrays.copyOfRange(dat, payload, payload + entry.get("compressed_size").asInt());
                    writer.addPreCompressed(ObjectId.parse(entry.get("blob_hash").asText()), frame);
                }
                assertEquals(name, writer.finish());
            }
            assertArrayEquals(dat, Files.readAllBytes(out.resolve(PackFiles.dat(name))), "dat of " + name);
            assertArrayEquals(Files.readAllBytes(packsDir.resolve(PackFiles.idx(name))),
                    Files.readAllBytes(out.resolve(PackFiles.idx(name))), "idx of " + name);
        }
        try (var files = Files.list(out)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().startsWith(".tmp")), "no temp file left");
        }
    }

    @Test
    void contentRoundTripsAtEveryBlockSizeBoundary(@TempDir Path out) throws Exception {
        var random = new SplittableRandom(11);
        List<byte[]> contents = new ArrayList<>();
        for (int size : new int[] {0, 1, 12, 13, 65_535, 65_536, 65_537, 262_144, 262_145, 5 << 20, 9 << 20}) {
            byte[] text = new byte[size];
            for (int i = 0; i < size; i++) {
                text[i] = (byte) ('a' + (i * 7 + i / 13) % 26);
            }
            byte[] noise = new byte[size];
            random.nextBytes(noise);
            contents.add(text);
            contents.add(noise);
        }
        List<ObjectId> ids = new ArrayList<>();
        String name;
        try (PackWriter writer = new PackWriter(out)) {
            for (byte[] c : contents) {
                ids.add(writer.add(c));
            }
            name = writer.finish();
        }
        try (PackSet packs = PackSet.open(out)) {
            Pack pack = packs.readablePacks().getFirst();
            assertEquals(name, pack.computeName());
            var problems = new ArrayList<StoreException>();
            pack.validate(true, problems::add);
            assertEquals(List.of(), problems);
            for (int i = 0; i < contents.size(); i++) {
                assertArrayEquals(contents.get(i), packs.read(ids.get(i)), "content " + i);
            }
        }
    }

    @Test
    void theSameContentTwiceKeepsTheExistingPack(@TempDir Path out) throws Exception {
        byte[] content = "twice".getBytes();
        String first;
        try (PackWriter w = new PackWriter(out)) {
            w.add(content);
            first = w.finish();
        }
        try (PackWriter w = new PackWriter(out)) {
            w.add(content);
            assertEquals(first, w.finish());
        }
        try (var files = Files.list(out)) {
            assertEquals(2, files.count(), ".dat and .idx only");
        }
    }
}

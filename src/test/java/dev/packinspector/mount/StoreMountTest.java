package dev.packinspector.mount;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.packinspector.Fixtures;
import dev.packinspector.StoreFingerprint;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import dev.packinspector.store.ObjectId;
import dev.packinspector.store.ObjectLocation;
import dev.packinspector.store.PackSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every fixture store (those the real chkpt binaries wrote, and those its PackWriter wrote), mounted
 * through real FUSE: every file and link of every snapshot (under by-id/) is what the fixture's
 * manifest says (content, permission bits, link target), read by 8 readers at once; random reads at random offsets and lengths are the content's bytes; writes
 * are refused; unmounting leaves the mount point empty and unmounted; the store is untouched.
 * Skipped, with the reason, where FUSE cannot mount.
 */
class StoreMountTest {
    @ParameterizedTest
    @ValueSource(strings = {"real/head-basic", "real/head-chunked", "real/7f7f180-basic", "real/head-deleted", "real/head-gc", "basic", "chunked",
        "alias"})
    void everyFileOfEverySnapshotReadsAsTheManifestSays(String fixture, @TempDir Path tmp) throws Exception {
        Path store = Fixtures.store(fixture);
        var fingerprint = StoreFingerprint.of(store);
        Path point = Files.createDirectory(tmp.resolve("mnt"));
        var problems = new ConcurrentLinkedQueue<String>();
        StoreMount mount = TestMounts.mountOrSkip(store, point, problems::add);
        try {
            assertTrue(mount.mounted());
            assertTrue(Files.isSymbolicLink(point.resolve("latest")));
            assertFalse(mountThreads().isEmpty(), "the mount's threads are known by name");
            var failures = new ConcurrentLinkedQueue<String>();
            List<JsonNode> entries = new ArrayList<>();
            List<String> roots = new ArrayList<>();
            for (JsonNode s : Fixtures.manifest(fixture).get("snapshots")) {
                for (JsonNode f : s.get("files")) {
                    entries.add(f);
                    roots.add(s.get("id").asText());
                }
            }
            ExecutorService readers = Executors.newFixedThreadPool(8);
            for (int i = 0; i < entries.size(); i++) {
                JsonNode f = entries.get(i);
                Path p = point.resolve("by-id").resolve(roots.get(i)).resolve(f.get("path").asText());
                readers.execute(() -> check(f, p, failures));
            }
            readers.shutdown();
            assertTrue(readers.awaitTermination(120, TimeUnit.SECONDS));
            assertTrue(failures.isEmpty(), () -> String.join("\n", failures));
            assertTrue(problems.isEmpty(), problems::toString);

            Path big = biggestFile(point.resolve("latest").toRealPath());
            byte[] whole = Files.readAllBytes(big);
            var random = new Random(17);
            try (FileChannel channel = FileChannel.open(big, StandardOpenOption.READ)) {
                for (int i = 0; i < 200; i++) {
                    long offset = random.nextInt(whole.length + 10);
                    int length = random.nextInt(300_000);
                    ByteBuffer buffer = ByteBuffer.allocate(length);
                    int n = Math.max(0, channel.read(buffer, offset));
                    int expected = (int) Math.max(0, Math.min(length, whole.length - offset));
                    assertEquals(expected, n, "read of " + length + " at " + offset);
                    assertArrayEquals(java.util.Arrays.copyOfRange(whole, (int) Math.min(offset, whole.length), (int) Math.min(offset, whole.length) + expected),
                            java.util.Arrays.copyOf(buffer.array(), n), "bytes at " + offset);
                }
            }
            assertThrows(IOException.class, () -> Files.writeString(point.resolve("latest/new.txt"), "x"), "a new file is refused");
            assertThrows(IOException.class, () -> Files.writeString(big, "x"), "a write is refused");
            assertThrows(IOException.class, () -> Files.delete(big), "a delete is refused");
        } finally {
            mount.close();
        }
        assertFalse(mount.mounted(), "unmounted");
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!mountThreads().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(List.of(), mountThreads(), "no thread of the mount is left");
        try (var left = Files.list(point)) {
            assertEquals(0, left.count(), "the mount point is empty again");
        }
        assertEquals(fingerprint, StoreFingerprint.of(store), "the store is untouched");
    }

    @Test
    void aFileWhoseContentIsNotItsObjectsFailsOnceReadWholeAndIsNamed(@TempDir Path tmp) throws Exception {
        String fixture = "real/head-basic";
        Path store = tmp.resolve("store");
        StoreFingerprint.copy(Fixtures.store(fixture), store);
        JsonNode latest = Fixtures.manifest(fixture).get("snapshots").get(0);
        JsonNode victim = null;
        for (JsonNode f : latest.get("files")) {
            if (f.get("type").asText().equals("file") && f.get("size").asLong() > 100 && (victim == null || f.get("size").asLong() < victim.get("size").asLong())) {
                victim = f;
            }
        }
        // the last byte before a frame's end mark is a literal (LZ4 blocks end with 5 of them): changing it changes the content, and it still decodes
        try (PackSet packs = PackSet.open(store)) {
            ObjectLocation at = packs.require(ObjectId.parse(victim.get("blob_hash").asText()));
            long last = at.pack().payloadStart(at.position()) + at.compressedSize() - 5;
            Path file = at.pack().data().fileAt(last);
            long offset = at.pack().data().offsetInFile(last);
            try (var f = new java.io.RandomAccessFile(file.toFile(), "rw")) {
                f.seek(offset);
                int b = f.read();
                f.seek(offset);
                f.write(b ^ 0x20);
            }
        }
        var fingerprint = StoreFingerprint.of(store);
        Path point = Files.createDirectory(tmp.resolve("mnt"));
        var problems = new ConcurrentLinkedQueue<String>();
        StoreMount mount = TestMounts.mountOrSkip(store, point, problems::add);
        try {
            Path damaged = point.resolve("by-id").resolve(latest.get("id").asText()).resolve(victim.get("path").asText());
            assertThrows(IOException.class, () -> Files.readAllBytes(damaged), "read whole, the damage is found");
            assertThrows(IOException.class, () -> Files.readAllBytes(damaged), "and every later read fails");
            assertEquals(1, problems.size(), problems::toString);
            String said = problems.peek();
            assertTrue(said.contains(victim.get("path").asText()) && said.contains("does not hash"), said);
            var failures = new ConcurrentLinkedQueue<String>();
            for (JsonNode f : latest.get("files")) {
                if (!f.get("blob_hash").asText().equals(victim.get("blob_hash").asText())) {
                    check(f, point.resolve("by-id").resolve(latest.get("id").asText()).resolve(f.get("path").asText()), failures);
                }
            }
            assertTrue(failures.isEmpty(), () -> String.join("\n", failures));
        } finally {
            mount.close();
        }
        assertEquals(fingerprint, StoreFingerprint.of(store), "the store is untouched");
    }

    /** The threads a mount starts: FUSE's loop and workers, the refresher, the prefetcher. */
    private static List<String> mountThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith("jfuse") || n.startsWith("pack-inspector-mount")).sorted().toList();
    }

    private static void check(JsonNode f, Path p, ConcurrentLinkedQueue<String> failures) {
        try {
            String type = f.get("type").asText();
            if (type.equals("symlink")) {
                if (!Files.readSymbolicLink(p).toString().equals(f.get("link_target").asText())) {
                    failures.add(p + ": link to " + Files.readSymbolicLink(p));
                }
                return;
            }
            if (!Fixtures.sha256(Files.readAllBytes(p)).equals(f.get("sha256").asText())) {
                failures.add(p + ": other content");
            }
            int mode = ((Number) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS)).intValue();
            if ((mode & 0777) != (f.get("mode").asInt() & 0777)) {
                failures.add(p + ": mode " + Integer.toOctalString(mode));
            }
            if (Files.size(p) != f.get("size").asLong()) {
                failures.add(p + ": size " + Files.size(p));
            }
        } catch (IOException e) {
            failures.add(p + ": " + e);
        }
    }

    private static Path biggestFile(Path dir) throws IOException {
        try (var all = Files.walk(dir)) {
            return all.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)).max(java.util.Comparator.comparingLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException e) {
                    return -1;
                }
            })).orElseThrow();
        }
    }
}

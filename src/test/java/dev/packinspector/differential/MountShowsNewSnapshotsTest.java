package dev.packinspector.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.packinspector.StoreFingerprint;
import dev.packinspector.mount.StoreMount;
import dev.packinspector.mount.TestMounts;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store mounted while the real chkpt goes on saving into it: the new snapshot appears within
 * seconds (without asking), {@code latest} moves to it, the earlier snapshot's folder shows what it
 * did, and a file opened before the save reads on to its end. The store is only read.
 */
class MountShowsNewSnapshotsTest {
    @Test
    void aSnapshotSavedWhileMountedAppears(@TempDir Path tmp) throws Exception {
        ChkptBinary chkpt = ChkptBinary.require(RealWriter.HEAD);
        Path home = Files.createDirectory(tmp.resolve("home"));
        Path workspace = Files.createDirectory(tmp.resolve("work space"));
        byte[] big = new byte[3 << 20];
        new java.util.Random(5).nextBytes(big);
        Files.write(workspace.resolve("big.bin"), big);
        Files.writeString(workspace.resolve("notes.txt"), "first\n");
        String first = chkpt.save(workspace, home, "first", 0);
        Path store = ChkptBinary.storeIn(home);
        Path point = Files.createDirectory(tmp.resolve("mnt"));
        var problems = new ConcurrentLinkedQueue<String>();
        StoreMount mount = TestMounts.mountOrSkip(store, point, problems::add);
        try (mount; FileChannel open = FileChannel.open(point.resolve("latest/big.bin"), StandardOpenOption.READ)) {
            assertEquals("first\n", Files.readString(point.resolve("latest/notes.txt")));
            ByteBuffer head = ByteBuffer.allocate(1 << 20);
            open.read(head, 0);

            Files.writeString(workspace.resolve("notes.txt"), "second\n");
            Files.writeString(workspace.resolve("new file.txt"), "new\n");
            String second = chkpt.save(workspace, home, "second", 0);
            Path newest = point.resolve("by-id").resolve(second);
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!Files.isDirectory(newest) && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertTrue(Files.isDirectory(newest), "the new snapshot appeared by itself");
            assertTrue(Files.readSymbolicLink(point.resolve("latest")).toString().endsWith(" second"), "latest is the new one");
            assertEquals("second\n", Files.readString(point.resolve("latest/notes.txt")));
            assertEquals("new\n", Files.readString(point.resolve("latest/new file.txt")));
            assertEquals("first\n", Files.readString(point.resolve("by-id").resolve(first).resolve("notes.txt")));

            ByteBuffer rest = ByteBuffer.allocate(big.length);
            rest.put(head.flip());
            while (rest.hasRemaining() && open.read(rest, rest.position()) > 0) {
                // reading on after the refresh
            }
            assertTrue(java.util.Arrays.equals(big, rest.array()), "the file opened before the save reads whole");
            assertTrue(problems.isEmpty(), problems::toString);
            var fingerprint = StoreFingerprint.of(store);
            assertEquals(false, mount.refresh(), "nothing changed since");
            assertEquals(fingerprint, StoreFingerprint.of(store));
        }
    }
}

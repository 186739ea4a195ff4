package dev.packinspector.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.packinspector.StoreFingerprint;
import dev.packinspector.mount.StoreMount;
import dev.packinspector.mount.TestMounts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 20,000-file workspace saved by the real chkpt, read through the mount as a shell user reads
 * it: {@code find -type f | xargs cat} gives the workspace's bytes, and every file's kind,
 * permission bits, size and link target are the workspace's. The store is only read.
 */
class MountManyFilesTest {
    private static final int FOLDERS = 200;
    private static final int FILES = 100;

    @Test
    void findXargsCatThroughTheMountGivesTheWorkspacesBytes(@TempDir Path tmp) throws Exception {
        ChkptBinary chkpt = ChkptBinary.require(RealWriter.HEAD);
        Path workspace = Files.createDirectory(tmp.resolve("work space"));
        var random = new SplittableRandom(20_000);
        for (int d = 0; d < FOLDERS; d++) {
            Path folder = Files.createDirectories(workspace.resolve(d % 3 == 0 ? "src/mod " + d : "pkg-" + d + "/deeper/ünï"));
            for (int f = 0; f < FILES; f++) {
                Path file = folder.resolve(f % 17 == 0 ? "file #" + f + " 日本.txt" : "f" + f + (f % 5 == 0 ? ".bin" : ".rs"));
                int size = f % 50 == 0 ? 200_000 + random.nextInt(300_000) : random.nextInt(f % 5 == 0 ? 20_000 : 4_000);
                byte[] bytes = new byte[size];
                if (f % 5 == 0) {
                    random.nextBytes(bytes);
                } else {
                    for (int i = 0; i < size; i++) {
                        bytes[i] = (byte) ("fn main() { let x = 42; }\n".charAt((i + d * f) % 26));
                    }
                }
                Files.write(file, bytes);
                if (f % 23 == 0) {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-x---"));
                }
            }
            if (d % 40 == 0) {
                Files.createSymbolicLink(folder.resolve("link"), Path.of("f1.rs"));
            }
        }
        Path home = Files.createDirectory(tmp.resolve("home"));
        chkpt.save(workspace, home, "twenty thousand", 0);
        Path store = ChkptBinary.storeIn(home);
        var fingerprint = StoreFingerprint.of(store);
        Path point = Files.createDirectory(tmp.resolve("mnt"));
        var problems = new ConcurrentLinkedQueue<String>();
        StoreMount mount = TestMounts.mountOrSkip(store, point, problems::add);
        try (mount) {
            Path snapshot = point.resolve("latest").toRealPath();
            assertEquals(shell(workspace, "find . ! -type d -printf '%y %m %s %P -> %l\\n' | LC_ALL=C sort"),
                    shell(snapshot, "find . ! -type d -printf '%y %m %s %P -> %l\\n' | LC_ALL=C sort"), "every file's kind, mode, size and link");
            String listed = shell(snapshot, "find . -type f | wc -l").strip();
            assertEquals(String.valueOf(FOLDERS * FILES), listed);
            String cat = "find . -type f -print0 | LC_ALL=C sort -z | xargs -0 cat | sha256sum";
            assertEquals(shell(workspace, cat), shell(snapshot, cat), "the same bytes");
            assertTrue(problems.isEmpty(), problems::toString);
        }
        assertEquals(fingerprint, StoreFingerprint.of(store), "the store is untouched");
    }

    /** What {@code script} prints, run by sh in {@code folder}. */
    private static String shell(Path folder, String script) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("sh", "-c", script).directory(folder.toFile()).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(300, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), () -> script + ": " + new String(out, StandardCharsets.UTF_8));
        return new String(out, StandardCharsets.UTF_8);
    }
}

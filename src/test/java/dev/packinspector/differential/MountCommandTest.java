package dev.packinspector.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.packinspector.Fixtures;
import dev.packinspector.StoreFingerprint;
import dev.packinspector.mount.StoreMount;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pack-inspector mount} as a user runs it, in a process of its own: in the background it
 * returns once mounted and ends (removing its log) when {@code fusermount3 -u} unmounts it; with
 * {@code --foreground}, SIGTERM unmounts; a mount point that is not an empty folder, or a snapshot
 * that is not there, is refused in one line. The store is untouched.
 */
class MountCommandTest {
    private static final Pattern BY_PROCESS = Pattern.compile("by process (\\d+) .* reports problems to (\\S+)$");

    @TempDir
    Path tmp;

    @BeforeEach
    void needsFuse() {
        Assumptions.assumeTrue(Files.isReadable(Path.of("/dev/fuse")) && Files.isWritable(Path.of("/dev/fuse")), "no /dev/fuse this user can open here");
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/fusermount3")) || Files.isExecutable(Path.of("/bin/fusermount3")),
                "no fusermount3 here (the fuse3 package)");
    }

    @Test
    void inTheBackgroundItReturnsMountedAndEndsWhenUnmountedFromOutside() throws Exception {
        Path store = Fixtures.store("real/head-basic");
        var fingerprint = StoreFingerprint.of(store);
        Path point = Files.createDirectory(tmp.resolve("mount point"));
        var run = PackInspectorProcess.run(tmp, Map.of("XDG_RUNTIME_DIR", tmp.toString()), "mount", store.toString(), point.toString());
        assertEquals(0, run.exit(), run::toString);
        assertTrue(StoreMount.isMounted(point), "mounted when the command returns");
        var said = BY_PROCESS.matcher(said(run));
        assertTrue(said.find(), run.stderr());
        ProcessHandle child = ProcessHandle.of(Long.parseLong(said.group(1))).orElseThrow();
        Path log = Path.of(said.group(2));
        assertTrue(Files.exists(log));
        assertTrue(Files.isDirectory(point.resolve("latest/")), "the snapshots are there");

        var unmount = new ProcessBuilder("fusermount3", "-u", point.toString()).inheritIO().start();
        assertEquals(0, unmount.waitFor());
        child.onExit().get(30, TimeUnit.SECONDS);
        assertFalse(StoreMount.isMounted(point));
        assertFalse(Files.exists(log), "nothing to report: the log is gone");
        assertEquals(fingerprint, StoreFingerprint.of(store));
    }

    @Test
    void inTheForegroundSigtermUnmounts() throws Exception {
        Path store = Fixtures.store("real/head-chunked");
        Path point = Files.createDirectory(tmp.resolve("mnt"));
        Path output = tmp.resolve("output.txt");
        Process p = PackInspectorProcess.start(output, Map.of(), "mount", store.toString(), point.toString(), "--foreground");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!StoreMount.isMounted(point) && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertTrue(StoreMount.isMounted(point), () -> "mounted: " + read(output));
        assertTrue(Files.isSymbolicLink(point.resolve("latest")));
        p.destroy(); // SIGTERM
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertFalse(StoreMount.isMounted(point), "SIGTERM unmounted it");
        try (var left = Files.list(point)) {
            assertEquals(0, left.count());
        }
    }

    @Test
    void aMountPointThatIsNotAnEmptyFolderOrAnUnknownSnapshotIsRefused() throws Exception {
        Path store = Fixtures.store("real/head-basic");
        Path full = Files.createDirectory(tmp.resolve("full"));
        Files.writeString(full.resolve("a file"), "x");
        for (boolean foreground : new boolean[] {false, true}) {
            String[] args = foreground ? new String[] {"mount", store.toString(), full.toString(), "--foreground"}
                    : new String[] {"mount", store.toString(), full.toString()};
            var run = PackInspectorProcess.run(tmp, Map.of(), args);
            assertEquals(2, run.exit(), run::toString);
            assertEquals("pack-inspector: the mount point " + full + " is not empty", said(run));
        }
        var file = PackInspectorProcess.run(tmp, Map.of(), "mount", store.toString(), full.resolve("a file").toString(), "--foreground");
        assertEquals(2, file.exit(), file::toString);
        assertTrue(said(file).endsWith("is not a folder"), file.stderr());

        Path empty = Files.createDirectory(tmp.resolve("empty"));
        var unknown = PackInspectorProcess.run(tmp, Map.of(), "mount", store.toString(), empty.toString(), "--snapshot", "ffffffff");
        assertEquals(2, unknown.exit(), unknown::toString);
        assertEquals(1, said(unknown).lines().count(), unknown.stderr());
        assertFalse(StoreMount.isMounted(empty));
    }

    /** What the command said, without the JVM's own warnings (a class path run names JavaFX modules it does not have). */
    private static String said(PackInspectorProcess.Run run) {
        return run.stderr().lines().filter(l -> !l.startsWith("WARNING: ") && !l.startsWith("Picked up JAVA_TOOL_OPTIONS")).collect(java.util.stream.Collectors.joining("\n")).strip();
    }

    @Test
    void withoutLibfuseItSaysWhatToInstall() throws Exception {
        Path point = Files.createDirectory(tmp.resolve("mnt"));
        var run = PackInspectorProcess.run(tmp, Map.of("JAVA_TOOL_OPTIONS", "-Dpackinspector.libfuse=/nonexistent/libfuse3.so.3"),
                "mount", Fixtures.store("real/head-basic").toString(), point.toString(), "--foreground");
        assertEquals(3, run.exit(), run::toString);
        String said = said(run);
        assertEquals(1, said.lines().count(), said);
        assertTrue(said.startsWith("pack-inspector: FUSE is not available: cannot load libfuse3 (install the fuse3 package)"), said);
        assertFalse(StoreMount.isMounted(point));
        try (var left = Files.list(point)) {
            assertEquals(0, left.count());
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }
}

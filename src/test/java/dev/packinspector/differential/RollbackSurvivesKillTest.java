package dev.packinspector.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.packinspector.StoreFingerprint;
import dev.packinspector.differential.FolderState.Entry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pack-inspector rollback}, killed with SIGKILL at random moments, leaves every path of the
 * folder as it was, as the snapshot has it, or in the trash: never a broken file under a final
 * name. Run again, it finishes: the folder is the snapshot's (what the killed runs left behind
 * under temp names goes to the trash too), every replaced or removed file is in the trash, and the
 * store chkpt-2f794af wrote is untouched.
 */
class RollbackSurvivesKillTest {
    private static final int FILES = 600;

    @Test
    void aKilledRollbackLeavesEachFileOldNewOrTrashedAndARerunFinishes(@TempDir Path tmp) throws Exception {
        ChkptBinary chkpt = ChkptBinary.require(RealWriter.HEAD);
        Path home = Files.createDirectory(tmp.resolve("home"));
        Path ws = Files.createDirectory(tmp.resolve("ws")).toRealPath();
        var random = new Random(17);
        for (int i = 0; i < FILES; i++) {
            write(ws.resolve("d" + i % 12 + "/file-" + i + ".bin"), bytes(random, 20_000 + random.nextInt(200_000)));
        }
        Files.createSymbolicLink(ws.resolve("link"), Path.of("d0"));
        chkpt.save(ws, home, "before the agent ran", 0);
        Path store = ChkptBinary.storeIn(home);
        Map<String, Entry> snapshot = FolderState.scan(ws).entries();
        var fingerprint = StoreFingerprint.of(store);

        // the agent: rewrites most files, removes some, adds a folder, swaps a link for a folder, changes modes
        for (int i = 0; i < FILES; i++) {
            Path f = ws.resolve("d" + i % 12 + "/file-" + i + ".bin");
            switch (i % 10) {
                case 0 -> Files.delete(f);
                case 1 -> Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwx------"));
                default -> write(f, bytes(random, 20_000 + random.nextInt(200_000)));
            }
        }
        for (int i = 0; i < 50; i++) {
            write(ws.resolve("generated/out-" + i + ".txt"), bytes(random, 5_000));
        }
        Files.delete(ws.resolve("link"));
        write(ws.resolve("link/inside.txt"), bytes(random, 100));
        Map<String, Entry> agent = FolderState.scan(ws).entries();

        var landedMidway = 0;
        for (int kill = 0; kill < 5; kill++) {
            int trashedBefore = count(home.resolve(".local/share/Trash/info"));
            Process p = rollback(ws, home, tmp.resolve("kill-" + kill + ".txt"));
            // once it has begun to change the folder (a new item in the trash), a random moment later
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (p.isAlive() && count(home.resolve(".local/share/Trash/info")) == trashedBefore && System.nanoTime() < deadline) {
                Thread.sleep(2);
            }
            Thread.sleep(random.nextInt(kill * 40 + 20));
            p.destroyForcibly(); // SIGKILL
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            var failures = new ArrayList<String>();
            Map<String, Entry> now = FolderState.scan(ws).entries();
            int old = 0;
            int fresh = 0;
            for (var e : now.entrySet()) {
                Entry before = agent.get(e.getKey());
                Entry after = snapshot.get(e.getKey());
                boolean isOld = before != null && before.sameContent(e.getValue());
                boolean isNew = after != null && after.sameContent(e.getValue());
                boolean temp = e.getKey().matches(".*/?\\.pack-inspector-[0-9a-z]+\\.tmp");
                if (!isOld && !isNew && !temp) {
                    failures.add(Shown.path(e.getKey()) + " is neither the old nor the new version: " + e.getValue());
                }
                old += isOld && !isNew ? 1 : 0;
                fresh += isNew && !isOld ? 1 : 0;
            }
            landedMidway += old > 0 && fresh > 0 ? 1 : 0;
            Map<String, Entry> trashed = RollbackMatchesSnapshotsTest.trashed(home.resolve(".local/share/Trash"), ws);
            for (var e : agent.entrySet()) {
                Entry there = now.get(e.getKey());
                Entry inTrash = trashed.get(e.getKey());
                if ((there == null || !there.sameContent(e.getValue())) && (inTrash == null || !inTrash.sameContent(e.getValue()))) {
                    failures.add(Shown.path(e.getKey()) + " (as the agent left it) is neither in the folder nor in the trash");
                }
            }
            assertTrue(failures.isEmpty(), "after kill " + kill + ":\n  " + String.join("\n  ", failures));
        }
        System.out.println("RollbackSurvivesKillTest: " + landedMidway + " of 5 kills landed with some files old and some new");

        Process last = rollback(ws, home, tmp.resolve("last.txt"));
        assertTrue(last.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, last.exitValue(), Files.readString(tmp.resolve("last.txt")));
        List<Differences.Difference> differences = Differences.exact(snapshot, FolderState.scan(ws));
        assertTrue(differences.isEmpty(), () -> "after the last run: " + differences);
        Map<String, Entry> trashed = RollbackMatchesSnapshotsTest.trashed(home.resolve(".local/share/Trash"), ws);
        for (var e : agent.entrySet()) {
            Entry kept = snapshot.get(e.getKey());
            if (kept == null || !kept.sameContent(e.getValue())) {
                Entry inTrash = trashed.get(e.getKey());
                assertTrue(inTrash != null && inTrash.sameContent(e.getValue()), Shown.path(e.getKey()) + " went, but the trash has " + inTrash);
            }
        }
        assertEquals(fingerprint, StoreFingerprint.of(store), "the store is untouched");
    }

    /** {@code pack-inspector rollback ws} in a JVM of its own, as a user runs it: HOME says where the store and the trash are. */
    private static Process rollback(Path ws, Path home, Path output) throws IOException {
        return PackInspectorProcess.start(output, Map.of("HOME", home.toString()), "rollback", ws.toString());
    }

    private static int count(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (var files = Files.list(folder)) {
            return (int) files.count();
        }
    }

    private static void write(Path file, byte[] content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, content);
    }

    private static byte[] bytes(Random random, int size) {
        byte[] b = new byte[size];
        for (int i = 0; i < size; i += 64) {
            b[i] = (byte) random.nextInt(); // compressible, yet each file its own
        }
        return b;
    }
}

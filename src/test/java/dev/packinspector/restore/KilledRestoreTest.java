package dev.packinspector.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.packinspector.store.ObjectId;
import dev.packinspector.store.PackSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety: a restore in a child JVM is killed with SIGKILL at 20 random points, from before
 * its first write to near its end. After every kill, no file under its final name has wrong
 * content, and a re-run completes with every file correct.
 */
class KilledRestoreTest {
    private static final int FILES = 200;
    private static final int KILLS = 20;

    @TempDir
    static Path store;
    static List<RestoreItem> items;
    static final Map<String, ObjectId> expected = new HashMap<>();

    @BeforeAll
    static void writeStore() throws IOException {
        items = GeneratedStore.write(store.resolve("packs"), FILES, 256 << 10, 21);
        items.forEach(i -> expected.put(i.path(), (ObjectId) i.id()));
    }

    @Test
    void killedAtRandomPointsARestoreNeverLeavesAWrongFileAndAlwaysCompletesOnARerun(@TempDir Path work) throws Exception {
        Path itemsFile = work.resolve("items.txt");
        Files.writeString(itemsFile, GeneratedStore.encode(items));
        var random = new SplittableRandom(2026);
        int killedMidway = 0;
        for (int kill = 0; kill < KILLS; kill++) {
            Path target = work.resolve("target-" + kill);
            // a third of the kills at a moment in the child's first second (start-up, planning, first
            // writes), the rest once a random number of files is on disk
            boolean byTime = kill % 3 == 0;
            long afterMillis = random.nextLong(1000);
            int afterFiles = 1 + random.nextInt(FILES - 1);
            Process child = startChild(itemsFile, target, work.resolve("child-" + kill + ".log"));
            long started = System.nanoTime();
            long deadline = started + TimeUnit.SECONDS.toNanos(60);
            while (child.isAlive() && System.nanoTime() < deadline
                    && (byTime ? System.nanoTime() - started < TimeUnit.MILLISECONDS.toNanos(afterMillis) : regularFiles(target) < afterFiles)) {
                Thread.sleep(1);
            }
            child.destroyForcibly(); // SIGKILL on Unix
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));

            int survived = RestoreChecks.assertNoPartialFiles(target, expected);
            if (survived < FILES) {
                killedMidway++;
            }
            System.out.printf("kill %2d (%s): %3d of %d files complete under their names, none wrong%n", kill + 1,
                    byTime ? afterMillis + " ms after start" : "at " + afterFiles + " files on disk", survived, FILES);
            rerunCompletes(target);
        }
        assertTrue(killedMidway >= KILLS / 2, "most kills landed before the restore had finished: " + killedMidway + " of " + KILLS);
    }

    private static Process startChild(Path itemsFile, Path target, Path log) throws IOException {
        return new ProcessBuilder(RestoreChild.command(store.resolve("packs"), itemsFile, target))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static void rerunCompletes(Path target) throws IOException {
        try (PackSet packs = PackSet.open(store)) {
            RestoreResult result = new Restorer(2).run(RestorePlanner.plan(packs, items, target, false), RestoreListener.NONE);
            assertTrue(result.ok(), () -> result.problems().toString());
        }
        assertEquals(FILES, RestoreChecks.assertNoPartialFiles(target, expected), "every file in place");
        RestoreChecks.assertNoTempFiles(target);
    }

    /** Regular files under {@code target} (temp files included); a file renamed while counting is skipped. */
    private static long regularFiles(Path target) {
        if (!Files.isDirectory(target)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(target)) {
            return files.filter(Files::isRegularFile).count();
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }
}

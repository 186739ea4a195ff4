package dev.packinspector.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.packinspector.store.ObjectId;
import dev.packinspector.store.PackSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A restore stopped half-way (cancelled, or its JVM killed) leaves no partial file under a final name, and a re-run completes. */
class InterruptedRestoreTest {
    @TempDir
    static Path store;
    static List<RestoreItem> items;

    @BeforeAll
    static void writeStore() throws Exception {
        items = GeneratedStore.write(store.resolve("packs"), 200, 1 << 20, 5);
    }

    /** Every file under a final name is complete and correct; returns how many there are. */
    private static int assertNoPartialFiles(Path target) throws Exception {
        Map<String, ObjectId> expected = new HashMap<>();
        items.forEach(i -> expected.put(i.path(), (ObjectId) i.id()));
        return RestoreChecks.assertNoPartialFiles(target, expected);
    }

    private static void assertRerunCompletes(Path target) throws Exception {
        try (PackSet packs = PackSet.open(store)) {
            RestoreResult result = new Restorer(2).run(RestorePlanner.plan(packs, items, target, false), RestoreListener.NONE);
            assertTrue(result.ok(), () -> result.problems().toString());
        }
        assertEquals(items.size(), assertNoPartialFiles(target));
        try (var files = Files.walk(target)) {
            assertTrue(files.noneMatch(TempFiles::isTemp), "the re-run cleaned up the temp files");
        }
    }

    @Test
    void cancelMidwayLeavesNoTempOrPartialFileAndARerunCompletes(@TempDir Path target) throws Exception {
        try (PackSet packs = PackSet.open(store)) {
            RestorePlan plan = RestorePlanner.plan(packs, items, target, false);
            var restorer = new Restorer(1);
            var done = new java.util.concurrent.atomic.AtomicInteger();
            RestoreResult result = restorer.run(plan, new RestoreListener() {
                @Override
                public void written(String path, long bytes) {
                    if (done.incrementAndGet() == 3) {
                        restorer.cancel();
                    }
                }
            });
            assertTrue(result.cancelled());
            assertTrue(result.written() < items.size(), "stopped before the end");
        }
        try (var files = Files.walk(target)) {
            assertTrue(files.noneMatch(TempFiles::isTemp), "a cancelled restore removes its temp files");
        }
        assertNoPartialFiles(target);
        assertRerunCompletes(target);
    }

    @Test
    void killedJvmLeavesNoPartialFileUnderAFinalNameAndARerunCompletes(@TempDir Path work) throws Exception {
        Path target = work.resolve("target");
        Path itemsFile = work.resolve("items.txt");
        Files.writeString(itemsFile, GeneratedStore.encode(items));
        var child = new ProcessBuilder(RestoreChild.command(store.resolve("packs"), itemsFile, target))
                .redirectErrorStream(true).redirectOutput(work.resolve("child.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (child.isAlive() && countFiles(target) < 10 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        child.destroyForcibly();  // SIGKILL on Unix
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        assertTrue(child.exitValue() != 0, "the child was killed before it finished (see child.log)");
        int survived = assertNoPartialFiles(target);
        assertTrue(survived < items.size(), "killed mid-way: " + survived + " of " + items.size());
        assertRerunCompletes(target);
    }

    private static long countFiles(Path target) throws Exception {
        if (!Files.isDirectory(target)) {
            return 0;
        }
        try (var files = Files.walk(target)) {
            return files.filter(Files::isRegularFile).count();
        } catch (java.io.UncheckedIOException renamedWhileWalking) {
            return 0; // the child renamed or removed a temp file under the walk: the caller polls again
        }
    }
}

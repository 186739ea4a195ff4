package dev.packinspector.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.packinspector.store.ObjectId;
import dev.packinspector.store.PackSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A restore into a file system that fills up: the files that do not fit fail with a clear reason,
 * no file under its final name is partial, no temp file is left, and what fitted is correct. Uses
 * a 4 MB tmpfs, so it needs a machine that lets the test mount one (root here and in CI); it is
 * skipped, saying why, where that is refused.
 */
class DiskFullTest {
    @Test
    void aFullDiskFailsTheFilesThatDoNotFitAndLeavesNoPartialFile(@TempDir Path work) throws Exception {
        Path disk = Files.createDirectories(work.resolve("small-disk"));
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", disk.toString()), "cannot mount a small tmpfs here");
        try {
            List<RestoreItem> items = GeneratedStore.write(work.resolve("store/packs"), 20, 1 << 20, 7);
            Map<String, ObjectId> expected = new HashMap<>();
            items.forEach(i -> expected.put(i.path(), (ObjectId) i.id()));
            Path target = disk.resolve("target");
            RestoreResult result;
            try (PackSet packs = PackSet.open(work.resolve("store"))) {
                // the plan would refuse a target this small: say it had room, as when another program fills the disk after planning
                result = new Restorer(2).run(RestorePlanner.plan(packs, items, target, false, folder -> Long.MAX_VALUE), RestoreListener.NONE);
            }
            assertFalse(result.ok(), "20 MiB cannot fit in 4 MB");
            assertTrue(result.written() < items.size());
            for (RestoreProblem p : result.problems()) {
                assertTrue(p.message().contains("No space left on device"), p.path() + ": " + p.message());
            }
            int complete = RestoreChecks.assertNoPartialFiles(target, expected);
            RestoreChecks.assertNoTempFiles(target);
            assertTrue(complete == result.written(), complete + " complete files, " + result.written() + " reported written");
        } finally {
            run("umount", disk.toString());
        }
    }

    @Test
    void aPlanForARealDiskTooSmallIsRefusedBeforeAnythingIsWritten(@TempDir Path work) throws Exception {
        Path disk = Files.createDirectories(work.resolve("small-disk"));
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", disk.toString()), "cannot mount a small tmpfs here");
        try {
            List<RestoreItem> items = GeneratedStore.write(work.resolve("store/packs"), 20, 1 << 20, 7);
            Path target = disk.resolve("target");
            try (PackSet packs = PackSet.open(work.resolve("store"))) {
                RestorePlan plan = RestorePlanner.plan(packs, items, target, false);
                assertEquals(disk, plan.space().measuredAt(), "measured where the target will be created");
                assertFalse(plan.space().fits(), "20 MiB cannot fit in 4 MB");
                assertTrue(plan.spaceProblem().contains("has 4.2 MB free but this restore needs 21 MB"), plan.spaceProblem());
                assertThrows(IllegalArgumentException.class, () -> new Restorer(2).run(plan, RestoreListener.NONE));
            }
            assertFalse(Files.exists(target), "nothing was written");
        } finally {
            run("umount", disk.toString());
        }
    }

    private static boolean run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    }
}
